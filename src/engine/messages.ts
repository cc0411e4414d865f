/**
 * Every sentence the product says about a verdict lives here, rendered from explanation data.
 * The CLI prints these lines, the UI shows them, tests read them.
 */
import type { FileLocation, Locate } from '../model/source';
import { describeConnections } from './describe';
import { isNoConnections } from './portset';
import type { PairExplanation, PortQuery, RuleMiss, RuleRef, RuleVerdict, SideExplanation } from './types';

/** Codes of the diagnostics the engine itself reports (the model has its own, DIAGNOSTIC_CODES). */
export const ENGINE_DIAGNOSTIC_CODES = [
  'owner-pods-split',
  'policy-selects-nothing',
  'named-port-unresolved',
  'rules-ignored',
] as const;

/** The sentences of the engine's diagnostics. */
export const diagnosticText = {
  ownerPodsSplit: (group: string, differences: string) =>
    `The pods of ${group} differ in what the policies select on (${differences}), so each pod is shown as its own endpoint.`,
  ownerIdTaken: (group: string, pod: string) =>
    `Pod ${pod} is not one of the pods of ${group} but has the same id, so each pod of ${group} is shown as its own endpoint.`,
  selectsNothing: (policy: string) => `NetworkPolicy ${policy} selects no pod in the input, so it has no effect here.`,
  namedPortUnresolved: (name: string, protocol: string | undefined, direction: string) =>
    `Named port "${name}"${protocol ? ` (${protocol})` : ''} is not a container port of any pod this ${direction} rule applies to, so it allows nothing.`,
  rulesIgnored: (policy: string, direction: 'ingress' | 'egress') =>
    `policyTypes of ${policy} does not include ${direction === 'ingress' ? 'Ingress' : 'Egress'}, so its ${direction} rules have no effect.`,
};

/** `file:line:col` of a location placed in its file. */
export function locationText(location: FileLocation): string {
  return `${location.file}:${location.range.startLine}:${location.range.startColumn}`;
}

export function queryText(query: PortQuery): string {
  return query.port === undefined ? `${query.protocol} (any port)` : `${query.protocol} ${query.port}`;
}

/** `ns/policy ingress rule #1 (file:line:col)`; `locate` places the rule in its file. */
export function ruleText(rule: RuleRef, locate: Locate): string {
  return `${rule.policy} ${rule.direction} rule #${rule.index + 1} (${locationText(locate(rule.location))})`;
}

function missText(miss: RuleMiss, side: SideExplanation, peer: string, query?: PortQuery): string {
  switch (miss.kind) {
    case 'peer':
      return `${peer} is not among its ${side.direction === 'egress' ? 'destinations (to)' : 'sources (from)'}`;
    case 'protocol':
      return `its ports do not include ${query ? query.protocol : 'that protocol'}`;
    case 'port':
      return `its ports do not include ${query ? queryText(query) : 'that port'}`;
    case 'named-port-unresolved':
      return `its named port${miss.names.length === 1 ? '' : 's'} ${miss.names.map((n) => `"${n}"`).join(', ')} ${miss.names.length === 1 ? 'is' : 'are'} not a container port of the destination`;
  }
}

function ruleLine(verdict: RuleVerdict, side: SideExplanation, peer: string, locate: Locate, query?: PortQuery): string {
  const rule = ruleText(verdict.rule, locate);
  if (verdict.miss) return `  - ${rule}: does not apply — ${missText(verdict.miss, side, peer, query)}.`;
  return `  - ${rule} allows ${describeConnections(verdict.allowed)}.`;
}

function sideLines(side: SideExplanation, peer: string, locate: Locate, query?: PortQuery): string[] {
  const what = side.direction === 'egress' ? `Egress from ${side.endpoint}` : `Ingress to ${side.endpoint}`;
  if (!side.subjectToPolicies) {
    return [`${what}: an address outside the cluster; NetworkPolicies do not restrict it.`];
  }
  if (side.isolatedBy.length === 0) {
    return [
      `${what}: not isolated — no NetworkPolicy in its namespace selects it for ${side.direction}, so all ${side.direction} traffic is allowed.`,
    ];
  }
  const policies = side.isolatedBy.map((p) => p.id).join(', ');
  const summary = isNoConnections(side.allowed)
    ? `no rule allows anything ${side.direction === 'egress' ? 'to' : 'from'} ${peer}`
    : `allowed: ${describeConnections(side.allowed)}`;
  const header = `${what}: isolated by ${policies}; ${summary}.`;
  if (side.rules.length === 0) return [header, `  - the isolating policies have no ${side.direction} rules: everything is denied.`];
  return [header, ...side.rules.map((r) => ruleLine(r, side, peer, locate, query))];
}

/**
 * The verdict first, then the egress side and the ingress side with each rule's part; `locate`
 * places the rules in their files.
 */
export function explanationLines(explanation: PairExplanation, locate: Locate): string[] {
  const { from, to, query, allowed, verdict } = explanation;
  const subject = query ? `${queryText(query)} from ${from} to ${to}` : `traffic from ${from} to ${to}`;
  const head = verdict
    ? `ALLOWED: ${subject}${query ? '' : ` (${describeConnections(allowed)})`}.`
    : `DENIED: ${subject}.`;
  const { egress, ingress } = explanation;
  const notes: string[] = [];
  if (!egress.subjectToPolicies && !ingress.subjectToPolicies) {
    notes.push('Both ends are outside the cluster; such traffic never reaches a pod, so nothing is listed for it.');
  } else if (!query && !verdict && !isNoConnections(egress.allowed) && !isNoConnections(ingress.allowed)) {
    notes.push(
      `Each side allows something, but nothing in common: egress allows ${describeConnections(egress.allowed)}, ingress allows ${describeConnections(ingress.allowed)}.`,
    );
  }
  return [head, ...notes, ...sideLines(egress, to, locate, query), ...sideLines(ingress, from, locate, query)];
}
