/**
 * A policy in plain words, read off its compiled form (so Kubernetes' defaults are the ones the
 * evaluator applies: `ingress: []` and an absent `ingress` under policyTypes Ingress both allow
 * nothing; `egress` rules without policyTypes make an egress policy; `from` absent is anywhere).
 * Which sentences apply, and where in the YAML each comes from, is decided here; the sentences
 * themselves are messages.ts's `policyWordsText`.
 */
import type { SourceLocation } from '../model/source';
import type { CompiledPolicy, CompiledRule } from './compile';
import { policyWordsText as say } from './messages';
import type { MatchedPolicy, MatchedRevision } from './matching';
import { isAllConnections } from './portset';
import type { Direction, PolicyId } from './types';

export interface PolicySentence {
  readonly text: string;
  /** The YAML it comes from: the rule it describes, else the policy's name. */
  readonly location?: SourceLocation;
  /** An item of the list the sentence before it (the last without `item`) introduces. */
  readonly item?: boolean;
}

export interface PolicyWords {
  readonly policy: PolicyId;
  /** What the policy says on its own, and which workloads of the input it applies to. */
  readonly alone: readonly PolicySentence[];
  /** What it means with the other policies deciding the same pods (empty when none does). */
  readonly together: readonly PolicySentence[];
}

const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];
/** Workloads named in the `selects` sentence; the rest are counted. */
const NAMED_WORKLOADS = 5;

/** Whether a rule lets every connection through: every peer, every port (`ingress: [{}]`). */
function opensEverything(rule: CompiledRule): boolean {
  return isAllConnections(rule.fixedPorts) && rule.peers.some((peer) => peer.kind === 'everything');
}

/** What a NetworkPolicy does in one direction: not restricted, nothing allowed, its rule, or its rules. */
function networkPolicyDirection(policy: CompiledPolicy, direction: Direction): PolicySentence[] {
  const rules = policy[direction];
  const own = policy.namespace!;
  const at = policy.ref.nameLocation;
  if (!rules) return [{ text: say.notRestricted(direction), location: at }];
  if (rules.length === 0) return [{ text: say.allowsNone(direction), location: at }];
  const opening = rules.find(opensEverything);
  if (opening) return [{ text: say.acceptsAll(direction), location: opening.ref.location }];
  if (rules.length === 1) return [{ text: say.onlyRule(rules[0]!, own), location: rules[0]!.ref.location }];
  return [
    { text: say.rulesLead(direction, rules.length), location: at },
    ...rules.map((rule) => ({ text: say.ruleItem(rule, own), location: rule.ref.location, item: true })),
  ];
}

/** A cluster-wide policy in one direction: its rules in the order consulted, each with its action. */
function clusterPolicyDirection(policy: CompiledPolicy, direction: Direction): PolicySentence[] {
  const rules = policy[direction] ?? [];
  if (rules.length === 0) return [{ text: say.clusterNoRules(direction), location: policy.ref.nameLocation }];
  return [
    { text: say.clusterRulesLead(direction, rules.length), location: policy.ref.nameLocation },
    ...rules.map((rule) => ({ text: say.clusterRuleItem(rule), location: rule.ref.location, item: true })),
  ];
}

/** Who the policy applies to. */
function subjectSentence(policy: CompiledPolicy): PolicySentence {
  const text =
    policy.ref.kind === 'NetworkPolicy'
      ? say.subject(policy.namespace!, policy.subject.pods!)
      : say.clusterSubject(policy.subject);
  return { text, location: policy.ref.nameLocation };
}

/** What the policy allows (or, cluster-wide, decides) each way, with nothing about the rest of the input. */
function ruleSentences(policy: CompiledPolicy): PolicySentence[] {
  if (policy.ref.kind !== 'NetworkPolicy') {
    return [
      { text: say.clusterTier(policy.ref.tier, policy.ref.priority), location: policy.ref.nameLocation },
      ...DIRECTIONS.flatMap((direction) => clusterPolicyDirection(policy, direction)),
    ];
  }
  return [
    ...DIRECTIONS.flatMap((direction) => networkPolicyDirection(policy, direction)),
    ...policy.ignoredDirections.map((direction) => ({ text: say.ignored(direction), location: policy.ref.nameLocation })),
  ];
}

/** The other NetworkPolicies isolating some of `matched`'s pods in `direction`, each with how many of them. */
function otherIsolating(revision: MatchedRevision, matched: MatchedPolicy, direction: Direction) {
  const covered = new Map<MatchedPolicy, number>();
  for (const endpoint of matched.selected) {
    for (const other of revision.tables[direction][endpoint]!.isolation) {
      if (other !== matched) covered.set(other, (covered.get(other) ?? 0) + 1);
    }
  }
  return covered;
}

/**
 * A direction's union: every NetworkPolicy isolating these pods adds what its rules allow, so a
 * connection is accepted when any one of them allows it. The other policies' rules are listed
 * (this one's are above), then what the union comes to when that is everything or nothing for
 * every one of the pods.
 */
function togetherDirection(revision: MatchedRevision, matched: MatchedPolicy, direction: Direction): PolicySentence[] {
  const covered = otherIsolating(revision, matched, direction);
  if (covered.size === 0) return [];
  const others = [...covered].sort(([a], [b]) => (a.policy.ref.id < b.policy.ref.id ? -1 : 1));
  const names = others.map(([other, count]) => say.togetherName(other.policy.ref.id, count === matched.selected.length));
  const own = matched.policy.namespace!;
  const thisRules = matched.policy[direction];
  const sentences: PolicySentence[] = [{ text: say.togetherLead(direction, names, thisRules !== undefined) }];
  for (const [{ policy }] of others) {
    const rules = policy[direction]!;
    const name = policy.ref.id;
    if (rules.length === 0) {
      sentences.push({ text: say.togetherNone(name, direction), location: policy.ref.nameLocation, item: true });
    }
    for (const rule of rules) {
      sentences.push({ text: say.togetherRule(name, rule, own, rules.length > 1), location: rule.ref.location, item: true });
    }
  }
  // What the union comes to, said only when it holds for every one of the pods: a policy that
  // selects only some of them decides nothing for the rest (which may not be isolated at all).
  const covering = others.filter(([, count]) => count === matched.selected.length).map(([{ policy }]) => policy);
  const everyPodIsolated = thisRules !== undefined || covering.length > 0;
  const coveringRules = [...(thisRules ?? []), ...covering.flatMap((policy) => policy[direction]!)];
  const anyRule = coveringRules.length > 0 || others.some(([{ policy }]) => policy[direction]!.length > 0);
  if (coveringRules.some(opensEverything)) sentences.push({ text: say.togetherAll(direction) });
  else if (everyPodIsolated && !anyRule) sentences.push({ text: say.togetherNothing(direction) });
  return sentences;
}

/** The cluster-wide policies with rules for some of the pods in `direction`, Admin and Baseline. */
function clusterAlso(revision: MatchedRevision, matched: MatchedPolicy, direction: Direction): PolicySentence[] {
  const admin = new Set<PolicyId>();
  const baseline = new Set<PolicyId>();
  for (const endpoint of matched.selected) {
    const side = revision.tables[direction][endpoint]!;
    for (const m of side.admin) admin.add(m.policy.ref.id);
    for (const m of side.baseline) baseline.add(m.policy.ref.id);
  }
  if (admin.size === 0 && baseline.size === 0) return [];
  return [{ text: say.clusterAlso(direction, [...admin], [...baseline]) }];
}

/** Which workloads of the input the policy applies to, by name. */
function selectsSentence(revision: MatchedRevision, matched: MatchedPolicy): PolicySentence {
  const { endpoints } = revision.analysis;
  const names = matched.selected.slice(0, NAMED_WORKLOADS).map((i) => {
    const endpoint = endpoints[i]!;
    if (endpoint.type !== 'workload') return endpoint.id;
    return matched.policy.ref.kind === 'NetworkPolicy' ? endpoint.name : `${endpoint.namespace}/${endpoint.name}`;
  });
  return { text: say.selects(names, matched.selected.length) };
}

/**
 * The policy `id` of the revision in plain words: on its own, then (a NetworkPolicy) together
 * with the other NetworkPolicies and the cluster-wide policies deciding the same pods.
 * `undefined` for an unknown id.
 */
export function policyWordsOf(revision: MatchedRevision, id: PolicyId): PolicyWords | undefined {
  const matched = revision.tables.policies.find((m) => m.policy.ref.id === id);
  if (!matched) return undefined;
  const { policy } = matched;
  const alone = [subjectSentence(policy), selectsSentence(revision, matched), ...ruleSentences(policy)];
  if (policy.ref.kind !== 'NetworkPolicy' || matched.selected.length === 0) return { policy: id, alone, together: [] };
  const shared = DIRECTIONS.flatMap((direction) => togetherDirection(revision, matched, direction));
  const together = [
    ...(shared.length > 0 ? shared : [{ text: say.alone }]),
    ...DIRECTIONS.flatMap((direction) => clusterAlso(revision, matched, direction)),
  ];
  return { policy: id, alone, together };
}
