/**
 * NetworkPolicies as plans see them: which select a workload for a direction (from the analysis:
 * the engine decided `policyTypes` defaults and selectors), a rule added to one in place, and new
 * policies written whole.
 */
import type { Direction, EndpointId, PolicySummary } from '../engine/types';
import { isMap } from 'yaml';
import type { PolicyType, Protocol } from '../model/types';
import { appendToList } from '../model/write/node-edits';
import { styleOf, type PlainValue } from '../model/write/value-text';
import { findObject, takenNames, type PlanContext } from './context';
import { uniqueName } from './names';
import type { Traffic } from './types';
import type { TextChange } from '../model/text-changes';

const TYPE = { ingress: 'Ingress', egress: 'Egress' } as const;

/** The NetworkPolicies of `namespace` that isolate their pods for `direction`. */
export function isolatingPolicies(context: PlanContext, namespace: string, direction: Direction): PolicySummary[] {
  return context.analysis.policies.filter(
    (p) => p.ref.kind === 'NetworkPolicy' && p.ref.namespace === namespace && p.ref.policyTypes.includes(TYPE[direction]),
  );
}

/** Whether an endpoint is isolated for a direction by NetworkPolicies. */
export function isIsolated(context: PlanContext, id: EndpointId, direction: Direction): boolean {
  return (context.analysis.isolation.get(id)?.[direction].length ?? 0) > 0;
}

/** A rule's `ports`: each port of the protocol, or the protocol alone (every port of it). */
export function portsValue(traffic: Traffic): PlainValue {
  const { protocol, ports } = traffic;
  return ports === 'all' ? [{ protocol }] : ports.map((port) => ({ protocol, port }));
}

/** `TCP 5432`, `TCP 80, 443`, `all TCP ports`. */
export function trafficText(traffic: Traffic): string {
  return traffic.ports === 'all' ? `all ${traffic.protocol} ports` : `${traffic.protocol} ${traffic.ports.join(', ')}`;
}

export function ruleValue(direction: Direction, peers: readonly PlainValue[], ports?: PlainValue): PlainValue {
  const key = direction === 'ingress' ? 'from' : 'to';
  return ports === undefined ? { [key]: [...peers] } : { [key]: [...peers], ports };
}

/** The change that adds `rule` to the `direction` list of a policy, in place; none when its shape does not allow. */
export function addRule(
  context: PlanContext,
  policy: PolicySummary,
  direction: Direction,
  rule: PlainValue,
): TextChange | undefined {
  const object = findObject(context, 'NetworkPolicy', policy.ref.namespace, policy.ref.name);
  const spec = object?.node.get('spec', true);
  if (!object || !isMap(spec)) return undefined;
  return appendToList(object.document, spec, direction, rule, styleOf(object.document.text));
}

/** A new NetworkPolicy document, named `base` (made unique in its namespace). */
export function newPolicy(
  context: PlanContext,
  namespace: string,
  base: string,
  spec: { readonly podSelector: PlainValue; readonly policyTypes: readonly PolicyType[] } & Record<string, PlainValue>,
): { readonly name: string; readonly value: PlainValue } {
  const name = uniqueName(base, takenNames(context, 'NetworkPolicy', namespace));
  return {
    name,
    value: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace },
      spec: { ...spec, policyTypes: [...spec.policyTypes] },
    },
  };
}

/** The DNS rule isolation for egress would otherwise break: kube-dns in kube-system, UDP and TCP 53. */
export const DNS_RULE: PlainValue = {
  to: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    },
  ],
  ports: (['UDP', 'TCP'] as Protocol[]).map((protocol) => ({ protocol, port: 53 })),
};
