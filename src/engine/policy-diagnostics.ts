/**
 * What the engine notices about policies that the model cannot: a policy that selects nothing,
 * and named ports that no destination defines (they silently allow nothing in a cluster too).
 */
import type { Diagnostic } from '../model/source';
import type { CompiledPolicy, CompiledRule } from './compile';
import type { MatchTables } from './matching';
import type { Endpoint } from './types';

function unresolvedNamedPorts(
  rule: CompiledRule,
  destinations: readonly Endpoint[],
): Diagnostic[] {
  return rule.namedPorts
    .filter(
      (named) =>
        !destinations.some(
          (d) =>
            d.type === 'workload' &&
            d.ports.some((c) => c.name === named.name && (c.protocol ?? 'TCP') === named.protocol),
        ),
    )
    .map((named) => ({
      severity: 'warning',
      code: 'named-port-unresolved',
      message: `Named port "${named.name}" (${named.protocol}) is not a container port of any pod this ${rule.ref.direction} rule applies to, so it allows nothing.`,
      location: named.location,
    }));
}

function ignoredRules(policy: CompiledPolicy): Diagnostic[] {
  return policy.ignoredDirections.map((direction) => ({
    severity: 'warning',
    code: 'rules-ignored',
    message: `policyTypes of ${policy.ref.id} does not include ${direction === 'ingress' ? 'Ingress' : 'Egress'}, so its ${direction} rules have no effect.`,
    location: policy.ref.nameLocation,
  }));
}

export function policyDiagnostics(tables: MatchTables, endpoints: readonly Endpoint[]): Diagnostic[] {
  const ignored = tables.policies.flatMap((matched) => ignoredRules(matched.policy));
  return ignored.concat(tables.policies.flatMap((policy) => {
    const { ref } = policy.policy;
    if (policy.selected.length === 0) {
      return [
        {
          severity: 'info' as const,
          code: 'policy-selects-nothing',
          message: `NetworkPolicy ${ref.id} selects no pod in the input, so it has no effect here.`,
          location: ref.nameLocation,
        },
      ];
    }
    return (['ingress', 'egress'] as const).flatMap((direction) =>
      (policy[direction] ?? []).flatMap((match) => {
        if (match.rule.namedPorts.length === 0) return [];
        // Ingress named ports resolve on the selected pods, egress ones on the rule's peers.
        const destinations =
          direction === 'ingress'
            ? policy.selected.map((i) => endpoints[i]!)
            : match.matchesAll
              ? endpoints
              : match.peers.map((i) => endpoints[i]!);
        return unresolvedNamedPorts(match.rule, destinations);
      }),
    );
  }));
}
