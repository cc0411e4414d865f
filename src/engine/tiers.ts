/**
 * How the tiers decide one direction of one pod toward one peer, port by port: the one definition
 * that the connectivity matrix, the explanations and the footprints all use.
 *
 * 1. Admin: cluster-wide Admin policies by priority, their rules in order. The first rule that
 *    matches the peer and a port decides that port: Accept allows it, Deny denies it, Pass hands
 *    it on. Later rules only see the ports no earlier rule decided.
 * 2. NetworkPolicy: the ports passed on or left undecided. When NetworkPolicies isolate the pod
 *    in this direction, they decide these ports finally: allowed if one of their rules allows.
 * 3. Baseline: otherwise cluster-wide Baseline policies, like the Admin tier; Deny denies, and
 *    Accept, Pass and no match at all allow (there is nothing after Baseline but the default).
 */
import type { CompiledRule } from './compile';
import type { MatchedPolicy, RuleMatch, SideRules } from './matching';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  intersectConnections,
  isNoConnections,
  subtractConnections,
  unionConnections,
} from './portset';
import type { ConnectionSet, Direction } from './types';

/** What one cluster-wide rule decided for the peer: the ports it took among those left to it. */
export interface TierStep {
  readonly policy: MatchedPolicy;
  readonly match: RuleMatch;
  readonly decided: ConnectionSet;
}

/** How the side decided, tier by tier: what explanations and footprints read. */
export interface TierTrace {
  readonly admin: TierStep[];
  readonly baseline: TierStep[];
  /** The ports the Admin tier passed on or left undecided. */
  toNetworkPolicies: ConnectionSet;
  /** The ports that reached the Baseline tier: none when NetworkPolicies isolate the side. */
  toBaseline: ConnectionSet;
}

export function emptyTrace(): TierTrace {
  return { admin: [], baseline: [], toNetworkPolicies: NO_CONNECTIONS, toBaseline: NO_CONNECTIONS };
}

interface TierOutcome {
  readonly accepted: ConnectionSet;
  readonly passed: ConnectionSet;
  /** Ports no rule of the tier decided. */
  readonly open: ConnectionSet;
}

/** One tier's rules walked for `peer` over the ports still `open`, first match deciding. */
function walkTier(
  policies: readonly MatchedPolicy[],
  direction: Direction,
  peer: number,
  portsOf: (rule: CompiledRule) => ConnectionSet,
  open: ConnectionSet,
  steps: TierStep[] | undefined,
): TierOutcome {
  let accepted = NO_CONNECTIONS;
  let passed = NO_CONNECTIONS;
  for (const policy of policies) {
    for (const match of policy[direction] ?? []) {
      if (isNoConnections(open)) return { accepted, passed, open };
      if (!match.has(peer)) continue;
      const decided = intersectConnections(portsOf(match.rule), open);
      if (isNoConnections(decided)) continue;
      open = subtractConnections(open, decided);
      if (match.rule.ref.action === 'accept') accepted = unionConnections(accepted, decided);
      else if (match.rule.ref.action === 'pass') passed = unionConnections(passed, decided);
      steps?.push({ policy, match, decided });
    }
  }
  return { accepted, passed, open };
}

/**
 * What the side allows toward `peer`. `networkPolicies` is what the isolating NetworkPolicies
 * allow toward it, `undefined` when none isolates the side. `portsOf` gives what a rule names
 * toward this pair (named ports resolved on the destination).
 */
export function decideTiers(
  side: SideRules,
  direction: Direction,
  peer: number,
  portsOf: (rule: CompiledRule) => ConnectionSet,
  networkPolicies: ConnectionSet | undefined,
  trace?: TierTrace,
): ConnectionSet {
  const admin = walkTier(side.admin, direction, peer, portsOf, ALL_CONNECTIONS, trace?.admin);
  const toNetworkPolicies = unionConnections(admin.open, admin.passed);
  if (trace) trace.toNetworkPolicies = toNetworkPolicies;
  if (networkPolicies) return unionConnections(admin.accepted, intersectConnections(toNetworkPolicies, networkPolicies));
  if (trace) trace.toBaseline = toNetworkPolicies;
  const baseline = walkTier(side.baseline, direction, peer, portsOf, toNetworkPolicies, trace?.baseline);
  return unionConnections(admin.accepted, unionConnections(baseline.accepted, unionConnections(baseline.passed, baseline.open)));
}
