/**
 * A policy's footprint: the endpoints it selects and the connections to which one of its rules
 * contributes allowed ports. Read off the match tables, like the explanations.
 */
import { rulePortsToward, type MatchedRevision } from './matching';
import { intersectConnections, isNoConnections } from './portset';
import type { Connection, PolicyFootprint, PolicyId } from './types';

export function footprintOf({ analysis, endpointIndex, tables }: MatchedRevision, policy: PolicyId): PolicyFootprint | undefined {
  const matched = tables.policies.find((m) => m.policy.ref.id === policy);
  if (!matched) return undefined;
  const { endpoints } = analysis;
  const selected = new Set(matched.selected);
  const contributes = (connection: Connection): boolean => {
    const s = endpointIndex.get(connection.from)!;
    const d = endpointIndex.get(connection.to)!;
    const sides = [
      { peer: d, rules: selected.has(s) ? matched.egress : undefined },
      { peer: s, rules: selected.has(d) ? matched.ingress : undefined },
    ];
    return sides.some(({ peer, rules }) =>
      (rules ?? []).some(
        (match) =>
          match.has(peer) &&
          !isNoConnections(intersectConnections(rulePortsToward(match.rule, endpoints[d]!), connection.allowed)),
      ),
    );
  };
  const touches = (c: Connection) => selected.has(endpointIndex.get(c.from)!) || selected.has(endpointIndex.get(c.to)!);
  return {
    policy,
    selects: matched.selected.map((i) => endpoints[i]!.id),
    connections: analysis.connections.filter((c) => touches(c) && contributes(c)).map((c) => [c.from, c.to] as const),
  };
}
