/**
 * Answers about cluster-wide policies that the Analysis does not carry, worked out by the session
 * when asked: which pairs of one endpoint a cluster-wide Deny rule denies (the denied view), and
 * the rules of each cluster-wide policy (the policy panel). Pure over the analysis, the engine's
 * explanations and the model's resources.
 */
import { isAllConnections, isNoConnections } from '../../engine';
import type { Analysis, Direction, EndpointId, PairExplanation, PolicyId, RuleAction, RuleRef, SideExplanation } from '../../engine/types';
import type { ClusterPolicyResource, ClusterRuleAction } from '../../model/types';
import type { ClusterDenial, ClusterPolicyRules } from './protocol';

const ACTIONS: Readonly<Record<ClusterRuleAction, RuleAction>> = { Accept: 'accept', Deny: 'deny', Pass: 'pass' };

/** The analysed id of each cluster-wide policy resource (the engine names them; the model does not). */
function idsOf(analysis: Analysis, resources: readonly ClusterPolicyResource[]): Map<ClusterPolicyResource, PolicyId> {
  const byName = new Map(analysis.policies.map(({ ref }) => [`${ref.kind}\n${ref.name}`, ref.id]));
  const ids = new Map<ClusterPolicyResource, PolicyId>();
  for (const policy of resources) {
    const id = byName.get(`${policy.kind}\n${policy.name}`);
    if (id !== undefined) ids.set(policy, id);
  }
  return ids;
}

/** The rules of every cluster-wide policy, in the order the resources list them. */
export function clusterRules(analysis: Analysis, resources: readonly ClusterPolicyResource[]): ClusterPolicyRules[] {
  const ids = idsOf(analysis, resources);
  return resources.flatMap((policy): ClusterPolicyRules[] => {
    const id = ids.get(policy);
    if (id === undefined) return [];
    const rules = (direction: Direction) =>
      policy[direction].map((rule) => ({ action: ACTIONS[rule.action], ...(rule.name === undefined ? {} : { name: rule.name }), location: rule.location }));
    return [{ policy: id, ingress: rules('ingress'), egress: rules('egress') }];
  });
}

/** The cluster-wide policies with a Deny rule, per direction: only their subjects can be denied by one. */
export function denyingPolicies(analysis: Analysis, resources: readonly ClusterPolicyResource[]): Record<Direction, ReadonlySet<PolicyId>> {
  const ids = idsOf(analysis, resources);
  const denying = (direction: Direction) =>
    new Set(resources.filter((p) => p[direction].some((r) => r.action === 'Deny')).flatMap((p) => ids.get(p) ?? []));
  return { ingress: denying('ingress'), egress: denying('egress') };
}

/** The Deny rules that decided (denied) some ports of a side. */
function denyRules(side: SideExplanation): RuleRef[] {
  if (!side.tiers) return [];
  return [...side.tiers.admin, ...side.tiers.baseline]
    .filter((verdict) => verdict.rule.action === 'deny' && !isNoConnections(verdict.decided))
    .map((verdict) => verdict.rule);
}

/**
 * The pairs of `endpoint`, both ways, of which a cluster-wide Deny rule denied some ports, each
 * with those rules; in endpoint order, out before in. Only pairs a Deny rule can take part in are
 * explained: not wholly allowed, with a side whose cluster-wide policies have a Deny rule in its
 * direction. So a cluster without Deny rules costs one pass over the endpoints, and one with a
 * Deny rule for every pod about one explanation per pair (a few hundred milliseconds for 2 000
 * endpoints, in the worker, asked only in the denied view).
 */
export function clusterDenials(
  analysis: Analysis,
  explain: (from: EndpointId, to: EndpointId) => PairExplanation | undefined,
  endpoint: EndpointId,
  denying: Record<Direction, ReadonlySet<PolicyId>>,
): ClusterDenial[] {
  const subject = analysis.endpoints.find((e) => e.id === endpoint);
  if (!subject) return [];
  const out = new Map<EndpointId, Analysis['connections'][number]['allowed']>();
  const into = new Map<EndpointId, Analysis['connections'][number]['allowed']>();
  for (const c of analysis.connections) {
    if (c.from === endpoint) out.set(c.to, c.allowed);
    else if (c.to === endpoint) into.set(c.from, c.allowed);
  }
  const mayDeny = (id: EndpointId, direction: Direction) =>
    (analysis.isolation.get(id)?.cluster?.[direction] ?? []).some((policy) => denying[direction].has(policy));
  const denials: ClusterDenial[] = [];
  const consider = (from: EndpointId, to: EndpointId, allowed: Analysis['connections'][number]['allowed'] | undefined) => {
    if (allowed && isAllConnections(allowed)) return;
    if (!mayDeny(from, 'egress') && !mayDeny(to, 'ingress')) return;
    const explanation = explain(from, to);
    if (!explanation) return;
    const rules = [...denyRules(explanation.egress), ...denyRules(explanation.ingress)];
    if (rules.length > 0) denials.push({ from, to, rules });
  };
  for (const other of analysis.endpoints) {
    // Traffic between two outside addresses never crosses the cluster.
    if (other.id === endpoint || (other.type === 'external' && subject.type === 'external')) continue;
    consider(endpoint, other.id, out.get(other.id));
    consider(other.id, endpoint, into.get(other.id));
  }
  return denials;
}
