import { describe, expect, it } from 'vitest';
import { ALL_CONNECTIONS, NO_CONNECTIONS } from '../../engine';
import type { DocumentId } from '../../model/source';
import type { ConnectionSet, EndpointId, PairExplanation, PolicyId, RuleRef, SideExplanation } from '../../engine/types';
import { primaryRule, provenanceRows } from './provenance';

const loc = { document: 0 as DocumentId, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
const tcp = (lo: number, hi = lo): ConnectionSet => ({ ...NO_CONNECTIONS, TCP: [[lo, hi]] });
const rule = (index: number, direction: 'ingress' | 'egress' = 'ingress'): RuleRef => ({
  policy: 'default/web' as PolicyId,
  direction,
  index,
  location: loc,
  tier: 'networkPolicy',
  action: 'accept',
});
const open = (direction: 'ingress' | 'egress'): SideExplanation => ({
  direction,
  endpoint: 'x' as EndpointId,
  subjectToPolicies: true,
  isolatedBy: [],
  rules: [],
  allowed: ALL_CONNECTIONS,
});
const pair = (egress: SideExplanation, ingress: SideExplanation, allowed: ConnectionSet): PairExplanation => ({
  from: 'a' as EndpointId,
  to: 'b' as EndpointId,
  egress,
  ingress,
  allowed,
  verdict: true,
});
const isolated = (rules: [RuleRef, ConnectionSet][]): SideExplanation => ({
  ...open('ingress'),
  isolatedBy: [
    {
      id: 'default/web' as PolicyId,
      kind: 'NetworkPolicy',
      tier: 'networkPolicy',
      namespace: 'default',
      name: 'web',
      location: loc,
      nameLocation: loc,
      policyTypes: ['Ingress'],
    },
  ],
  rules: rules.map(([r, allowed]) => ({ rule: r, allowed })),
  allowed: tcp(80, 90),
});

describe('provenanceRows', () => {
  it('says everything is allowed when neither side is isolated', () => {
    const rows = provenanceRows(pair(open('egress'), open('ingress'), ALL_CONNECTIONS));
    expect(rows).toEqual([{ ports: ALL_CONNECTIONS, label: 'All', egress: { kind: 'open' }, ingress: { kind: 'open' } }]);
  });

  it('splits ports where the rules that allow them differ', () => {
    const ingress = isolated([
      [rule(0), tcp(80)],
      [rule(1), tcp(80, 90)],
    ]);
    const rows = provenanceRows(pair(open('egress'), ingress, tcp(80, 90)));
    expect(rows.map((r) => [r.label, r.ingress])).toEqual([
      ['TCP 80', { kind: 'rules', rules: [rule(0), rule(1)] }],
      ['TCP 81-90', { kind: 'rules', rules: [rule(1)] }],
    ]);
    expect(rows.every((r) => r.egress.kind === 'open')).toBe(true);
  });

  it('leaves out ports the other side does not allow', () => {
    const ingress = isolated([[rule(0), tcp(80, 90)]]);
    const egress = { ...isolated([[rule(0, 'egress'), tcp(85, 100)]]), direction: 'egress' as const };
    const rows = provenanceRows(pair(egress, ingress, tcp(85, 90)));
    expect(rows.map((r) => r.label)).toEqual(['TCP 85-90']);
  });

  it('opens the ingress rule first, else the egress one, else none', () => {
    const ingress = isolated([[rule(2), tcp(80)]]);
    expect(primaryRule(pair(open('egress'), ingress, tcp(80)))).toEqual(rule(2));
    const egress = { ...isolated([[rule(1, 'egress'), tcp(80)]]), direction: 'egress' as const };
    expect(primaryRule(pair(egress, open('ingress'), tcp(80)))).toEqual(rule(1, 'egress'));
    expect(primaryRule(pair(open('egress'), open('ingress'), ALL_CONNECTIONS))).toBeUndefined();
  });
});
