/**
 * Every sentence the product says about a verdict lives here, rendered from explanation data.
 * The CLI prints these lines, the UI shows them, tests read them.
 */
import type { FileLocation, Locate } from '../model/source';
import type { EndpointPattern, Expectation } from '../model/types';
import { expectedConnections, type ExpectationResult, type FailingPair } from './expectations';
import { describeConnections } from './describe';
import { NO_CONNECTIONS, isAllConnections, isNoConnections, subtractConnections, unionConnections } from './portset';
import type {
  ConnectionSet,
  PairExplanation,
  PolicyRef,
  PolicyTier,
  PortQuery,
  RuleRef,
  RuleVerdict,
  SideExplanation,
  TierExplanation,
  TierMiss,
  TierRuleVerdict,
} from './types';

/** Codes of the diagnostics the engine itself reports (the model has its own, DIAGNOSTIC_CODES). */
export const ENGINE_DIAGNOSTIC_CODES = [
  'owner-pods-split',
  'policy-selects-nothing',
  'named-port-unresolved',
  'rules-ignored',
  'cluster-priority-tie',
] as const;

/** The sentences of the engine's diagnostics. */
export const diagnosticText = {
  ownerPodsSplit: (group: string, differences: string) =>
    `The pods of ${group} differ in what the policies select on (${differences}), so each pod is shown as its own endpoint.`,
  ownerIdTaken: (group: string, pod: string) =>
    `Pod ${pod} is not one of the pods of ${group} but has the same id, so each pod of ${group} is shown as its own endpoint.`,
  selectsNothing: (policy: PolicyRef) => `${policyName(policy)} selects no pod in the input, so it has no effect here.`,
  priorityTie: (policy: PolicyRef, others: readonly PolicyRef[]) =>
    `${policyName(policy)} has priority ${policy.priority} in the ${tierName(policy.tier)} tier, like ${others.map(policyName).join(', ')}: ` +
    'the API leaves the order of equal priorities to each implementation. Netpol Canvas consults them by name, as kube-network-policies and Calico do; give each its own priority to be sure.',
  namedPortUnresolved: (name: string, protocol: string | undefined, direction: string) =>
    `Named port "${name}"${protocol ? ` (${protocol})` : ''} is not a container port of any pod this ${direction} rule applies to, so it allows nothing.`,
  rulesIgnored: (policy: string, direction: 'ingress' | 'egress') =>
    `policyTypes of ${policy} does not include ${direction === 'ingress' ? 'Ingress' : 'Egress'}, so its ${direction} rules have no effect.`,
};

/** `NetworkPolicy shop/web`, `ClusterNetworkPolicy guardrails`. */
export function policyName(policy: Pick<PolicyRef, 'kind' | 'namespace' | 'name'>): string {
  return `${policy.kind} ${policy.namespace === undefined ? '' : `${policy.namespace}/`}${policy.name}`;
}

/** `Admin`, `Baseline`, `NetworkPolicy`: as the API and the explanations name tiers. */
export function tierName(tier: PolicyTier): string {
  return tier === 'admin' ? 'Admin' : tier === 'baseline' ? 'Baseline' : 'NetworkPolicy';
}

/** `file:line:col` of a location placed in its file. */
export function locationText(location: FileLocation): string {
  return `${location.file}:${location.range.startLine}:${location.range.startColumn}`;
}

export function queryText(query: PortQuery): string {
  return query.port === undefined ? `${query.protocol} (any port)` : `${query.protocol} ${query.port}`;
}

/**
 * `ns/policy ingress rule #1 (file:line:col)`, `ClusterNetworkPolicy/x egress rule #2 "name" (…)`;
 * `locate` places the rule in its file.
 */
export function ruleText(rule: RuleRef, locate: Locate): string {
  const name = rule.name === undefined ? '' : ` "${rule.name}"`;
  return `${rule.policy} ${rule.direction} rule #${rule.index + 1}${name} (${locationText(locate(rule.location))})`;
}

function missText(miss: TierMiss, side: SideExplanation, peer: string, query?: PortQuery): string {
  switch (miss.kind) {
    case 'decided-earlier':
      return `an earlier rule already decided ${query ? queryText(query) : 'those ports'}`;
    case 'not-reached':
      return `NetworkPolicies isolate ${side.endpoint} for ${side.direction}, so the Baseline tier is not consulted`;
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

/** Ports inside a sentence: `TCP 80,UDP 53`, or `all traffic` (not the listing's `All Connections`). */
function portsInSentence(set: ConnectionSet): string {
  return isAllConnections(set) ? 'all traffic' : describeConnections(set);
}

/** What a cluster-wide rule did with the ports it decided, and what that means for the side. */
function decisionText(verdict: TierRuleVerdict, side: SideExplanation): string {
  const ports = portsInSentence(verdict.decided);
  const isolated = side.isolatedBy.length > 0;
  if (verdict.rule.tier === 'baseline') {
    if (verdict.rule.action === 'deny') return `denies ${ports}`;
    if (verdict.rule.action === 'accept') return `accepts ${ports}`;
    return `passes ${ports}: nothing comes after the Baseline tier, so it is allowed`;
  }
  const after = isolated ? 'NetworkPolicies are not consulted for these ports' : 'the Baseline tier is not consulted for these ports';
  if (verdict.rule.action === 'deny') return `denies ${ports} — ${after}`;
  if (verdict.rule.action === 'accept') return `accepts ${ports} — ${after}`;
  return `passes ${ports} on to ${isolated ? `NetworkPolicies (${side.isolatedBy.map((p) => p.id).join(', ')})` : 'the Baseline tier (no NetworkPolicy isolates it)'}`;
}

/** A rule under its tier's heading: the heading names the tier, the line the rule. */
function tierRuleLine(verdict: TierRuleVerdict, side: SideExplanation, peer: string, locate: Locate, query?: PortQuery): string {
  const rule = ruleText(verdict.rule, locate);
  // Nothing reached the Baseline tier: say so, not just that an earlier rule decided.
  const nothingReached = verdict.rule.tier === 'baseline' && side.tiers && isNoConnections(side.tiers.toBaseline);
  if (verdict.miss?.kind === 'decided-earlier' && nothingReached) {
    return `  - ${rule}: does not apply — the Admin tier decided every port before it.`;
  }
  if (verdict.miss) return `  - ${rule}: does not apply — ${missText(verdict.miss, side, peer, query)}.`;
  return `  - ${rule} ${decisionText(verdict, side)}.`;
}

/**
 * `ClusterNetworkPolicy/a (priority 10)` (a BaselineAdminNetworkPolicy has no priority), with a
 * note when equal priorities were ordered by name.
 */
function tierPolicies(policies: readonly PolicyRef[]): string[] {
  const named = (p: PolicyRef) => (p.kind === 'BaselineAdminNetworkPolicy' ? p.id : `${p.id} (priority ${p.priority})`);
  const tied = policies.filter((p) => policies.some((other) => other !== p && other.priority === p.priority));
  const note =
    tied.length > 0
      ? [`  (${tied.map((p) => p.id).join(', ')} share a priority: the API leaves their order open; they are consulted by name.)`]
      : [];
  return [policies.map(named).join(', '), ...note];
}

/** The lines of a side that cluster-wide policies take part in: tier by tier, in the order consulted. */
function tieredLines(side: SideExplanation, tiers: TierExplanation, peer: string, locate: Locate, query?: PortQuery): string[] {
  const lines: string[] = [];
  const rules = (verdicts: readonly TierRuleVerdict[]) => verdicts.map((v) => tierRuleLine(v, side, peer, locate, query));
  if (tiers.adminPolicies.length > 0) {
    const [listed, ...note] = tierPolicies(tiers.adminPolicies);
    lines.push(`  Admin tier (asked first): ${listed}.`, ...note, ...rules(tiers.admin));
  }
  const handed = portsInSentence(tiers.toNetworkPolicies);
  if (side.isolatedBy.length > 0) {
    const policies = `${side.isolatedBy.map((p) => p.id).join(', ')} ${side.isolatedBy.length === 1 ? 'isolates' : 'isolate'} it`;
    if (isNoConnections(tiers.toNetworkPolicies)) {
      lines.push(`  NetworkPolicy tier: ${policies}, but the Admin tier decided every port, so they are not consulted.`);
    } else {
      lines.push(`  NetworkPolicy tier: ${policies}; NetworkPolicies decide ${handed}.`, ...side.rules.map((r) => ruleLine(r, side, peer, locate, query)));
    }
  } else if (!isNoConnections(tiers.toNetworkPolicies)) {
    lines.push(`  NetworkPolicy tier: no NetworkPolicy isolates it for ${side.direction}, so ${handed} goes on to the Baseline tier.`);
  }
  if (tiers.baselinePolicies.length > 0) {
    const [listed, ...note] = tierPolicies(tiers.baselinePolicies);
    lines.push(`  Baseline tier: ${listed}.`, ...note, ...rules(tiers.baseline));
  }
  const decided = tiers.baseline.reduce((acc, v) => unionConnections(acc, v.decided), NO_CONNECTIONS);
  const rest = subtractConnections(tiers.toBaseline, decided);
  if (!isNoConnections(rest)) lines.push(`  No rule decides ${portsInSentence(rest)}: allowed by default.`);
  return lines;
}

function sideLines(side: SideExplanation, peer: string, locate: Locate, query?: PortQuery): string[] {
  const what = side.direction === 'egress' ? `Egress from ${side.endpoint}` : `Ingress to ${side.endpoint}`;
  if (!side.subjectToPolicies) {
    return [`${what}: an address outside the cluster; NetworkPolicies do not restrict it.`];
  }
  if (side.tiers) {
    const summary = isNoConnections(side.allowed) ? 'nothing is allowed' : `allowed: ${describeConnections(side.allowed)}`;
    return [`${what}: cluster-wide policies apply; ${summary}.`, ...tieredLines(side, side.tiers, peer, locate, query)];
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

// ---- connectivity expectations ----------------------------------------------------------------

/** `default/client[Pod]`, `10.0.0.0/8`, `pods in namespace shop labelled app=api`, `any pod`. */
export function patternText(pattern: EndpointPattern): string {
  if (pattern.type === 'endpoint') return pattern.id;
  if (pattern.type === 'addresses') return pattern.text;
  const labels = Object.entries(pattern.labels).map(([key, value]) => `${key}=${value}`);
  const where = pattern.namespace === undefined ? '' : ` in namespace ${pattern.namespace}`;
  if (labels.length > 0) return `pods${where} labelled ${labels.join(', ')}`;
  return pattern.namespace === undefined ? 'any pod' : `namespace ${pattern.namespace}`;
}

/** What an expectation says, in one line: `a → b: allowed on TCP 80`, `only a may reach b on …`. */
export function expectationText(expectation: Expectation): string {
  const from = expectation.from ? patternText(expectation.from) : 'anything';
  const to = expectation.to ? patternText(expectation.to) : 'anything';
  const ports = expectation.ports ? describeConnections(expectedConnections(expectation.ports)) : undefined;
  if (expectation.only) {
    const sources = expectation.only.map(patternText).join(' or ');
    return `only ${sources} may reach ${to}${ports ? ` on ${ports}` : ''}${expectation.from ? ` (of ${from})` : ''}`;
  }
  const verdict = expectation.expect === 'allowed' ? 'allowed' : 'denied';
  return `${from} → ${to}: ${verdict}${ports ? ` on ${ports}` : ' on every port'}`;
}

/** Why an expectation failed, a line per reason (at most the listed pairs, then how many more). */
export function expectationFailureLines(result: ExpectationResult): string[] {
  const roles = { from: 'from', to: 'to', only: 'only' } as const;
  const unmatched = result.unmatched.map(
    (u) => `${roles[u.role]}${u.index === undefined ? '' : `[${u.index}]`} ${patternText(u.pattern)} matches no endpoint`,
  );
  const mustAllow = result.expectation.expect === 'allowed';
  const pairs = result.failing.map((pair) => `${pair.from} → ${pair.to}: ${failingPairText(pair, mustAllow)}`);
  const more = result.failedPairs - result.failing.length;
  return [...unmatched, ...pairs, ...(more > 0 ? [`… and ${more} more pair${more === 1 ? '' : 's'}`] : [])];
}

/** What breaks an expectation between one pair: `TCP 5432 not allowed (allowed: nothing)`, `TCP 80 allowed`. */
export function failingPairText(pair: FailingPair, mustAllow: boolean): string {
  return mustAllow
    ? `${describeConnections(pair.offending)} not allowed (allowed: ${allowedText(pair.allowed)})`
    : `${describeConnections(pair.offending)} allowed`;
}

function allowedText(set: ConnectionSet): string {
  return isNoConnections(set) ? 'nothing' : describeConnections(set);
}
