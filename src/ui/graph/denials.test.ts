import { describe, expect, it } from 'vitest';
import type { DocumentId } from '../../model/source';
import { Analyzer, isAllConnections } from '../../engine';
import type { EndpointId, PolicyId, RuleRef } from '../../engine/types';
import { parseManifests } from '../../model';
import { clusterDenials, denyingPolicies } from '../../store/evaluation/clusterAnswers';
import { createFlowCache, toFlow } from './toFlow';
import { denialCause, deniedLabel, MAX_DRAWN_DENIALS, policyDenialEdges } from './denials';
import { denialEdgeId, edgeId } from './ids';
import { COREDNS, GUARDRAILS, LEDGER, PROMETHEUS, SHOP, WEB_A } from './testGraph';

/** The guardrails example analysed, and the session's answer for the denied view of an endpoint. */
function guardrails() {
  const { resources } = parseManifests([{ file: 'test.yaml', text: GUARDRAILS }]);
  const analyzer = new Analyzer();
  const analysis = analyzer.update(resources);
  const denying = denyingPolicies(analysis, resources.clusterPolicies);
  const denialsOf = (endpoint: EndpointId) => clusterDenials(analysis, (f, t) => analyzer.explain(f, t), endpoint, denying);
  return { analysis, denialsOf };
}

const AT = { document: 0 as DocumentId, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
const rule = (policy: string, tier: RuleRef['tier'], index: number, name?: string): RuleRef => ({
  policy: policy as PolicyId,
  direction: 'ingress',
  index,
  location: AT,
  tier,
  action: 'deny',
  ...(name ? { name } : {}),
});

describe('denied pairs and the cluster-wide Deny rules behind them', () => {
  it('names the first policy in short and every rule in full', () => {
    const cause = denialCause([rule('ClusterNetworkPolicy/guard', 'admin', 1, 'no-db'), rule('ClusterNetworkPolicy/base', 'baseline', 0)], new Map());
    expect(cause).toEqual({
      tier: 'admin',
      note: 'Admin Deny: guard +1',
      rules: 'Admin Deny: ClusterNetworkPolicy/guard, ingress rule 2 "no-db"; Baseline Deny: ClusterNetworkPolicy/base, ingress rule 1',
    });
    expect(denialCause([rule('BaselineAdminNetworkPolicy/default', 'baseline', 0)], new Map())?.tier).toBe('baseline');
    expect(denialCause([], new Map())).toBeUndefined();
  });

  it('labels what is allowed the way the denied view always did', () => {
    expect(deniedLabel(undefined)).toBe('All denied');
    expect(deniedLabel({ TCP: [[80, 80]], UDP: [], SCTP: [] })).toBe('only TCP 80');
  });

  it('in the denied view, says which Admin or Baseline Deny rule denied a pair', () => {
    const { analysis, denialsOf } = guardrails();
    const { edges } = toFlow(analysis, { deniedFor: SHOP, clusterDenials: denialsOf(SHOP) });
    const shown = Object.fromEntries(edges.map((e) => [e.id, [e.data!.label, e.data!.note, e.data!.denyTier]]));
    expect(shown[edgeId(COREDNS, SHOP)]).toEqual(['All denied', 'Admin Deny: platform-only', 'admin']);
    // Monitoring may scrape metrics (an Admin Accept); the rest is the Admin Deny's.
    expect(shown[edgeId(PROMETHEUS, SHOP)]).toEqual(['only TCP 9102', 'Admin Deny: platform-only', 'admin']);
    expect(shown[edgeId(SHOP, LEDGER)]).toEqual(['All denied', 'Admin Deny: protect-payments', 'admin']);
    expect(shown[edgeId(WEB_A, SHOP)]).toEqual(['All denied', 'Baseline Deny: default-deny', 'baseline']);
    const title = edges.find((e) => e.id === edgeId(SHOP, LEDGER))!.data!.title;
    expect(title).toBe('All denied. Admin Deny: ClusterNetworkPolicy/protect-payments, ingress rule 2 "everyone-else"');
  });

  it('leaves the other denied pairs as they were', () => {
    const { analysis, denialsOf } = guardrails();
    const plain = toFlow(analysis, { deniedFor: SHOP });
    const noted = toFlow(analysis, { deniedFor: SHOP, clusterDenials: denialsOf(SHOP) });
    expect(noted.edges.map((e) => [e.id, e.data!.label])).toEqual(plain.edges.map((e) => [e.id, e.data!.label]));
    const denied = new Set(denialsOf(SHOP).map((d) => edgeId(d.from, d.to)));
    for (const e of noted.edges) expect(e.data!.denyTier !== undefined, e.id).toBe(denied.has(e.id));
    // No cluster-wide policy selects coredns: only its peers' ingress rules deny its pairs.
    expect(denialsOf(COREDNS).every((d) => d.from === COREDNS)).toBe(true);
  });

  it('finds the same denials as explaining every pair', () => {
    const { analysis, denialsOf } = guardrails();
    const { resources } = parseManifests([{ file: 'test.yaml', text: GUARDRAILS }]);
    const analyzer = new Analyzer();
    analyzer.update(resources);
    for (const subject of analysis.endpoints) {
      const everyPair = analysis.endpoints.flatMap((other) => {
        if (other.id === subject.id || (other.type === 'external' && subject.type === 'external')) return [];
        return [[subject.id, other.id], [other.id, subject.id]] as const;
      });
      const denied = everyPair.filter(([from, to]) => {
        const e = analyzer.explain(from, to)!;
        if (isAllConnections(e.allowed)) return false;
        return [e.egress, e.ingress].some((side) =>
          [...(side.tiers?.admin ?? []), ...(side.tiers?.baseline ?? [])].some((v) => v.rule.action === 'deny' && !v.miss),
        );
      });
      expect(denialsOf(subject.id).map((d) => [d.from, d.to])).toEqual(denied);
    }
  });
});

describe('a shown cluster-wide policy', () => {
  it('adds the pairs it denies beside the allowed edges, once per pair of nodes', () => {
    const { analysis } = guardrails();
    const policy = analysis.policies.find((p) => p.ref.name === 'platform-only')!.ref;
    const pairs = [[COREDNS, WEB_A], [PROMETHEUS, SHOP], [COREDNS, WEB_A]] as const;
    const plain = toFlow(analysis, { deniedFor: null });
    const { edges } = toFlow(analysis, { deniedFor: null, policyDenials: { policy, pairs } });
    const added = edges.slice(plain.edges.length);
    expect(edges.slice(0, plain.edges.length).map((e) => e.id)).toEqual(plain.edges.map((e) => e.id));
    expect(added.map((e) => e.id)).toEqual([denialEdgeId(COREDNS, WEB_A), denialEdgeId(PROMETHEUS, SHOP)]);
    expect(added[0]!.data).toMatchObject({ kind: 'denied', label: 'Deny: platform-only', denyTier: 'admin', ofPolicy: policy.id });
    // Prometheus → shop is also allowed (metrics): both edges are drawn, with their own ids.
    expect(edges.some((e) => e.id === edgeId(PROMETHEUS, SHOP))).toBe(true);
  });

  it('keeps the edge list when the shown policy and the nodes are the same', () => {
    const { analysis } = guardrails();
    const policy = analysis.policies.find((p) => p.ref.name === 'protect-payments')!.ref;
    const policyDenials = { policy, pairs: [[SHOP, LEDGER]] as const };
    const cache = createFlowCache();
    const first = toFlow(analysis, { deniedFor: null, policyDenials }, cache);
    expect(toFlow(analysis, { deniedFor: null, policyDenials }, cache).edges).toBe(first.edges);
    const without = toFlow(analysis, { deniedFor: null }, cache);
    expect(without.edges).toHaveLength(first.edges.length - 1);
  });

  it('draws none of them above MAX_DRAWN_DENIALS pairs: a line between almost any two workloads says nothing', () => {
    const { analysis } = guardrails();
    const policy = analysis.policies.find((p) => p.ref.name === 'platform-only')!.ref;
    const pairs = Array.from({ length: MAX_DRAWN_DENIALS + 1 }, () => [COREDNS, WEB_A] as const);
    expect(policyDenialEdges({ policy, pairs: pairs.slice(1) }, new Map([[COREDNS, COREDNS], [WEB_A, WEB_A]]))).toHaveLength(1);
    expect(policyDenialEdges({ policy, pairs }, new Map([[COREDNS, COREDNS], [WEB_A, WEB_A]]))).toEqual([]);
  });

  it('draws nothing for a NetworkPolicy, and nothing in the denied view', () => {
    const { analysis } = guardrails();
    const networkPolicy = analysis.policies.find((p) => p.ref.tier === 'networkPolicy')!.ref;
    const plain = toFlow(analysis, { deniedFor: null });
    expect(toFlow(analysis, { deniedFor: null, policyDenials: { policy: networkPolicy, pairs: [[SHOP, WEB_A]] } }).edges).toHaveLength(plain.edges.length);
    const admin = analysis.policies.find((p) => p.ref.name === 'platform-only')!.ref;
    const denied = toFlow(analysis, { deniedFor: SHOP, policyDenials: { policy: admin, pairs: [[COREDNS, SHOP]] } });
    expect(denied.edges.some((e) => e.data!.ofPolicy)).toBe(false);
  });
});

describe('workload badges for cluster-wide tiers', () => {
  it('marks the tiers with rules for a workload, and names the policies and directions', () => {
    const { analysis } = guardrails();
    const { nodes } = toFlow(analysis, { deniedFor: null });
    const data = (id: EndpointId) => nodes.find((n) => n.id === id)!.data as { cluster?: { tiers: string[]; title: string } };
    expect(data(SHOP).cluster).toEqual({
      tiers: ['admin', 'baseline'],
      title:
        'Cluster-wide rules apply. Admin: ClusterNetworkPolicy tenants-decide (ingress); Admin: ClusterNetworkPolicy platform-only (ingress); Baseline: ClusterNetworkPolicy default-deny (ingress)',
    });
    expect(data(PROMETHEUS).cluster?.tiers).toEqual(['baseline']);
    expect(data(COREDNS).cluster).toBeUndefined();
    expect(nodes.find((n) => n.id === SHOP)!.ariaLabel).toContain('Admin and Baseline rules apply');
  });

  it('redraws a workload whose policy changed tier, though its isolation entry is the same', () => {
    const { analysis } = guardrails();
    const cache = createFlowCache();
    const first = toFlow(analysis, { deniedFor: null }, cache);
    const policies = analysis.policies.map((p) => (p.ref.name === 'protect-payments' ? { ...p, ref: { ...p.ref, tier: 'baseline' as const } } : p));
    const next = toFlow({ ...analysis, policies }, { deniedFor: null }, cache);
    const ledger = (m: typeof first) => m.nodes.find((n) => n.id === LEDGER)!;
    expect(ledger(next)).not.toBe(ledger(first));
    expect((ledger(next).data as { cluster?: { tiers: string[] } }).cluster?.tiers).toEqual(['baseline']);
    expect(next.nodes.find((n) => n.id === COREDNS)).toBe(first.nodes.find((n) => n.id === COREDNS));
  });
});
