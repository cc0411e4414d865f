/**
 * The policy panel's list: cluster-wide policies grouped by tier (Admin, then Baseline), each tier
 * in the order the engine consults it (priority, then name), with the policies that share a
 * priority named (the API leaves their order open). Words for counts. Pure.
 */
import type { ClusterPolicyKind } from '../../model/types';
import type { PolicyRef, PolicySummary } from '../../engine/types';
import type { ClusterPolicyRules } from '../../store/evaluation/protocol';
import { byConsultation } from '../../store/selectors';

export type ListedTier = 'admin' | 'baseline';

export interface ListedPolicy {
  readonly summary: PolicySummary;
  /** `CNP`, `ANP`, `BANP`: the kind, short enough for a row. */
  readonly short: string;
  /** Policies of the same tier with the same priority (this one excluded). */
  readonly tiedWith: readonly PolicyRef[];
}

export interface TierGroup {
  readonly tier: ListedTier;
  readonly title: string;
  readonly policies: readonly ListedPolicy[];
  /** One note per priority that several policies share: who, and in which order they are consulted. */
  readonly ties: readonly string[];
}

export const KIND_SHORT: Readonly<Record<ClusterPolicyKind, string>> = {
  ClusterNetworkPolicy: 'CNP',
  AdminNetworkPolicy: 'ANP',
  BaselineAdminNetworkPolicy: 'BANP',
};

export const KIND_TITLE: Readonly<Record<ClusterPolicyKind, string>> = {
  ClusterNetworkPolicy: 'ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2)',
  AdminNetworkPolicy: 'AdminNetworkPolicy (policy.networking.k8s.io/v1alpha1)',
  BaselineAdminNetworkPolicy: 'BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1)',
};

const TIERS: readonly [ListedTier, string][] = [
  ['admin', 'Admin tier — asked first'],
  ['baseline', 'Baseline tier — where no NetworkPolicy isolates'],
];

/** The cluster-wide policies among `policies`, by tier, in the order consulted; empty tiers left out. */
export function clusterPolicyGroups(policies: readonly PolicySummary[]): TierGroup[] {
  return TIERS.flatMap(([tier, title]): TierGroup[] => {
    const members = policies.filter((p) => p.ref.tier === tier).sort(byConsultation);
    if (members.length === 0) return [];
    const byPriority = new Map<number, PolicyRef[]>();
    for (const { ref } of members) byPriority.set(ref.priority ?? 0, [...(byPriority.get(ref.priority ?? 0) ?? []), ref]);
    const listed = members.map(
      (summary): ListedPolicy => ({
        summary,
        short: KIND_SHORT[summary.ref.kind as ClusterPolicyKind] ?? summary.ref.kind,
        tiedWith: byPriority.get(summary.ref.priority ?? 0)!.filter((ref) => ref !== summary.ref),
      }),
    );
    const ties = [...byPriority]
      .filter(([, refs]) => refs.length > 1)
      .map(([priority, refs]) => `${names(refs.map((r) => r.name))} share priority ${priority}: the API leaves their order open; they are consulted by name, as listed.`);
    return [{ tier, title, policies: listed, ties }];
  });
}

/** `a`, `a and b`, `a, b and c`. */
export function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `2 workloads`, `1 workload`, `no workload`. */
export function workloadCount(n: number): string {
  return n === 0 ? 'no workload' : count(n, 'workload');
}

/** `2 ingress rules · 1 egress rule`, `1 egress rule`, `no rules`. */
export function ruleCounts(rules: ClusterPolicyRules | undefined): string {
  if (!rules) return '';
  const parts = [
    rules.ingress.length > 0 ? count(rules.ingress.length, 'ingress rule') : '',
    rules.egress.length > 0 ? count(rules.egress.length, 'egress rule') : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'no rules';
}
