import { describe, expect, it } from 'vitest';
import type { EndpointIsolation, PolicyId } from '../../engine/types';
import { COREDNS, guardrailsGraph, LEDGER, SHOP, WEB_A } from '../graph/testGraph';
import { governance, governanceSentence } from './governance';

const graph = guardrailsGraph();
const policies = new Map(graph.policies.map((p) => [p.ref.id, p]));
const sentences = (isolation: EndpointIsolation | undefined) => governance(isolation, policies).map(governanceSentence);

describe('what decides a workload, per direction', () => {
  it('groups the cluster-wide policies by tier, in the order consulted', () => {
    const [ingress, egress] = governance(graph.isolation.get(WEB_A), policies);
    expect(ingress.networkPolicies).toEqual(['tenant-a/web-from-tenants']);
    expect(ingress.admin.map((r) => r.name)).toEqual(['tenants-decide', 'platform-only']);
    expect(ingress.baseline.map((r) => r.name)).toEqual(['default-deny']);
    expect(egress).toEqual({ direction: 'egress', networkPolicies: [], admin: [], baseline: [] });
  });

  it('never says "everything may come in" when cluster-wide rules apply', () => {
    expect(sentences(graph.isolation.get(SHOP))).toEqual([
      'not isolated by a NetworkPolicy; Admin, then Baseline rules apply — what they do not deny comes in',
      'not isolated — everything may go out',
    ]);
    expect(sentences(graph.isolation.get(LEDGER))[0]).toBe(
      'not isolated by a NetworkPolicy; Admin, then Baseline rules apply — what they do not deny comes in',
    );
  });

  it('says Admin decides before the NetworkPolicies that isolate it, and Baseline is not reached', () => {
    expect(sentences(graph.isolation.get(WEB_A))[0]).toBe(
      'isolated by a NetworkPolicy — Admin rules decide first; of the rest, only what a NetworkPolicy rule allows comes in; Baseline rules are not reached',
    );
  });

  it('keeps the plain sentences without cluster-wide rules', () => {
    expect(sentences(graph.isolation.get(COREDNS))).toEqual(['not isolated — everything may come in', 'not isolated — everything may go out']);
    const isolated = { ingress: ['a/b' as PolicyId], egress: ['a/b' as PolicyId] };
    expect(sentences(isolated)).toEqual(['isolated — only what a rule allows comes in', 'isolated — only what a rule allows goes out']);
    const baselineOnly = { ingress: [], egress: [], cluster: { ingress: [], egress: ['ClusterNetworkPolicy/default-deny' as PolicyId] } };
    expect(sentences(baselineOnly)[1]).toBe('not isolated by a NetworkPolicy; Baseline rules apply — what they do not deny goes out');
    const adminOnly = { ingress: ['a/b' as PolicyId], egress: [], cluster: { ingress: ['ClusterNetworkPolicy/protect-payments' as PolicyId], egress: [] } };
    expect(sentences(adminOnly)[0]).toBe(
      'isolated by a NetworkPolicy — Admin rules decide first; of the rest, only what a NetworkPolicy rule allows comes in',
    );
  });
});
