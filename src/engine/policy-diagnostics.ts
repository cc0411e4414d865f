/**
 * What the engine notices about policies that the model cannot: a policy that selects nothing,
 * rules outside policyTypes, named ports no destination defines (they silently allow nothing in a
 * cluster too), and cluster-wide policies of equal priority. Sentences come from messages.ts.
 */
import type { Diagnostic } from '../model/source';
import type { CompiledPolicy, CompiledRule } from './compile';
import { namedPortsOf, type MatchedPolicy } from './matching';
import { diagnosticText } from './messages';
import type { Endpoint, PolicyRef } from './types';

function unresolvedNamedPorts(rule: CompiledRule, destinations: readonly Endpoint[]): Diagnostic[] {
  return rule.namedPorts
    .filter((named) => !destinations.some((d) => namedPortsOf(d, named).length > 0))
    .map((named) => ({
      severity: 'warning',
      code: 'named-port-unresolved',
      message: diagnosticText.namedPortUnresolved(named.name, named.protocol, rule.ref.direction),
      location: named.location,
    }));
}

function ignoredRules(policy: CompiledPolicy): Diagnostic[] {
  return policy.ignoredDirections.map((direction) => ({
    severity: 'warning',
    code: 'rules-ignored',
    message: diagnosticText.rulesIgnored(policy.ref.id, direction),
    location: policy.ref.nameLocation,
  }));
}

function selectsNothing(policy: MatchedPolicy): Diagnostic[] {
  if (policy.selected.length > 0) return [];
  const { ref } = policy.policy;
  return [{ severity: 'info', code: 'policy-selects-nothing', message: diagnosticText.selectsNothing(ref), location: ref.nameLocation }];
}

function namedPortProblems(policy: MatchedPolicy, endpoints: readonly Endpoint[]): Diagnostic[] {
  if (policy.selected.length === 0) return [];
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
}

/** What the engine notices about one matched policy. */
export function diagnosticsOfPolicy(policy: MatchedPolicy, endpoints: readonly Endpoint[]): Diagnostic[] {
  return [...ignoredRules(policy.policy), ...selectsNothing(policy), ...namedPortProblems(policy, endpoints)];
}

/**
 * Cluster-wide policies sharing a tier and a priority: one warning on each, naming the others.
 * The API lets implementations order them as they like; the engine orders them by name.
 */
export function priorityTies(policies: readonly CompiledPolicy[]): Diagnostic[] {
  const byPriority = new Map<string, PolicyRef[]>();
  for (const { ref } of policies) {
    if (ref.tier === 'networkPolicy') continue;
    const key = `${ref.tier} ${ref.priority}`;
    byPriority.set(key, [...(byPriority.get(key) ?? []), ref]);
  }
  return [...byPriority.values()]
    .filter((tied) => tied.length > 1)
    .flatMap((tied) =>
      tied.map((ref) => ({
        severity: 'warning',
        code: 'cluster-priority-tie',
        message: diagnosticText.priorityTie(ref, tied.filter((other) => other !== ref)),
        location: ref.nameLocation,
      })),
    );
}
