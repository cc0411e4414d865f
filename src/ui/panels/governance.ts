/**
 * What decides one workload's traffic, per direction: the NetworkPolicies isolating it and the
 * cluster-wide policies with rules for it, by tier; and the sentence the node panel says about
 * it. Pure: the analysis's isolation entry and policies in, data and words out.
 */
import type { Direction, EndpointIsolation, PolicyId, PolicyRef, PolicySummary } from '../../engine/types';

export interface DirectionGovernance {
  readonly direction: Direction;
  /** The NetworkPolicies isolating it in this direction. */
  readonly networkPolicies: readonly PolicyId[];
  /** Cluster-wide policies with rules for it in this direction, in the order consulted. */
  readonly admin: readonly PolicyRef[];
  readonly baseline: readonly PolicyRef[];
}

/** Ingress, then egress. */
export function governance(
  isolation: EndpointIsolation | undefined,
  policies: ReadonlyMap<PolicyId, PolicySummary>,
): [DirectionGovernance, DirectionGovernance] {
  const of = (direction: Direction): DirectionGovernance => {
    const cluster = (isolation?.cluster?.[direction] ?? []).flatMap((id) => policies.get(id)?.ref ?? []);
    return {
      direction,
      networkPolicies: isolation?.[direction] ?? [],
      admin: cluster.filter((ref) => ref.tier === 'admin'),
      baseline: cluster.filter((ref) => ref.tier === 'baseline'),
    };
  };
  return [of('ingress'), of('egress')];
}

/**
 * What is true of the direction, in one sentence: isolated or not by a NetworkPolicy, and how the
 * cluster-wide tiers take part (Admin decides first; Baseline only where no NetworkPolicy
 * isolates). The policies themselves are listed beside it, so the sentence names only tiers.
 */
export function governanceSentence(g: DirectionGovernance): string {
  const flows = g.direction === 'ingress' ? 'comes in' : 'goes out';
  const admin = g.admin.length > 0;
  const baseline = g.baseline.length > 0;
  if (g.networkPolicies.length > 0) {
    if (!admin && !baseline) return `isolated — only what a rule allows ${flows}`;
    const first = admin ? 'Admin rules decide first; of the rest, only' : 'only';
    const unreached = baseline ? '; Baseline rules are not reached' : '';
    return `isolated by a NetworkPolicy — ${first} what a NetworkPolicy rule allows ${flows}${unreached}`;
  }
  if (!admin && !baseline) return `not isolated — everything may ${g.direction === 'ingress' ? 'come in' : 'go out'}`;
  const tiers = admin && baseline ? 'Admin, then Baseline rules apply' : admin ? 'Admin rules apply' : 'Baseline rules apply';
  return `not isolated by a NetworkPolicy; ${tiers} — what they do not deny ${flows}`;
}
