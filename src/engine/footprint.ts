/**
 * A policy's footprint: the endpoints it selects and the connections to which one of its rules
 * contributes allowed ports. Read off the match tables, like the explanations.
 */
import type { Analysis } from './analyze';
import { rulePortsToward } from './matching';
import { intersectConnections, isNoConnections } from './portset';
import type { Connection, PolicyId } from './types';

export interface PolicyFootprint {
  readonly selects: readonly Connection['from'][];
  /** Connections (as listed in analysis.connections) that one of the policy's rules helps allow. */
  readonly connections: readonly Connection[];
}

export function policyFootprint(analysis: Analysis, policy: PolicyId): PolicyFootprint | undefined {
  const matched = analysis.tables.policies.find((m) => m.policy.ref.id === policy);
  if (!matched) return undefined;
  const { endpoints } = analysis;
  const selected = new Set(matched.selected);
  const contributes = (connection: Connection): boolean => {
    const s = analysis.endpointIndex.get(connection.from)!;
    const d = analysis.endpointIndex.get(connection.to)!;
    const sides = [
      { subject: s, peer: d, rules: selected.has(s) ? matched.egress : undefined },
      { subject: d, peer: s, rules: selected.has(d) ? matched.ingress : undefined },
    ];
    return sides.some(({ peer, rules }) =>
      (rules ?? []).some(
        (match) =>
          match.has(peer) &&
          !isNoConnections(intersectConnections(rulePortsToward(match.rule, endpoints[d]!), connection.allowed)),
      ),
    );
  };
  const touches = (c: Connection) =>
    selected.has(analysis.endpointIndex.get(c.from)!) || selected.has(analysis.endpointIndex.get(c.to)!);
  return {
    selects: matched.selected.map((i) => endpoints[i]!.id),
    connections: analysis.connections.filter((c) => touches(c) && contributes(c)),
  };
}
