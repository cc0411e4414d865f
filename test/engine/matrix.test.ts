/**
 * The truth table (src/engine/matrix.ts) on the shared x/y/z pods: cells for one port, one
 * protocol and everything; groups by namespace; no cell for a pair of one endpoint or of two
 * outside ranges; and every cell agrees with the connection the engine computed.
 */
import { describe, expect, it } from 'vitest';
import { truthTable } from '../../src/engine/matrix';
import { isAllConnections, isNoConnections } from '../../src/engine';
import { X, Y, Z, analyzeYaml, conn, netpol, xyz } from '../helpers';

/** x/a accepts TCP 80 from namespace y only; its egress goes to 10.0.0.0/8 only. */
const A_POLICY = netpol(
  'x',
  'a',
  `  podSelector: {matchLabels: {pod: a}}
  policyTypes: [Ingress, Egress]
  ingress: [{from: [{namespaceSelector: {matchLabels: {ns: "y"}}}], ports: [{port: 80}]}]
  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}]
`,
);

describe('truth table', () => {
  const a = xyz(A_POLICY);
  const index = (id: string) => a.endpoints.findIndex((e) => e.id === id);
  const at = (table: ReturnType<typeof truthTable>, from: string, to: string) => table.cell(index(from), index(to));

  it('groups rows and columns by namespace, then the outside world', () => {
    expect(truthTable(a).groups.map((g) => [g.name, g.start, g.count])).toEqual([
      ['x', 0, 3],
      ['y', 3, 2],
      ['z', 5, 2],
      ['outside', 7, 3],
    ]);
  });

  it('keeps a namespace called outside apart from the outside world', () => {
    const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: outside, labels: {pod: p}}\n`;
    expect(truthTable(analyzeYaml(pod)).groups.map((g) => [g.name, g.start, g.count])).toEqual([
      ['outside', 0, 1],
      ['outside', 1, 1],
    ]);
  });

  it('for one port: allowed or denied', () => {
    const tcp80 = truthTable(a, { protocol: 'TCP', port: 80 });
    expect(at(tcp80, Y.a, X.a)).toBe('allowed');
    expect(at(tcp80, Z.a, X.a)).toBe('denied');
    expect(at(truthTable(a, { protocol: 'TCP', port: 443 }), Y.a, X.a)).toBe('denied');
  });

  it('for a protocol or everything: partial when only some of it is allowed', () => {
    expect(at(truthTable(a, { protocol: 'TCP' }), Y.a, X.a)).toBe('partial');
    expect(at(truthTable(a, { protocol: 'UDP' }), Y.a, X.a)).toBe('denied');
    expect(at(truthTable(a), Y.a, X.a)).toBe('partial');
    expect(at(truthTable(a), X.b, X.c)).toBe('allowed');
  });

  it('has no cell for a pair of one endpoint, or of two outside ranges', () => {
    const table = truthTable(a);
    expect(at(table, X.a, X.a)).toBeUndefined();
    expect(table.cell(7, 8)).toBeUndefined();
    expect(table.cell(7, index(X.b))).toBe('allowed');
  });

  it('agrees with every connection the engine computed', () => {
    const table = truthTable(a);
    a.endpoints.forEach((from, i) =>
      a.endpoints.forEach((to, j) => {
        const cell = table.cell(i, j);
        if (cell === undefined) return;
        const allowed = conn(a, from.id, to.id);
        expect(cell, `${from.id} → ${to.id}`).toBe(isAllConnections(allowed) ? 'allowed' : isNoConnections(allowed) ? 'denied' : 'partial');
      }),
    );
  });
});
