/**
 * "Block this connection": the ways to stop one pair's traffic, each a plan of its own, best
 * first. Where NetworkPolicies isolate a side, the rules that allow the pair are edited: a rule
 * whose peers all match the other end is removed; else only the peers that match it are. When
 * those rules (or peers) also allow other pairs, two more choices: narrow the matching peers with
 * a `NotIn` on the other end's identifying label, or — where a side is not isolated at all —
 * isolate it with a new policy and allow every other party explicitly. Each is evaluated
 * (verify.ts): a plan that stops exactly this pair has no warnings; the others say what else
 * they change.
 */
import { isMap } from 'yaml';
import { isNoConnections } from '../engine/portset';
import type { Direction, Endpoint, EndpointId, RuleVerdict, SideExplanation, WorkloadEndpoint } from '../engine/types';
import type { TextChange } from '../model/text-changes';
import { addPair, appendItems, appendToList, pairOf, removeEntry } from '../model/write/node-edits';
import { styleOf, type PlainValue } from '../model/write/value-text';
import { editPlan, ordered, planContext, type PlanContext } from './context';
import { draftChanges, type Draft } from './documents';
import { peerFor, subjectSelector, workloadsIn } from './identify';
import { NAMESPACE_NAME_LABEL } from '../engine';
import { plansSay } from './messages';
import { addressRange, memberOf } from './parties';
import { newPolicy, ruleValue } from './policies';
import { rangeCidrs } from './cidrs';
import { peerMatches, peersKeyOf, ruleNodes, type RuleNodes } from './rule-nodes';
import type { EditPlan, Party } from './types';
import { cost, judge, type Intent } from './verify';

/** The endpoint as a party: a workload, or the outside range it is. */
function partyOf(endpoint: Endpoint): Party {
  return endpoint.type === 'workload' ? endpoint : { type: 'outside', cidr: endpoint.id };
}

/** The plans that stop the traffic from `from` to `to` (two endpoint ids of the text's analysis), best first. */
export function planBlock(text: string, from: EndpointId, to: EndpointId): EditPlan[] {
  const context = planContext(text);
  const source = context.analysis.endpoints.find((e) => e.id === from);
  const target = context.analysis.endpoints.find((e) => e.id === to);
  if (!source || !target) return [editPlan([], plansSay.notFound(!source ? from : to))];
  const allowed = context.analysis.connections.find((c) => c.from === from && c.to === to);
  if (!allowed || isNoConnections(allowed.allowed)) return [editPlan([], plansSay.nothingAllowed(from, to))];
  const explanation = context.analyzer.explain(from, to)!;
  const intent: Intent = {
    from: memberOf(partyOf(source)),
    to: memberOf(partyOf(target)),
    effect: { kind: 'block' },
  };
  const drafts = [
    ...sideDrafts(context, explanation.ingress, target, source),
    ...sideDrafts(context, explanation.egress, source, target),
  ];
  const judged = drafts.flatMap((draft) => {
    const changes = safely(() => ordered(draftChanges(context, draft)));
    return changes ? [{ draft, changes, judgement: judge(context, changes, intent) }] : [];
  });
  if (judged.length === 0) return [editPlan([], plansSay.cannotBlock(from, to))];
  // Exact plans first; among equals, editing the rules in place before adding a policy.
  judged.sort((a, b) => cost(a.judgement) - cost(b.judgement) || a.draft.documents.length - b.draft.documents.length);
  return judged.map(({ draft, changes, judgement }) =>
    editPlan(changes, draft.summaries.join('; '), [...new Set([...judgement.warnings, ...draft.warnings])]),
  );
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined; // two edits of one flow list overlap: that alternative is not offered
  }
}

/**
 * The alternatives on one side: `subject` is the side's endpoint (the target for ingress, the
 * source for egress), `other` the pair's other end.
 */
function sideDrafts(context: PlanContext, side: SideExplanation, subject: Endpoint, other: Endpoint): Draft[] {
  if (!side.subjectToPolicies || subject.type !== 'workload') return [];
  if (side.isolatedBy.length === 0) return [isolateAndReallow(context, side.direction, subject, other)];
  const allowing = side.rules.filter((r) => r.rule.tier === 'networkPolicy' && !isNoConnections(r.allowed));
  const nodes = allowing.map((r) => ({ verdict: r, nodes: ruleNodes(context, r.rule) }));
  if (allowing.length === 0 || nodes.some((n) => n.nodes === undefined)) return [];
  const found = nodes as { verdict: RuleVerdict; nodes: RuleNodes }[];
  return [removal(context, side.direction, found, other), narrowing(context, side.direction, found, other)].filter(
    (d): d is Draft => d !== undefined,
  );
}

/** Indexes of the rule's peers that match `other`; every index when the rule has no peers list. */
function matchingPeers(context: PlanContext, nodes: RuleNodes, other: Endpoint): number[] | 'all' {
  const peers = nodes.resource.peers;
  if (peers === undefined || peers.length === 0) return 'all';
  const matching = peers.flatMap((peer, i) => (peerMatches(context, peer, nodes.policy.namespace, other) ? [i] : []));
  return matching.length === peers.length ? 'all' : matching;
}

/** Removes the allowing rules, or only their peers that match the other end. */
function removal(
  context: PlanContext,
  direction: Direction,
  found: readonly { verdict: RuleVerdict; nodes: RuleNodes }[],
  other: Endpoint,
): Draft | undefined {
  const changes: (TextChange | undefined)[] = [];
  const summaries: string[] = [];
  const removedRules = new Map<string, number>();
  for (const { verdict, nodes } of found) {
    const { index, policy } = verdict.rule;
    const matching = matchingPeers(context, nodes, other);
    if (matching === 'all') {
      changes.push(removeEntry(nodes.object.document, nodes.rules, index, nodes.rulesKey));
      summaries.push(plansSay.removeRule(direction, index, policy));
      removedRules.set(policy, (removedRules.get(policy) ?? 0) + 1);
    } else {
      const { document } = nodes.object;
      for (const i of matching) changes.push(removeEntry(document, nodes.peers!, i, nodes.peersKey));
      summaries.push(plansSay.removePeer(direction, index, policy));
    }
  }
  // Without policyTypes, a policy isolates for egress only while it has egress rules: write them
  // out, so removing its last egress rule keeps it isolating.
  for (const { verdict, nodes } of found) {
    const removed = removedRules.get(verdict.rule.policy) ?? 0;
    const allGone = removed >= (nodes.policy.egress?.length ?? 0);
    if (direction !== 'egress' || nodes.policy.policyTypes !== undefined || !allGone) continue;
    const { document } = nodes.object;
    changes.push(addPair(document, nodes.spec, 'policyTypes', ['Ingress', 'Egress'], styleOf(document.text)));
    removedRules.delete(verdict.rule.policy);
  }
  if (changes.some((c) => c === undefined)) return undefined;
  return { changes: changes as TextChange[], documents: [], summaries, warnings: [] };
}

/**
 * Narrows every allowing peer that matches the other end so that it no longer does: a pod peer
 * gets `NotIn` on the other end's rarest label; an ipBlock gets the other end's range in `except`;
 * a rule without peers (every party) gets peers naming every party but the other end.
 */
function narrowing(
  context: PlanContext,
  direction: Direction,
  found: readonly { verdict: RuleVerdict; nodes: RuleNodes }[],
  other: Endpoint,
): Draft | undefined {
  const leaveOut = other.type === 'workload' ? notInExpression(context, other) : addressRange(other.id);
  if (leaveOut === undefined) return undefined;
  const changes: (TextChange | undefined)[] = [];
  const summaries: string[] = [];
  const warnings: string[] = [];
  for (const { verdict, nodes } of found) {
    const peers = nodes.resource.peers;
    const matching = matchingPeers(context, nodes, other);
    const { document } = nodes.object;
    const style = styleOf(document.text);
    const { index, policy } = verdict.rule;
    if (peers === undefined) {
      // A rule without peers matches every party: it gets peers for every party but the other end.
      const everyone = everyoneBut(context, other, nodes.policy.namespace);
      changes.push(addPair(document, nodes.rule, peersKeyOf(direction), everyone.peers, style));
      summaries.push(plansSay.splitRule(direction, index, policy, other.id));
      warnings.push(...everyone.warnings);
      continue;
    }
    if (!nodes.peers || peers.length === 0) return undefined;
    for (const i of matching === 'all' ? peers.map((_, i) => i) : matching) {
      const peer = nodes.peers.items[i];
      const ipBlock = isMap(peer) ? pairOf(peer, 'ipBlock')?.value : undefined;
      if (!isMap(peer)) return undefined;
      if ('key' in leaveOut && !peers[i]!.ipBlock) {
        const selector = pairOf(peer, 'podSelector')?.value;
        if (isMap(selector)) changes.push(appendToList(document, selector, 'matchExpressions', leaveOut, style));
        else if (selector === undefined) changes.push(addPair(document, peer, 'podSelector', { matchExpressions: [leaveOut] }, style));
        else return undefined;
      } else if ('family' in leaveOut && isMap(ipBlock)) {
        // The range lies inside the block's CIDR (the peer matches it); all of it would leave nothing.
        const cidr = peers[i]!.ipBlock!.cidr;
        if (cidr.first === leaveOut.first && cidr.last === leaveOut.last) return undefined;
        changes.push(appendItems(document, ipBlock, 'except', rangeCidrs(leaveOut), style));
      } else {
        return undefined;
      }
    }
    summaries.push(
      'key' in leaveOut
        ? plansSay.narrowPeer(direction, index, policy, { [leaveOut.key]: leaveOut.values[0]! })
        : plansSay.exceptRange(direction, index, policy, other.id),
    );
  }
  if (changes.some((c) => c === undefined)) return undefined;
  return { changes: changes as TextChange[], documents: [], summaries, warnings };
}

/** `NotIn` on the label of `other` that the fewest other workloads share: it leaves out the fewest. */
function notInExpression(context: PlanContext, other: WorkloadEndpoint) {
  const sharing = ([k, v]: [string, string]) =>
    context.analysis.endpoints.filter((e) => e.type === 'workload' && e.id !== other.id && e.labels[k] === v).length;
  const varying = new Set(other.varyingLabels ?? []);
  const candidates = Object.entries(other.labels).filter(([k]) => !varying.has(k));
  const [key, value] = candidates.sort((a, b) => sharing(a) - sharing(b))[0] ?? [];
  return key === undefined || value === undefined ? undefined : { key, operator: 'NotIn', values: [value] };
}

/**
 * A podSelector that selects `pod` but not `other`: a label of `pod` that `other` has not (or not
 * with that value), else a key `other` has and `pod` has not. None when their labels are the same.
 */
function separating(pod: WorkloadEndpoint, other: WorkloadEndpoint): PlainValue | undefined {
  const own = Object.entries(pod.labels).find(([k, v]) => other.labels[k] !== v);
  if (own) return { matchLabels: { [own[0]]: own[1] } };
  const missing = Object.keys(other.labels).find((k) => pod.labels[k] === undefined);
  return missing === undefined ? undefined : { matchExpressions: [{ key: missing, operator: 'DoesNotExist' }] };
}

/**
 * The peers for every party but `other`, in a policy of `namespace`; pods that cannot be told
 * from it are named in warnings.
 */
function everyoneBut(
  context: PlanContext,
  other: Endpoint,
  namespace: string,
): { peers: PlainValue[]; warnings: string[] } {
  const peers: PlainValue[] = [];
  const warnings: string[] = [];
  if (other.type === 'external') {
    peers.push({ namespaceSelector: {} });
    const range = addressRange(other.id)!;
    for (const [family, cidr] of [[4, '0.0.0.0/0'], [6, '::/0']] as const) {
      const except = range.family === family ? rangeCidrs(range) : [];
      if (except[0] !== cidr) peers.push({ ipBlock: except.length > 0 ? { cidr, except } : { cidr } });
    }
    return { peers, warnings };
  }
  for (const ns of context.analysis.namespaces) {
    if (ns.name === other.namespace) continue;
    peers.push(peerFor(context.analysis, { type: 'namespace', name: ns.name }, namespace).peer);
  }
  const seen = new Set<string>();
  const inOwnNamespace = other.namespace === namespace;
  for (const neighbour of workloadsIn(context.analysis, other.namespace)) {
    if (neighbour.id === other.id) continue;
    const podSelector = separating(neighbour, other);
    if (podSelector === undefined) {
      warnings.push(plansSay.sameLabels(neighbour.id, other.id));
      continue;
    }
    const key = JSON.stringify(podSelector);
    if (seen.has(key)) continue;
    seen.add(key);
    const namespaceSelector = { matchLabels: { [NAMESPACE_NAME_LABEL]: other.namespace } };
    peers.push(inOwnNamespace ? { podSelector } : { namespaceSelector, podSelector });
  }
  peers.push({ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } });
  return { peers, warnings };
}

/** A new policy isolating `subject` for `direction`, with one rule allowing every party but `other`. */
function isolateAndReallow(
  context: PlanContext,
  direction: Direction,
  subject: WorkloadEndpoint,
  other: Endpoint,
): Draft {
  const namespace = subject.namespace;
  const { peers, warnings } = everyoneBut(context, other, namespace);
  const selector = subjectSelector(context.analysis, subject);
  const created = newPolicy(context, namespace, `isolate-${subject.name}-${direction}`, {
    podSelector: selector.selector,
    policyTypes: [direction === 'ingress' ? 'Ingress' : 'Egress'],
    [direction]: [ruleValue(direction, peers)],
  });
  return {
    changes: [],
    documents: [created.value],
    summaries: [
      plansSay.isolateAndReallow(`${subject.namespace}/${subject.name} for ${direction}`, `${namespace}/${created.name}`),
    ],
    warnings: [...selector.warnings, ...warnings],
  };
}
