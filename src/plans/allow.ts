/**
 * "Allow traffic from A to B": the smallest edit that lets `traffic` through on both sides.
 *
 * Each side only needs a rule when NetworkPolicies isolate it (an unisolated pod already takes
 * everything, and a new policy would isolate it: a loss, not a gain). The target's side prefers,
 * in order: a rule added to an existing policy that selects exactly the target; a new policy
 * `allow-<from>-to-<to>` selecting it; a rule added to a broader policy selecting it (which lets
 * the source reach that policy's other pods too). A namespace target is covered by the policies
 * of that namespace that isolate its pods: rules there reach nothing outside the namespace. The
 * source's side the same, for egress (`…-egress`). Every combination is evaluated (verify.ts);
 * the first that changes exactly the gesture's traffic wins, else the one that changes least,
 * with warnings saying what else changes.
 */
import type { Direction, PolicySummary } from '../engine/types';
import { ALL_PORTS, connectionsOf, NO_CONNECTIONS, portRange, unionConnections } from '../engine/portset';
import type { ConnectionSet } from '../engine/types';
import { editPlan, planContext, type PlanContext } from './context';
import { draftChanges, EMPTY_DRAFT, joinDrafts, type Draft } from './documents';
import { namespaceOfParty, partyText, partyWord, peerFor, subjectSelector } from './identify';
import { plansSay } from './messages';
import { memberOf, workloadsOf } from './parties';
import { addRule, isIsolated, isolatingPolicies, newPolicy, portsValue, ruleValue, trafficText } from './policies';
import type { EditPlan, Party, Traffic } from './types';
import { cost, judge, shortfall, type Intent, type Judgement } from './verify';

/** The ports `traffic` stands for. */
export function trafficSet(traffic: Traffic): ConnectionSet {
  if (traffic.ports === 'all') return connectionsOf(traffic.protocol, ALL_PORTS);
  const { protocol } = traffic;
  return traffic.ports.reduce((set, port) => unionConnections(set, connectionsOf(protocol, portRange(port, port))), NO_CONNECTIONS);
}

/** The plan that allows `traffic` from `from` to `to` (see the top of this file). */
export function planAllow(text: string, from: Party, to: Party, traffic: Traffic): EditPlan {
  const context = planContext(text);
  const intent: Intent = {
    from: memberOf(from),
    to: memberOf(to),
    effect: { kind: 'allow', gain: trafficSet(traffic) },
  };
  if (shortfall(context.analysis, intent).length === 0) {
    return editPlan([], plansSay.alreadyAllowed(partyText(from), partyText(to), trafficText(traffic)));
  }
  const base = `allow-${partyWord(from)}-to-${partyWord(to)}`;
  const ingress = sideDrafts(context, 'ingress', to, from, traffic, base);
  const egress = sideDrafts(context, 'egress', from, to, traffic, `${base}-egress`);
  let best: { draft: Draft; judgement: Judgement } | undefined;
  for (const i of ingress) {
    for (const e of egress) {
      const draft = joinDrafts(i, e);
      const judgement = judge(context, draftChanges(context, draft), intent);
      if (!best || cost(judgement) < cost(best.judgement)) best = { draft, judgement };
      if (cost(judgement) === 0) return planOf(context, best.draft, best.judgement);
    }
  }
  return planOf(context, best!.draft, best!.judgement);
}

function planOf(context: PlanContext, draft: Draft, judgement: Judgement): EditPlan {
  const warnings = [...new Set([...draft.warnings, ...judgement.warnings])];
  return editPlan(draftChanges(context, draft), draft.summaries.join('; '), warnings);
}

/**
 * The ways to let `peer`'s traffic through `subject`'s side (`direction`: the subject's ingress,
 * or its egress), best first; one empty draft when the side needs nothing.
 */
function sideDrafts(
  context: PlanContext,
  direction: Direction,
  subject: Party,
  peer: Party,
  traffic: Traffic,
  base: string,
): Draft[] {
  if (subject.type === 'outside') return [EMPTY_DRAFT];
  const isolated = workloadsOf(context, subject).filter((e) => isIsolated(context, e.id, direction));
  if (isolated.length === 0) return [EMPTY_DRAFT];
  const namespace = namespaceOfParty(subject);
  const { peer: peerValue, warnings } = peerFor(context.analysis, peer, namespace);
  const rule = ruleValue(direction, [peerValue], portsValue(traffic));
  const toward = `${direction === 'ingress' ? 'from' : 'to'} ${partyText(peer)} on ${trafficText(traffic)}`;
  const inPlace = (policies: readonly PolicySummary[]): Draft | undefined => {
    const changes = policies.map((p) => addRule(context, p, direction, rule));
    if (policies.length === 0 || changes.some((c) => c === undefined)) return undefined;
    const summaries = policies.map((p) => plansSay.addRule(direction, p.ref.id, partyText(peer), trafficText(traffic)));
    return { changes: changes as NonNullable<(typeof changes)[number]>[], documents: [], summaries, warnings };
  };
  const selector = subjectSelector(context.analysis, subject);
  const created = newPolicy(context, namespace, base, {
    podSelector: selector.selector,
    policyTypes: [direction === 'ingress' ? 'Ingress' : 'Egress'],
    [direction]: [rule],
  });
  const fresh: Draft = {
    changes: [],
    documents: [created.value],
    summaries: [plansSay.newPolicy(`${namespace}/${created.name}`, `selecting ${partyText(subject)}, allowing ${toward}`)],
    warnings: [...selector.warnings, ...warnings],
  };
  const policies = isolatingPolicies(context, namespace, direction);
  if (subject.type === 'namespace') {
    return [inPlace(cover(policies, isolated.map((e) => e.id))), fresh].filter((d) => d !== undefined);
  }
  const id = isolated[0]!.id;
  const exact = policies.find((p) => p.selects.length === 1 && p.selects[0] === id);
  const broader = policies.find((p) => p.selects.length > 1 && p.selects.includes(id));
  return [exact && inPlace([exact]), fresh, broader && inPlace([broader])].filter((d) => d !== undefined);
}

/** Policies that together select every one of `ids`: greedily, the one selecting the most not yet selected first. */
function cover(policies: readonly PolicySummary[], ids: readonly string[]): PolicySummary[] {
  const left = new Set(ids);
  const chosen: PolicySummary[] = [];
  while (left.size > 0) {
    const gain = (p: PolicySummary) => p.selects.filter((id) => left.has(id)).length;
    const next = policies.reduce<PolicySummary | undefined>((a, b) => (gain(b) > (a ? gain(a) : 0) ? b : a), undefined);
    if (!next) break;
    chosen.push(next);
    next.selects.forEach((id) => left.delete(id));
  }
  return left.size === 0 ? chosen : [];
}
