/**
 * Explanations are walks over the match tables that also built the connectivity matrix: for one
 * pair, which policies decide each side and what each of their rules does for this pair. The
 * tiers are decided by the same function as the matrix (tiers.ts), here with its trace kept.
 */
import type {
  ConnectionSet,
  Direction,
  Endpoint,
  EndpointId,
  PairExplanation,
  PolicyRef,
  PortQuery,
  RuleMiss,
  RuleVerdict,
  SideExplanation,
  TierExplanation,
  TierMiss,
  TierRuleVerdict,
} from './types';
import type { MatchedPolicy, MatchedRevision, RuleMatch, SideRules } from './matching';
import { hasClusterTiers, rulePortsToward, unresolvedNames } from './matching';
import { decideTiers, emptyTrace, type TierStep } from './tiers';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  allowsQuery,
  intersectConnections,
  isNoConnections,
  unionConnections,
} from './portset';

function missOf(match: RuleMatch, peer: number, destination: Endpoint, query?: PortQuery): RuleMiss | undefined {
  if (!match.has(peer)) return { kind: 'peer' };
  const allowed = rulePortsToward(match.rule, destination);
  const unresolved = (protocol?: string) =>
    unresolvedNames(match.rule, destination).filter(
      // A cluster-wide named port has no protocol of its own: it takes the container port's.
      (name) => !protocol || match.rule.namedPorts.some((n) => n.name === name && (!n.protocol || n.protocol === protocol)),
    );
  if (!query) {
    return isNoConnections(allowed) ? { kind: 'named-port-unresolved', names: unresolved() } : undefined;
  }
  if (allowsQuery(allowed, query.protocol, query.port)) return undefined;
  if (allowed[query.protocol].length > 0) return { kind: 'port' };
  const names = unresolved(query.protocol);
  return names.length > 0 ? { kind: 'named-port-unresolved', names } : { kind: 'protocol' };
}

/** Whether `decided` holds what is asked: the queried port, or anything at all. */
function answers(decided: ConnectionSet, query: PortQuery | undefined): boolean {
  return query ? allowsQuery(decided, query.protocol, query.port) : !isNoConnections(decided);
}

/** Each rule of a tier's policies, with what it decided for the pair and why not, if nothing. */
function tierVerdicts(
  policies: readonly MatchedPolicy[],
  steps: readonly TierStep[],
  direction: Direction,
  peer: number,
  destination: Endpoint,
  query: PortQuery | undefined,
  reached: boolean,
): TierRuleVerdict[] {
  const decidedBy = new Map(steps.map((step) => [step.match, step.decided]));
  return policies.flatMap((policy) =>
    (policy[direction] ?? []).map((match): TierRuleVerdict => {
      const decided = decidedBy.get(match) ?? NO_CONNECTIONS;
      if (answers(decided, query)) return { rule: match.rule.ref, decided };
      // A tier never reached says so first: whether its rules would have matched does not matter.
      const miss: TierMiss = !reached ? { kind: 'not-reached' } : (missOf(match, peer, destination, query) ?? { kind: 'decided-earlier' });
      return { rule: match.rule.ref, decided, miss };
    }),
  );
}

/** The tiers' part in a side, and what the side allows: the matrix's decision, traced. */
function explainTiers(
  side: SideRules,
  direction: Direction,
  peer: number,
  destination: Endpoint,
  networkPolicies: ConnectionSet | undefined,
  query: PortQuery | undefined,
): { tiers: TierExplanation; allowed: ConnectionSet } {
  const trace = emptyTrace();
  const allowed = decideTiers(side, direction, peer, (rule) => rulePortsToward(rule, destination), networkPolicies, trace);
  const refs = (policies: readonly MatchedPolicy[]) => policies.map((m) => m.policy.ref);
  const verdicts = (policies: readonly MatchedPolicy[], steps: readonly TierStep[], reached: boolean) =>
    tierVerdicts(policies, steps, direction, peer, destination, query, reached);
  const tiers: TierExplanation = {
    adminPolicies: refs(side.admin),
    admin: verdicts(side.admin, trace.admin, true),
    toNetworkPolicies: trace.toNetworkPolicies,
    baselinePolicies: refs(side.baseline),
    baseline: verdicts(side.baseline, trace.baseline, networkPolicies === undefined),
    toBaseline: trace.toBaseline,
  };
  return { tiers, allowed };
}

function explainSide(
  { analysis, tables }: MatchedRevision,
  direction: 'ingress' | 'egress',
  subject: number,
  peer: number,
  query: PortQuery | undefined,
): SideExplanation {
  const endpoints = analysis.endpoints;
  const endpoint = endpoints[subject]!;
  const destination = endpoints[direction === 'egress' ? peer : subject]!;
  if (endpoint.type === 'external') {
    return { direction, endpoint: endpoint.id, subjectToPolicies: false, isolatedBy: [], rules: [], allowed: ALL_CONNECTIONS };
  }
  const side = tables[direction][subject]!;
  const isolating = side.isolation;
  const isolatedBy: PolicyRef[] = isolating.map((m) => m.policy.ref);
  const rules: RuleVerdict[] = isolating.flatMap((policy) =>
    (policy[direction] ?? []).map((match): RuleVerdict => {
      const allowed = match.has(peer) ? rulePortsToward(match.rule, destination) : NO_CONNECTIONS;
      const miss = missOf(match, peer, destination, query);
      return { rule: match.rule.ref, allowed, ...(miss ? { miss } : {}) };
    }),
  );
  const networkPolicies =
    isolating.length === 0 ? undefined : rules.reduce((acc, r) => unionConnections(acc, r.allowed), NO_CONNECTIONS);
  const explained = { direction, endpoint: endpoint.id, subjectToPolicies: true, isolatedBy, rules };
  if (!hasClusterTiers(side)) return { ...explained, allowed: networkPolicies ?? ALL_CONNECTIONS };
  return { ...explained, ...explainTiers(side, direction, peer, destination, networkPolicies, query) };
}

/** Explains the pair `from → to`; undefined when either id is unknown or they are the same. */
export function explainPair(
  revision: MatchedRevision,
  from: EndpointId,
  to: EndpointId,
  query?: PortQuery,
): PairExplanation | undefined {
  const { analysis, endpointIndex } = revision;
  const s = endpointIndex.get(from);
  const d = endpointIndex.get(to);
  if (s === undefined || d === undefined || s === d) return undefined;
  const egress = explainSide(revision, 'egress', s, d, query);
  const ingress = explainSide(revision, 'ingress', d, s, query);
  const bothExternal = analysis.endpoints[s]!.type === 'external' && analysis.endpoints[d]!.type === 'external';
  // Traffic between two outside addresses never crosses the cluster: nothing to allow.
  const allowed = bothExternal ? NO_CONNECTIONS : intersectConnections(egress.allowed, ingress.allowed);
  const verdict = query ? allowsQuery(allowed, query.protocol, query.port) : !isNoConnections(allowed);
  return { from, to, ...(query ? { query } : {}), egress, ingress, allowed, verdict };
}
