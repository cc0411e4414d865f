/**
 * What the engine notices about policies that the model cannot: a policy that selects nothing,
 * rules outside policyTypes, and named ports no destination defines (they silently allow nothing
 * in a cluster too). Sentences come from messages.ts.
 */
import type { Diagnostic } from '../model/source';
import type { CompiledPolicy, CompiledRule } from './compile';
import { namedPortsOf, type MatchedPolicy } from './matching';
import { diagnosticText } from './messages';
import type { Endpoint } from './types';

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
  return [{ severity: 'info', code: 'policy-selects-nothing', message: diagnosticText.selectsNothing(ref.id), location: ref.nameLocation }];
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
