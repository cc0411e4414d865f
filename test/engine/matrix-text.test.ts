/**
 * The truth table as text (src/engine/matrix-text.ts), exactly: the classic example as Markdown
 * and CSV for one port, a protocol and everything; the x/y/z pods with outside ranges (blank
 * cells) and partial cells. Expected outputs are written from the policies, not from the code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { truthTable } from '../../src/engine/matrix';
import { matrixCsv, matrixMarkdown } from '../../src/engine/matrix-text';
import type { PortQuery } from '../../src/engine/types';
import { analyzeYaml, netpol, xyz } from '../helpers';

const CLASSIC = analyzeYaml(readFileSync(new URL('../../fixtures/classic/nginx.yaml', import.meta.url), 'utf8'));
const CLIENT = 'default/client[Pod]';
const NGINX = 'default/nginx-pod-with-label[Pod]';
const OTHER = 'team-b/other-client[Pod]';
const WORLD = '0.0.0.0-255.255.255.255';

const markdown = (query?: PortQuery) => [...matrixMarkdown(truthTable(CLASSIC, query))];
const csv = (analysis: Parameters<typeof truthTable>[0], query?: PortQuery) => [...matrixCsv(truthTable(analysis, query))];
const legend = (traffic: string) =>
  `Traffic: ${traffic}. Rows are sources, columns destinations: ✓ allowed, ✗ denied, ◐ partly allowed; blank: not decided (an endpoint and itself, or two outside ranges).`;

describe('the classic example (nginx accepts TCP 80 only; everything else is open)', () => {
  const header = [`| source \\ destination | ${CLIENT} | ${NGINX} | ${OTHER} | ${WORLD} |`, '|---|:-:|:-:|:-:|:-:|'];

  it('TCP 80 is allowed between every pair', () => {
    expect(markdown({ protocol: 'TCP', port: 80 })).toEqual([
      legend('TCP 80'),
      '',
      ...header,
      `| ${CLIENT} |   | ✓ | ✓ | ✓ |`,
      `| ${NGINX} | ✓ |   | ✓ | ✓ |`,
      `| ${OTHER} | ✓ | ✓ |   | ✓ |`,
      `| ${WORLD} | ✓ | ✓ | ✓ |   |`,
    ]);
  });

  it('TCP 443 is denied into nginx', () => {
    expect(markdown({ protocol: 'TCP', port: 443 }).slice(4)).toEqual([
      `| ${CLIENT} |   | ✗ | ✓ | ✓ |`,
      `| ${NGINX} | ✓ |   | ✓ | ✓ |`,
      `| ${OTHER} | ✓ | ✗ |   | ✓ |`,
      `| ${WORLD} | ✓ | ✗ | ✓ |   |`,
    ]);
  });

  it('every TCP port, or everything: nginx is reached partly; UDP not at all', () => {
    const partly = [
      `| ${CLIENT} |   | ◐ | ✓ | ✓ |`,
      `| ${NGINX} | ✓ |   | ✓ | ✓ |`,
      `| ${OTHER} | ✓ | ◐ |   | ✓ |`,
      `| ${WORLD} | ✓ | ◐ | ✓ |   |`,
    ];
    expect(markdown({ protocol: 'TCP' })).toEqual([legend('every TCP port'), '', ...header, ...partly]);
    expect(markdown()).toEqual([legend('every port of every protocol'), '', ...header, ...partly]);
    expect(markdown({ protocol: 'UDP' })[4]).toBe(`| ${CLIENT} |   | ✗ | ✓ | ✓ |`);
  });

  it('as CSV: destination ids, then a row of verdicts per source', () => {
    expect(csv(CLASSIC)).toEqual([
      `,${CLIENT},${NGINX},${OTHER},${WORLD}`,
      `${CLIENT},,partial,allowed,allowed`,
      `${NGINX},allowed,,allowed,allowed`,
      `${OTHER},allowed,partial,,allowed`,
      `${WORLD},allowed,partial,allowed,`,
    ]);
  });
});

describe('the x/y/z pods', () => {
  it('x/a accepting TCP 80 from namespace y: allowed from y, denied from the rest, partly on TCP', () => {
    const a = xyz(
      netpol('x', 'a', `  podSelector: {matchLabels: {pod: a}}\n  ingress: [{from: [{namespaceSelector: {matchLabels: {ns: "y"}}}], ports: [{port: 80}]}]\n`),
    );
    const ids = 'x/a[Pod],x/b[Pod],x/c[Pod],y/a[Pod],y/b[Pod],z/a[Pod],z/b[Pod],0.0.0.0-255.255.255.255';
    const open = (at: number, into: string) => {
      const cells = ['', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed'];
      cells[0] = into;
      cells[at] = '';
      return cells.join(',');
    };
    expect(csv(a, { protocol: 'TCP', port: 80 })).toEqual([
      `,${ids}`,
      `x/a[Pod],${open(0, '')}`,
      `x/b[Pod],${open(1, 'denied')}`,
      `x/c[Pod],${open(2, 'denied')}`,
      `y/a[Pod],${open(3, 'allowed')}`,
      `y/b[Pod],${open(4, 'allowed')}`,
      `z/a[Pod],${open(5, 'denied')}`,
      `z/b[Pod],${open(6, 'denied')}`,
      `0.0.0.0-255.255.255.255,${open(7, 'denied')}`,
    ]);
    expect(csv(a, { protocol: 'TCP' })[4]).toBe(`y/a[Pod],${open(3, 'partial')}`);
    expect(csv(a, { protocol: 'SCTP' })[4]).toBe(`y/a[Pod],${open(3, 'denied')}`);
  });

  it('x/a sending only to 10.0.0.0/8: three outside ranges, no cell between two of them', () => {
    const a = xyz(
      netpol(
        'x',
        'a',
        `  podSelector: {matchLabels: {pod: a}}\n  policyTypes: [Egress]\n  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]\n`,
      ),
    );
    const lines = csv(a, { protocol: 'UDP', port: 53 });
    expect(lines[0]).toBe(
      ',x/a[Pod],x/b[Pod],x/c[Pod],y/a[Pod],y/b[Pod],z/a[Pod],z/b[Pod],0.0.0.0-9.255.255.255,10.0.0.0-10.255.255.255,11.0.0.0-255.255.255.255',
    );
    expect(lines[1]).toBe('x/a[Pod],,denied,denied,denied,denied,denied,denied,denied,allowed,denied');
    expect(lines[2]).toBe('x/b[Pod],allowed,,allowed,allowed,allowed,allowed,allowed,allowed,allowed,allowed');
    expect(lines.slice(8)).toEqual([
      '0.0.0.0-9.255.255.255,allowed,allowed,allowed,allowed,allowed,allowed,allowed,,,',
      '10.0.0.0-10.255.255.255,allowed,allowed,allowed,allowed,allowed,allowed,allowed,,,',
      '11.0.0.0-255.255.255.255,allowed,allowed,allowed,allowed,allowed,allowed,allowed,,,',
    ]);
  });
});
