/**
 * Explanations are walks over the match tables that also built the connectivity matrix: for one
 * pair, which policies isolate each side and what each of their rules does for this pair.
 */
import type { Endpoint, EndpointId, PairExplanation, PolicyRef, PortQuery, RuleMiss, RuleVerdict, SideExplanation } from './types';
import type { MatchedPolicy, MatchedRevision, RuleMatch } from './matching';
import { rulePortsToward, unresolvedNames } from './matching';
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
      (name) => !protocol || match.rule.namedPorts.some((n) => n.name === name && n.protocol === protocol),
    );
  if (!query) {
    return isNoConnections(allowed) ? { kind: 'named-port-unresolved', names: unresolved() } : undefined;
  }
  if (allowsQuery(allowed, query.protocol, query.port)) return undefined;
  if (allowed[query.protocol].length > 0) return { kind: 'port' };
  const names = unresolved(query.protocol);
  return names.length > 0 ? { kind: 'named-port-unresolved', names } : { kind: 'protocol' };
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
  const isolating: readonly MatchedPolicy[] =
    direction === 'egress' ? tables.egressIsolation[subject]! : tables.ingressIsolation[subject]!;
  const isolatedBy: PolicyRef[] = isolating.map((m) => m.policy.ref);
  const rules: RuleVerdict[] = isolating.flatMap((policy) =>
    (policy[direction] ?? []).map((match): RuleVerdict => {
      const allowed = match.has(peer) ? rulePortsToward(match.rule, destination) : NO_CONNECTIONS;
      const miss = missOf(match, peer, destination, query);
      return { rule: match.rule.ref, allowed, ...(miss ? { miss } : {}) };
    }),
  );
  const allowed =
    isolating.length === 0 ? ALL_CONNECTIONS : rules.reduce((acc, r) => unionConnections(acc, r.allowed), NO_CONNECTIONS);
  return { direction, endpoint: endpoint.id, subjectToPolicies: true, isolatedBy, rules, allowed };
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
