/**
 * `netpol-canvas connectivity --format matrix | matrix-csv` as users run it: the bundled
 * dist/cli.mjs in a child process. The classic example written out exactly (nginx accepts TCP 80
 * only; everything else is open), the traffic options and their usage errors, and a generated
 * cluster whose every CSV cell is compared with the connections the engine computed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, intersectConnections, isNoConnections, type ConnectionSet } from '../../src/engine';
import { queriedConnections } from '../../src/engine/matrix';
import { parseManifests } from '../../src/model';
import { generateCluster } from '../../bench/generate-cluster';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.mjs');
const CLASSIC = join(ROOT, 'fixtures/classic/nginx.yaml');
const CLIENT = 'default/client[Pod]';
const NGINX = 'default/nginx-pod-with-label[Pod]';
const OTHER = 'team-b/other-client[Pod]';
const WORLD = '0.0.0.0-255.255.255.255';

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
});

describe('connectivity --format matrix', () => {
  it('writes the Markdown truth table of one port, with its legend', () => {
    const { code, out, err } = cli(['connectivity', '--format', 'matrix', '--port', '443', CLASSIC]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      'Traffic: TCP 443. Rows are sources, columns destinations: ✓ allowed, ✗ denied, ◐ partly allowed; blank: not decided (an endpoint and itself, or two outside ranges).',
      '',
      `| source \\ destination | ${CLIENT} | ${NGINX} | ${OTHER} | ${WORLD} |`,
      '|---|:-:|:-:|:-:|:-:|',
      `| ${CLIENT} |   | ✗ | ✓ | ✓ |`,
      `| ${NGINX} | ✓ |   | ✓ | ✓ |`,
      `| ${OTHER} | ✓ | ✗ |   | ✓ |`,
      `| ${WORLD} | ✓ | ✗ | ✓ |   |`,
      '',
    ]);
  });

  it('is about everything without --port and --protocol, and about a whole protocol with --protocol alone', () => {
    const everything = cli(['connectivity', '--format', 'matrix', CLASSIC]).out.split('\n');
    expect(everything[0]).toMatch(/^Traffic: every port of every protocol\./);
    expect(everything[4]).toBe(`| ${CLIENT} |   | ◐ | ✓ | ✓ |`);
    const udp = cli(['connectivity', '--format', 'matrix', '--protocol', 'udp', CLASSIC]).out.split('\n');
    expect(udp[0]).toMatch(/^Traffic: every UDP port\./);
    expect(udp[4]).toBe(`| ${CLIENT} |   | ✗ | ✓ | ✓ |`);
  });
});

describe('connectivity --format matrix-csv', () => {
  it('writes destination ids, then a row of verdicts per source', () => {
    const { code, out } = cli(['connectivity', '--format', 'matrix-csv', '--protocol', 'TCP', '--port', '80', CLASSIC]);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        `,${CLIENT},${NGINX},${OTHER},${WORLD}`,
        `${CLIENT},,allowed,allowed,allowed`,
        `${NGINX},allowed,,allowed,allowed`,
        `${OTHER},allowed,allowed,,allowed`,
        `${WORLD},allowed,allowed,allowed,`,
        '',
      ].join('\n'),
    );
  });

  it('agrees with the engine on every cell of a generated cluster', () => {
    const text = generateCluster(120, 7);
    const file = join(mkdtempSync(join(tmpdir(), 'netpol-matrix-')), 'cluster.yaml');
    writeFileSync(file, text);
    const analysis = analyze(parseManifests([{ file, text }]).resources);
    const query = { protocol: 'TCP' as const, port: 8080 };
    const wanted = queriedConnections(query);
    const allowed = new Map(analysis.connections.map((c) => [`${c.from} ${c.to}`, c.allowed]));
    const verdict = (set: ConnectionSet | undefined) => (!set || isNoConnections(intersectConnections(set, wanted)) ? 'denied' : 'allowed');

    const { code, out } = cli(['connectivity', '--format', 'matrix-csv', '--port', '8080', file]);
    expect(code).toBe(0);
    const [header, ...rows] = out.trimEnd().split('\n').map((line) => line.split(','));
    const ids = analysis.endpoints.map((e) => e.id);
    expect(header).toEqual(['', ...ids]);
    expect(rows.map((row) => row[0])).toEqual(ids);
    const differences: string[] = [];
    const outside = new Set<string>(analysis.endpoints.filter((e) => e.type === 'external').map((e) => e.id));
    rows.forEach(([from, ...cells]) =>
      cells.forEach((cell, j) => {
        const to = ids[j]!;
        const expected = from === to || (outside.has(from!) && outside.has(to)) ? '' : verdict(allowed.get(`${from} ${to}`));
        if (cell !== expected) differences.push(`${from} → ${to}: ${cell}, engine ${expected}`);
      }),
    );
    expect(differences).toEqual([]);
    expect(rows.flat().filter((c) => c === 'allowed').length, 'some cells are allowed').toBeGreaterThan(0);
  });
});

describe('the traffic options', () => {
  it.each([
    [['--format', 'txt', '--port', '80'], /--port and --protocol choose the traffic of --format matrix or matrix-csv/],
    [['--protocol', 'UDP'], /--port and --protocol choose the traffic/],
    [['--format', 'matrix', '--port', '0'], /--port must be a number from 1 to 65535, not "0"/],
    [['--format', 'matrix', '--protocol', 'ICMP'], /--protocol must be one of TCP, UDP, SCTP, not "ICMP"/],
    [['--format', 'matrix-tsv'], /unknown format "matrix-tsv" \(use txt, json, md, csv, dot, matrix, matrix-csv\)/],
  ])('%j is a usage error', (args, message) => {
    const { code, out, err } = cli(['connectivity', ...args, CLASSIC]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('are in the help', () => {
    expect(cli(['connectivity', '--help']).out).toMatch(/--format matrix\|matrix-csv \[--port P\] \[--protocol TCP\|UDP\|SCTP\]/);
  });
});
