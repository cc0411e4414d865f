/**
 * A policy's footprint: the endpoints it selects, the connections to which one of its rules
 * contributes allowed ports, and for a cluster-wide policy the pairs one of its Deny rules denies.
 * Read off the match tables, like the explanations; cluster-wide rules through the same tier walk
 * as the matrix (tiers.ts).
 */
import type { CompiledRule } from './compile';
import { hasClusterTiers, rulePortsToward, type MatchedPolicy, type MatchedRevision } from './matching';
import { ALL_CONNECTIONS, NO_CONNECTIONS, intersectConnections, isNoConnections, unionConnections } from './portset';
import { decideTiers, emptyTrace } from './tiers';
import type { Connection, ConnectionSet, Direction, PolicyFootprint, PolicyId } from './types';

type Pair = readonly [number, number];

/**
 * The ports of a side that NetworkPolicies decide toward `peer`: all of them, unless cluster-wide
 * Admin rules decided some first.
 */
function decidedByNetworkPolicies(
  { analysis, tables }: MatchedRevision,
  direction: Direction,
  subject: number,
  peer: number,
  destination: number,
): ConnectionSet {
  const side = tables[direction][subject]!;
  if (!hasClusterTiers(side)) return ALL_CONNECTIONS;
  const trace = emptyTrace();
  const portsOf = (rule: CompiledRule) => rulePortsToward(rule, analysis.endpoints[destination]!);
  decideTiers(side, direction, peer, portsOf, NO_CONNECTIONS, trace);
  return trace.toNetworkPolicies;
}

/** Whether one of a NetworkPolicy's rules allows some of `connection`'s ports. */
function networkPolicyContributes(
  revision: MatchedRevision,
  matched: MatchedPolicy,
  selected: ReadonlySet<number>,
  connection: Connection,
): boolean {
  const { analysis, endpointIndex } = revision;
  const s = endpointIndex.get(connection.from)!;
  const d = endpointIndex.get(connection.to)!;
  const sides = [
    { direction: 'egress', subject: s, peer: d, rules: selected.has(s) ? matched.egress : undefined },
    { direction: 'ingress', subject: d, peer: s, rules: selected.has(d) ? matched.ingress : undefined },
  ] as const;
  return sides.some(({ direction, subject, peer, rules }) => {
    const helping = (rules ?? []).filter((match) => match.has(peer));
    if (helping.length === 0) return false;
    const decided = intersectConnections(connection.allowed, decidedByNetworkPolicies(revision, direction, subject, peer, d));
    return helping.some(
      (match) => !isNoConnections(intersectConnections(rulePortsToward(match.rule, analysis.endpoints[d]!), decided)),
    );
  });
}

/**
 * What a cluster-wide policy's rules decided, per pair `from,to`: the ports they accepted, and
 * the pairs where they denied some. Each subject's side is walked toward each peer its rules name.
 */
function clusterDecisions({ analysis, tables }: MatchedRevision, matched: MatchedPolicy) {
  const { endpoints } = analysis;
  const accepted = new Map<string, ConnectionSet>();
  const denied: Pair[] = [];
  const walk = (direction: Direction, subject: number) => {
    const side = tables[direction][subject]!;
    const rules = matched[direction] ?? [];
    if (!side.admin.includes(matched) && !side.baseline.includes(matched)) return;
    const peers = new Set(rules.flatMap((match) => (match.matchesAll ? endpoints.map((_, i) => i) : match.peers)));
    // Only the trace is read: it depends on whether NetworkPolicies isolate the side, not on what they allow.
    const isolated = side.isolation.length > 0 ? NO_CONNECTIONS : undefined;
    for (const peer of peers) {
      if (peer === subject) continue;
      const pair: Pair = direction === 'egress' ? [subject, peer] : [peer, subject];
      const destination = endpoints[pair[1]]!;
      const trace = emptyTrace();
      decideTiers(side, direction, peer, (rule: CompiledRule) => rulePortsToward(rule, destination), isolated, trace);
      for (const step of [...trace.admin, ...trace.baseline]) {
        if (step.policy !== matched) continue;
        if (step.match.rule.ref.action === 'deny') denied.push(pair);
        else if (step.match.rule.ref.action === 'accept') {
          const key = pair.join();
          accepted.set(key, unionConnections(accepted.get(key) ?? NO_CONNECTIONS, step.decided));
        }
      }
    }
  };
  for (const i of matched.selected) {
    walk('egress', i);
    walk('ingress', i);
  }
  return { accepted, denied };
}

function pairOrder(a: Pair, b: Pair): number {
  return a[0] - b[0] || a[1] - b[1];
}

export function footprintOf(revision: MatchedRevision, policy: PolicyId): PolicyFootprint | undefined {
  const { analysis, endpointIndex, tables } = revision;
  const matched = tables.policies.find((m) => m.policy.ref.id === policy);
  if (!matched) return undefined;
  const { endpoints } = analysis;
  const selected = new Set(matched.selected);
  const touches = (c: Connection) => selected.has(endpointIndex.get(c.from)!) || selected.has(endpointIndex.get(c.to)!);
  const selects = matched.selected.map((i) => endpoints[i]!.id);
  const ids = (pair: Pair) => [endpoints[pair[0]]!.id, endpoints[pair[1]]!.id] as const;
  if (matched.policy.ref.tier === 'networkPolicy') {
    const contributes = (c: Connection) => networkPolicyContributes(revision, matched, selected, c);
    return { policy, selects, connections: analysis.connections.filter((c) => touches(c) && contributes(c)).map((c) => [c.from, c.to] as const) };
  }
  const { accepted, denied } = clusterDecisions(revision, matched);
  const accepts = (c: Connection) => {
    const ports = accepted.get(`${endpointIndex.get(c.from)},${endpointIndex.get(c.to)}`);
    return ports !== undefined && !isNoConnections(intersectConnections(ports, c.allowed));
  };
  const deniedPairs = [...new Map(denied.map((pair) => [pair.join(), pair])).values()].sort(pairOrder);
  return {
    policy,
    selects,
    connections: analysis.connections.filter((c) => touches(c) && accepts(c)).map((c) => [c.from, c.to] as const),
    denies: deniedPairs.map(ids),
  };
}
