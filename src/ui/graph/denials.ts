/**
 * Denied pairs on the graph. Pure.
 * - The denied view of one endpoint: both ways, each pair where not everything is allowed, labelled
 *   with what is (`All denied`, `only TCP 80`). When a cluster-wide Deny rule denied some of it,
 *   a second line says which (`Admin Deny: guardrails`) and the edge has its own style.
 * - A shown cluster-wide policy: the pairs its Deny rules deny, drawn beside the allowed edges.
 */
import { isAllConnections, isNoConnections, policyName, tierName } from '../../engine';
import type { Analysis, ConnectionSet, EndpointId, PolicyId, PolicyRef, PolicySummary, RuleRef } from '../../engine/types';
import type { ClusterDenial } from '../../store/evaluation/protocol';
import { connectionLabel, flowEdge } from './flowEdge';
import type { ClusterTier, FlowEdge, FlowNode } from './flowTypes';
import { denialEdgeId, edgeId } from './ids';

/** Why a denied pair is denied, as far as cluster-wide Deny rules go: the edge's style and words. */
export interface DenialCause {
  readonly tier: ClusterTier;
  /** `Admin Deny: guardrails`, `+1` per further policy. */
  readonly note: string;
  /** Every rule, in full: `Admin Deny: ClusterNetworkPolicy/guardrails, ingress rule 2 "no-db"`. */
  readonly rules: string;
}

const ruleTitle = (rule: RuleRef) =>
  `${tierName(rule.tier)} Deny: ${rule.policy}, ${rule.direction} rule ${rule.index + 1}${rule.name === undefined ? '' : ` "${rule.name}"`}`;

/** The cause behind a pair's cluster-wide Deny rules; undefined without any. */
export function denialCause(rules: readonly RuleRef[], policies: ReadonlyMap<PolicyId, PolicySummary>): DenialCause | undefined {
  const first = rules[0];
  if (!first) return undefined;
  const named = [...new Set(rules.map((r) => r.policy))];
  const name = policies.get(first.policy)?.ref.name ?? first.policy.slice(first.policy.indexOf('/') + 1);
  return {
    // Admin rules decide before anything else: theirs is the style when both tiers denied ports.
    tier: rules.some((r) => r.tier === 'admin') ? 'admin' : 'baseline',
    note: `${tierName(first.tier)} Deny: ${name}${named.length > 1 ? ` +${named.length - 1}` : ''}`,
    rules: rules.map(ruleTitle).join('; '),
  };
}

/** What a denied-view edge says is allowed: `All denied`, or `only <ports>`. */
export function deniedLabel(allowed: ConnectionSet | undefined): string {
  return !allowed || isNoConnections(allowed) ? 'All denied' : `only ${connectionLabel(allowed)}`;
}

/** The causes of `denials`, by the pair's `edgeId(from, to)` of endpoint ids. */
function causesOf(denials: readonly ClusterDenial[], analysis: Analysis): Map<string, DenialCause> {
  if (denials.length === 0) return new Map();
  const policies = new Map(analysis.policies.map((p) => [p.ref.id, p]));
  return new Map(denials.flatMap((d) => {
    const cause = denialCause(d.rules, policies);
    return cause ? [[edgeId(d.from, d.to), cause] as const] : [];
  }));
}

/**
 * For `subject`: one edge per other node, each way, where not everything is allowed. `denials`
 * (the session's answer for `subject`) name the cluster-wide Deny rules behind some of them.
 */
export function deniedEdges(
  subject: EndpointId,
  analysis: Analysis,
  nodes: readonly FlowNode[],
  nodeOf: ReadonlyMap<EndpointId, string>,
  denials: readonly ClusterDenial[] = [],
): FlowEdge[] {
  const subjectNode = nodeOf.get(subject);
  if (!subjectNode) return [];
  const toward = new Map(analysis.connections.filter((c) => c.from === subject).map((c) => [c.to, c.allowed]));
  const from = new Map(analysis.connections.filter((c) => c.to === subject).map((c) => [c.from, c.allowed]));
  const causes = causesOf(denials, analysis);
  // Traffic between two outside addresses never crosses the cluster: no pairs to show there.
  const subjectIsExternal = analysis.endpoints.some((e) => e.id === subject && e.type === 'external');
  const denied = (source: string, target: string, pair: readonly [EndpointId, EndpointId], allowed: ConnectionSet | undefined): FlowEdge[] => {
    if (allowed && isAllConnections(allowed)) return [];
    const label = deniedLabel(allowed);
    const cause = causes.get(edgeId(...pair));
    const data = { from: pair[0], to: pair[1], kind: 'denied' as const, label, ...(allowed ? { allowed } : {}) };
    if (!cause) return [flowEdge(source, target, data)];
    return [flowEdge(source, target, { ...data, denyTier: cause.tier, note: cause.note, title: `${label}. ${cause.rules}` })];
  };
  return nodes.flatMap((node): FlowEdge[] => {
    if (node.type !== 'workload' && node.type !== 'external') return [];
    if (node.id === subjectNode || (subjectIsExternal && node.type === 'external')) return [];
    const other = node.type === 'external' ? node.data.members[0]! : (node.id as EndpointId);
    return [
      ...denied(subjectNode, node.id, [subject, other], toward.get(other)),
      ...denied(node.id, subjectNode, [other, subject], from.get(other)),
    ];
  });
}

/**
 * Above this many denied pairs a shown policy's are not drawn: a Deny rule over every pod would
 * draw a line between almost any two workloads. The policy panel says so.
 */
export const MAX_DRAWN_DENIALS = 600;

/** The cluster-wide policy in focus and the pairs its Deny rules deny (its footprint's `denies`). */
export interface PolicyDenials {
  readonly policy: PolicyRef;
  readonly pairs: readonly (readonly [EndpointId, EndpointId])[];
}

/**
 * The pairs a shown cluster-wide policy denies, one edge per pair of nodes, beside the allowed
 * edge of the pair when it has one (its own id: `denialEdgeId`).
 */
export function policyDenialEdges({ policy, pairs }: PolicyDenials, nodeOf: ReadonlyMap<EndpointId, string>): FlowEdge[] {
  if (policy.tier === 'networkPolicy' || pairs.length > MAX_DRAWN_DENIALS) return [];
  // The banner and the panel name the tier; the line's dots say a cluster-wide rule denies.
  const label = `Deny: ${policy.name}`;
  const title = `${policyName(policy)} (${tierName(policy.tier)} tier) denies some or all of this: click for why`;
  const edges = new Map<string, FlowEdge>();
  for (const [from, to] of pairs) {
    const source = nodeOf.get(from);
    const target = nodeOf.get(to);
    if (!source || !target || source === target) continue;
    const id = denialEdgeId(source, target);
    if (edges.has(id)) continue;
    edges.set(id, flowEdge(source, target, { from, to, kind: 'denied', label, denyTier: policy.tier, title, ofPolicy: policy.id }, id));
  }
  return [...edges.values()];
}
