import { describe, expect, it } from 'vitest';
import type { DocumentId } from '../../model/source';
import type { PolicyId, PolicyRef, PolicySummary } from '../../engine/types';
import type { ClusterPolicyRules } from '../../store/evaluation/protocol';
import { guardrailsGraph } from '../graph/testGraph';
import { clusterPolicyGroups, names, ruleCounts, workloadCount } from './clusterPolicyList';

const AT = { document: 0 as DocumentId, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };

function policy(kind: PolicyRef['kind'], name: string, tier: PolicyRef['tier'], priority?: number): PolicySummary {
  const id = (tier === 'networkPolicy' ? `default/${name}` : `${kind}/${name}`) as PolicyId;
  return { ref: { id, kind, name, tier, priority, location: AT, nameLocation: AT, policyTypes: [] }, selects: [] };
}

const listed = (groups: ReturnType<typeof clusterPolicyGroups>) =>
  groups.map((g) => [g.tier, g.policies.map((p) => `${p.short} ${p.summary.ref.name} ${p.summary.ref.priority}`)]);

describe('the cluster policy list', () => {
  it('groups Admin before Baseline, each by priority then name, and leaves NetworkPolicies out', () => {
    const groups = clusterPolicyGroups([
      policy('BaselineAdminNetworkPolicy', 'default', 'baseline', 0),
      policy('ClusterNetworkPolicy', 'zeta', 'admin', 5),
      policy('NetworkPolicy', 'web', 'networkPolicy'),
      policy('ClusterNetworkPolicy', 'alpha', 'admin', 20),
      policy('AdminNetworkPolicy', 'sre', 'admin', 5),
      policy('ClusterNetworkPolicy', 'late', 'baseline', 50),
    ]);
    expect(listed(groups)).toEqual([
      ['admin', ['ANP sre 5', 'CNP zeta 5', 'CNP alpha 20']],
      ['baseline', ['BANP default 0', 'CNP late 50']],
    ]);
    expect(groups.map((g) => g.title)).toEqual(['Admin tier — asked first', 'Baseline tier — where no NetworkPolicy isolates']);
  });

  it('notes policies that share a priority within a tier, not across tiers', () => {
    const [admin, baseline] = clusterPolicyGroups([
      policy('ClusterNetworkPolicy', 'b', 'admin', 10),
      policy('ClusterNetworkPolicy', 'a', 'admin', 10),
      policy('ClusterNetworkPolicy', 'c', 'admin', 11),
      policy('ClusterNetworkPolicy', 'd', 'baseline', 10),
    ]);
    expect(admin!.ties).toEqual(['a and b share priority 10: the API leaves their order open; they are consulted by name, as listed.']);
    expect(admin!.policies.map((p) => p.tiedWith.map((r) => r.name))).toEqual([['b'], ['a'], []]);
    expect(baseline!.ties).toEqual([]);
    expect(baseline!.policies[0]!.tiedWith).toEqual([]);
  });

  it('lists the guardrails example in the order the engine consults it', () => {
    expect(listed(clusterPolicyGroups(guardrailsGraph().policies))).toEqual([
      ['admin', ['CNP protect-payments 10', 'CNP tenants-decide 20', 'CNP platform-only 30']],
      ['baseline', ['CNP default-deny 10']],
    ]);
    expect(clusterPolicyGroups([policy('NetworkPolicy', 'web', 'networkPolicy')])).toEqual([]);
  });

  it('counts workloads and rules in words', () => {
    expect([0, 1, 2].map(workloadCount)).toEqual(['no workload', '1 workload', '2 workloads']);
    const rule = { action: 'deny' as const, location: AT };
    const rules = (ingress: number, egress: number): ClusterPolicyRules => ({
      policy: 'x' as PolicyId,
      ingress: Array(ingress).fill(rule),
      egress: Array(egress).fill(rule),
    });
    expect(ruleCounts(rules(2, 1))).toBe('2 ingress rules · 1 egress rule');
    expect(ruleCounts(rules(0, 3))).toBe('3 egress rules');
    expect(ruleCounts(rules(0, 0))).toBe('no rules');
    expect(ruleCounts(undefined)).toBe('');
    expect([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map(names)).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });
});
