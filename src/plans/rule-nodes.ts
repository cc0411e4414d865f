/**
 * The nodes of a NetworkPolicy's rules in the parsed text, by the engine's rule references (policy,
 * direction, index), and which peers of a rule match an endpoint — with the engine's own selector
 * matching and ipBlock containment, so a plan and the evaluator never disagree on what a peer is.
 */
import { isMap, isSeq } from 'yaml';
import { blockContainsRange } from '../engine/address-space';
import { compileSelector } from '../engine/selector';
import type { Direction, Endpoint, RuleRef } from '../engine/types';
import type { NetworkPolicyResource, PolicyPeer, PolicyRule } from '../model/types';
import type { AnyMap, AnySeq, StreamObject } from '../model/write/stream-objects';
import { pairOf } from '../model/write/node-edits';
import { findObject, type PlanContext } from './context';

export interface RuleNodes {
  readonly object: StreamObject;
  readonly policy: NetworkPolicyResource;
  readonly spec: AnyMap;
  /** The `ingress` / `egress` list, and its key. */
  readonly rules: AnySeq;
  readonly rulesKey: unknown;
  readonly rule: AnyMap;
  readonly resource: PolicyRule;
  /** The `from` / `to` list, and its key; absent when the rule has none. */
  readonly peers?: AnySeq;
  readonly peersKey?: unknown;
}

export const peersKeyOf = (direction: Direction) => (direction === 'ingress' ? 'from' : 'to');

/** The written nodes of a NetworkPolicy rule; none when they are not plainly there (an alias, a merge key). */
export function ruleNodes(context: PlanContext, rule: RuleRef): RuleNodes | undefined {
  const [namespace, name] = splitPolicyId(rule.policy);
  const policy = context.resources.policies.find((p) => p.namespace === namespace && p.name === name);
  const object = findObject(context, 'NetworkPolicy', namespace, name);
  const spec = object?.node.get('spec', true);
  if (!policy || !object || !isMap(spec)) return undefined;
  const rulesPair = pairOf(spec, rule.direction);
  const resource = policy[rule.direction]?.[rule.index];
  const rules = rulesPair?.value;
  const node = isSeq(rules) ? rules.items[rule.index] : undefined;
  if (!resource || !isSeq(rules) || !isMap(node)) return undefined;
  const peersPair = pairOf(node, peersKeyOf(rule.direction));
  const peers = peersPair?.value;
  if (peersPair && !isSeq(peers)) return undefined;
  return {
    object,
    policy,
    spec,
    rules,
    rulesKey: rulesPair!.key,
    rule: node,
    resource,
    ...(isSeq(peers) ? { peers, peersKey: peersPair!.key } : {}),
  };
}

function splitPolicyId(id: string): [string, string] {
  const slash = id.indexOf('/');
  return [id.slice(0, slash), id.slice(slash + 1)];
}

/** Whether a NetworkPolicy peer of a policy in `namespace` matches `endpoint`. */
export function peerMatches(context: PlanContext, peer: PolicyPeer, namespace: string, endpoint: Endpoint): boolean {
  if (peer.ipBlock) {
    const ranges = endpoint.type === 'external' ? [endpoint.range] : endpoint.ips;
    return ranges.some((range) => blockContainsRange(peer.ipBlock!, range));
  }
  if (endpoint.type !== 'workload') return false;
  const labels = context.analysis.namespaces.find((n) => n.name === endpoint.namespace)?.labels ?? {};
  const inNamespace = peer.namespaceSelector
    ? compileSelector(peer.namespaceSelector).matches(labels)
    : endpoint.namespace === namespace;
  return inNamespace && (!peer.podSelector || compileSelector(peer.podSelector).matches(endpoint.labels));
}
