/**
 * Every sentence the product says about a verdict lives here, rendered from explanation data.
 * The CLI prints these lines, the UI shows them, tests read them.
 */
import type { FileLocation, Locate } from '../model/source';
import { PROTOCOLS, type EndpointPattern, type Expectation, type IpBlockPeer, type LabelRequirement } from '../model/types';
import type { ConnectivityDiff, PairChange } from './connectivity-diff';
import { expectedConnections, type ExpectationResult, type FailingPair } from './expectations';
import { describeConnections } from './describe';
import type { CompiledRule, CompiledSubject, PeerMatcher } from './compile';
import type { CompiledSelector } from './selector';
import { NAMESPACE_NAME_LABEL } from './topology';
import { NO_CONNECTIONS, isAllConnections, isAllPorts, isNoConnections, subtractConnections, unionConnections } from './portset';
import type {
  ConnectionSet,
  Direction,
  PairExplanation,
  PolicyRef,
  PolicyTier,
  PortQuery,
  PortSet,
  RuleAction,
  RuleRef,
  RuleVerdict,
  SideExplanation,
  TierExplanation,
  TierMiss,
  TierRuleVerdict,
} from './types';

/** Codes of the gotchas (gotchas.ts): valid policies that likely do not say what their author meant. */
export const GOTCHA_CODES = [
  'peer-pods-elsewhere',
  'peer-selects-nothing',
  'peers-split',
  'peers-joined',
  'namespace-defaulted',
  'egress-without-dns',
  'rule-allows-everything',
  'rules-empty',
  'port-protocol-defaulted',
  'ipblock-covers-pods',
  'pod-to-self',
] as const;

/** Codes of the diagnostics the engine itself reports (the model has its own, DIAGNOSTIC_CODES). */
export const ENGINE_DIAGNOSTIC_CODES = [
  'owner-pods-split',
  'policy-selects-nothing',
  'named-port-unresolved',
  'rules-ignored',
  'cluster-priority-tie',
  ...GOTCHA_CODES,
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
  podsElsewhere: (peer: PeerMatcher, own: string, elsewhere: readonly string[]) =>
    `This peer means ${peerWords(peer, own)}, and there are none; such pods exist in ${spoken(elsewhere)}. ` +
    'A podSelector alone only looks in the policy\'s own namespace: add a namespaceSelector to the same item to reach them.',
  peerSelectsNothing: (peer: PeerMatcher, own: string) =>
    `This peer means ${peerWords(peer, own)}, and the input has none, so it allows nothing here.`,
  peersSplit: (namespaces: PeerMatcher, pods: PeerMatcher, own: string) =>
    `These are two peers, either of which is enough: ${peerWords(namespaces, own)}, or ${peerWords(pods, own)}. ` +
    'If you meant only the matching pods of those namespaces, put namespaceSelector and podSelector in one item (remove the second dash).',
  peersJoined: (peer: PeerMatcher, own: string) =>
    `This item means ${peerWords(peer, own)} (both selectors at once), and there are none, though each selector alone ` +
    'matches pods. If either should be enough, make them two items (a dash before the second selector).',
  namespaceDefaulted: (policy: PolicyRef, elsewhere: readonly string[]) =>
    `${policyName(policy)} has no metadata.namespace, so it lands in default (or in whatever namespace \`kubectl apply -n\` ` +
    `names), while the pods here are also in ${spoken(elsewhere)}. Write the namespace it is for.`,
  egressWithoutDns: (policy: PolicyRef) =>
    `${policyName(policy)} isolates egress and nothing lets its pods reach port 53 (DNS), so they cannot resolve service names. ` +
    'Allow UDP and TCP port 53 to the cluster DNS.',
  ruleAllowsEverything: (direction: Direction) =>
    `An empty rule (\`${direction}: [{}]\`) allows every connection ${direction === 'ingress' ? 'from' : 'to'} anywhere on any port: ` +
    `it opens ${direction} completely. \`${direction}: []\` would allow nothing.`,
  rulesEmpty: (direction: Direction) =>
    `\`${direction}: []\` has no rule, so it allows no ${direction === 'ingress' ? 'incoming' : 'outgoing'} connection: ` +
    `the selected pods are isolated. \`${direction}: [{}]\` would allow everything.`,
  portProtocolDefaulted: (port: number, listening: readonly string[]) =>
    `This port has no protocol, so it means TCP ${port}; the destination listens on ${port} over ${spoken(listening)}. ` +
    'Write `protocol:` to say which you mean.',
  ipBlockCoversPods: (block: IpBlockPeer, pods: readonly string[]) =>
    `This ipBlock (${blockWords(block)}) covers the IPs of ${pods.length === 1 ? 'pod' : 'pods'} ${spoken(pods)}, and Netpol Canvas matches them. ` +
    'Pod IPs change when pods restart, and whether ipBlock applies to pod traffic differs between network plugins ' +
    '(NAT may rewrite addresses first): select pods with podSelector and namespaceSelector instead.',
  podToSelf: (pods: readonly string[], directions: readonly Direction[]) =>
    `These rules allow ${spoken(pods.slice(0, 3))}${pods.length > 3 ? ` and ${pods.length - 3} more` : ''} no ` +
    `${directions.length === 2 ? 'incoming or outgoing' : directions[0] === 'ingress' ? 'incoming' : 'outgoing'} connection, ` +
    'which read literally includes a pod connecting to its own IP. The Kubernetes documentation says a pod cannot block ' +
    'access to itself, and network plugins have differed here: Netpol Canvas draws no pod-to-itself traffic, allowed or not. ' +
    '(Connections to localhost stay inside the pod and are always allowed.)',
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

// ---- connectivity diff (connectivity-diff.ts: what changed from one evaluation to another) -----

/** What a pair gains and loses: `Allows: a → b TCP 5432.`, `Stops allowing: a → b all traffic.`, or both. */
export function pairChangeLines(change: PairChange): string[] {
  const pair = `${change.from} → ${change.to}`;
  return [
    ...(isNoConnections(change.added) ? [] : [`Allows: ${pair} ${portsInSentence(change.added)}.`]),
    ...(isNoConnections(change.removed) ? [] : [`Stops allowing: ${pair} ${portsInSentence(change.removed)}.`]),
  ];
}

/**
 * A diff in sentences: endpoints added and removed, then each pair's gains and losses;
 * `Nothing changes.` for none, and a single sentence says that nothing else changes.
 */
export function connectivityDiffLines(diff: ConnectivityDiff): string[] {
  const lines = [
    ...diff.endpointsAdded.map((id) => `Adds endpoint: ${id}.`),
    ...diff.endpointsRemoved.map((id) => `Removes endpoint: ${id}.`),
    ...diff.changes.flatMap(pairChangeLines),
  ];
  if (lines.length === 0) return ['Nothing changes.'];
  return lines.length === 1 ? [`${lines[0]} Nothing else changes.`] : lines;
}

// ---- policies in plain words (policy-words.ts picks the sentences, these say them) ------------

/** `a`, `a and b`, `a, b and c`. */
function spoken(items: readonly string[], last = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

function requirementWords({ key, operator, values }: LabelRequirement): string {
  switch (operator) {
    case 'In':
      return `whose ${key} label is ${spoken(values, 'or')}`;
    case 'NotIn':
      // Kubernetes' NotIn also matches objects without the key.
      return `whose ${key} label, if any, is ${values.length === 1 ? 'not' : 'none of'} ${spoken(values, 'or')}`;
    case 'Exists':
      return `with a ${key} label`;
    case 'DoesNotExist':
      return `without a ${key} label`;
  }
}

/** What a selector requires, `labelled app=web and whose env label is prod or staging`; '' for `{}`. */
function selectorConditions(selector: CompiledSelector): string {
  const pairs = selector.requiredLabels.map(([key, value]) => `${key}=${value}`);
  const labelled = pairs.length > 0 ? [`labelled ${spoken(pairs)}`] : [];
  return spoken([...labelled, ...selector.expressions.map(requirementWords)]);
}

/** `namespace shop`, `namespaces a or b`: a selector on nothing but the automatic name label; else undefined. */
function namedNamespaces({ requiredLabels, expressions }: CompiledSelector): string | undefined {
  const [pair] = requiredLabels;
  if (requiredLabels.length === 1 && expressions.length === 0 && pair![0] === NAMESPACE_NAME_LABEL) {
    return `namespace ${pair![1]}`;
  }
  const [expression] = expressions;
  if (requiredLabels.length > 0 || expressions.length !== 1) return undefined;
  if (expression!.key !== NAMESPACE_NAME_LABEL || expression!.operator !== 'In') return undefined;
  return `${expression!.values.length === 1 ? 'namespace' : 'namespaces'} ${spoken(expression!.values, 'or')}`;
}

/** `namespace default` (the policy's own), `all namespaces`, `namespaces labelled team=b`. */
function namespacesWords(selector: CompiledSelector | undefined, own: string | undefined): string {
  if (!selector) return `namespace ${own}`;
  const conditions = selectorConditions(selector);
  return conditions === '' ? 'all namespaces' : (namedNamespaces(selector) ?? `namespaces ${conditions}`);
}

/** `all pods`, `pods labelled app=web`. */
function podsWords(selector: CompiledSelector | undefined): string {
  const conditions = selector ? selectorConditions(selector) : '';
  return conditions === '' ? 'all pods' : `pods ${conditions}`;
}

function blockWords({ cidr, except }: IpBlockPeer): string {
  const whole = cidr.first === 0n && cidr.last === (cidr.family === 4 ? 0xffff_ffffn : (1n << 128n) - 1n);
  const range = whole ? `any IPv${cidr.family} address (${cidr.text})` : `addresses in ${cidr.text}`;
  return except.length === 0 ? range : `${range} except ${spoken(except.map((e) => e.text))}`;
}

/** One peer, after `from` / `to`: AND inside it (pods of namespaces), so it reads as one group. */
function peerWords(peer: PeerMatcher, own: string | undefined): string {
  switch (peer.kind) {
    case 'everything':
      return 'anywhere';
    case 'nothing':
      return 'nodes or domain names (nothing the manifests can show)';
    case 'pods':
      return `${podsWords(peer.pods)} in ${namespacesWords(peer.namespaces, own)}`;
    case 'ipBlock':
      return blockWords(peer.block);
  }
}

/** The peers of a rule: OR between them, each with its own `from` so the alternatives stand apart. */
function peersWords(peers: readonly PeerMatcher[], direction: Direction, own: string | undefined): string {
  const preposition = direction === 'ingress' ? 'from' : 'to';
  // Distinct peers can read the same (a `nodes` and a `domainNames` peer): say each once.
  return spoken([...new Set(peers.map((peer) => `${preposition} ${peerWords(peer, own)}`))], 'or');
}

function portNumbers(set: PortSet): string {
  return spoken(set.map(([lo, hi]) => (lo === hi ? String(lo) : `${lo} to ${hi}`)));
}

/** `on TCP port 80 and UDP port 53`, `on any UDP port`, `on the TCP port named http`, `on any port`. */
function portsWords(rule: Pick<CompiledRule, 'fixedPorts' | 'namedPorts'>): string {
  if (isAllConnections(rule.fixedPorts)) return 'on any port';
  const numbered = PROTOCOLS.filter((p) => rule.fixedPorts[p].length > 0).map((p) => {
    const set = rule.fixedPorts[p];
    if (isAllPorts(set)) return `any ${p} port`;
    return `${p} ${set.length === 1 && set[0]![0] === set[0]![1] ? 'port' : 'ports'} ${portNumbers(set)}`;
  });
  const named = rule.namedPorts.map((n) => `the ${n.protocol ? `${n.protocol} ` : ''}port named ${n.name}`);
  return `on ${spoken([...numbered, ...named])}`;
}

/** `on TCP port 80, from anywhere`; peers first when every port is open (`from X, on any port`). */
function rulePhrase(rule: CompiledRule, own: string | undefined): string {
  const ports = portsWords(rule);
  const peers = peersWords(rule.peers, rule.ref.direction, own);
  return isAllConnections(rule.fixedPorts) ? `${peers}, ${ports}` : `${ports}, ${peers}`;
}

const TRAFFIC = { ingress: 'incoming', egress: 'outgoing' } as const;
/** What the pods do, per direction: accept connections in, or open them out. */
const PODS_DO = { ingress: 'They accept incoming connections', egress: 'They can connect out' } as const;
const ACTION_VERBS: Readonly<Record<RuleAction, string>> = { accept: 'accepts', deny: 'denies', pass: 'passes on' };

function ruleNumber(rule: CompiledRule): string {
  return `Rule ${rule.ref.index + 1}${rule.ref.name === undefined ? '' : ` ("${rule.ref.name}")`}`;
}

/** `3 other policies`, `1 other policy`. */
const others = (n: number) => `${n} other ${n === 1 ? 'policy' : 'policies'}`;

/** The sentences that describe a policy, one template each; policy-words.ts chooses which apply. */
export const policyWordsText = {
  /** `Applies to pods in namespace default labelled papa=dhondhu.` */
  subject: (namespace: string, pods: CompiledSelector) => {
    const conditions = selectorConditions(pods);
    if (conditions === '') return `Applies to all pods in namespace ${namespace}.`;
    return `Applies to pods in namespace ${namespace} ${conditions}.`;
  },
  /** A cluster-wide policy's subject: pods of the namespaces it selects. */
  clusterSubject: (subject: CompiledSubject) =>
    `Applies to ${podsWords(subject.pods)} in ${namespacesWords(subject.namespaces, undefined)}.`,
  selects: (names: readonly string[], total: number) => {
    if (total === 0) return 'No workload in the input matches it, so it has no effect here.';
    const listed = total > names.length ? [...names, `${total - names.length} more`] : names;
    return `Here that is ${total} ${total === 1 ? 'workload' : 'workloads'}: ${spoken(listed)}.`;
  },
  notRestricted: (direction: Direction) =>
    `${direction === 'ingress' ? 'Incoming' : 'Outgoing'} traffic is not restricted by this policy.`,
  allowsNone: (direction: Direction) =>
    `It allows them no ${TRAFFIC[direction]} connections: ` +
    `every ${TRAFFIC[direction]} connection is denied unless another policy allows it.`,
  /** The direction's only rule, as one sentence. */
  onlyRule: (rule: CompiledRule, own: string) => `${PODS_DO[rule.ref.direction]} only ${rulePhrase(rule, own)}.`,
  /** The direction's only rule lets everything through (`ingress: [{}]`). */
  acceptsAll: (direction: Direction) =>
    direction === 'ingress'
      ? 'They accept every incoming connection, from anywhere on any port.'
      : 'They can connect out anywhere, on any port.',
  /** Introduces the direction's rules, listed after it (`ruleItem`). */
  rulesLead: (direction: Direction, count: number) => `${PODS_DO[direction]} only in these ${count} cases (any one is enough):`,
  ruleItem: (rule: CompiledRule, own: string) => `${ruleNumber(rule)}: ${rulePhrase(rule, own)}.`,
  ignored: (direction: Direction) =>
    `Its ${direction} rules have no effect: policyTypes leaves out ${direction === 'ingress' ? 'Ingress' : 'Egress'}.`,

  /** A cluster-wide policy's place among the tiers. */
  clusterTier: (tier: PolicyTier, priority: number | undefined) =>
    tier === 'admin'
      ? `Admin tier, priority ${priority}: consulted before any NetworkPolicy; ` +
        'in each direction the first of its rules that matches a connection decides.'
      : 'Baseline tier: consulted only for traffic that no NetworkPolicy isolates; ' +
        'in each direction the first of its rules that matches decides.',
  clusterNoRules: (direction: Direction) => `It has no rules for ${TRAFFIC[direction]} traffic.`,
  clusterRulesLead: (direction: Direction, count: number) =>
    `For ${TRAFFIC[direction]} traffic, ${count === 1 ? 'its one rule' : `its ${count} rules, in order`}:`,
  clusterRuleItem: (rule: CompiledRule) => {
    const { action, tier, direction } = rule.ref;
    const ports = isAllConnections(rule.fixedPorts) ? 'all traffic' : portsWords(rule).replace(/^on /, '');
    const pass = action !== 'pass' ? '' : tier === 'admin' ? ' (NetworkPolicies decide it)' : ' (allowed: nothing comes after)';
    return `${ruleNumber(rule)} ${ACTION_VERBS[action]} ${ports} ${peersWords(rule.peers, direction, undefined)}${pass}.`;
  },

  /**
   * The other NetworkPolicies isolating the same pods in a direction: every connection one of them
   * allows is accepted (the union). `names` already say which select only some of the pods.
   */
  togetherLead: (direction: Direction, names: readonly string[], thisIsolates: boolean) => {
    const what = direction === 'ingress' ? 'they accept an incoming connection' : 'they can open an outgoing connection';
    const listed = `${others(names.length)} selecting these pods, ${spoken(names)}`;
    if (thisIsolates) return `Together with ${listed}, ${what} when any one of the ${names.length + 1} allows it:`;
    const [verb, which] = names.length === 1 ? ['restricts', 'it allows'] : ['restrict', 'one of them allows'];
    return `But ${listed}, ${verb} ${TRAFFIC[direction]} traffic: ${what} only when ${which} it:`;
  },
  /** `default/b (only some of these pods)`. */
  togetherName: (policy: string, all: boolean) => (all ? policy : `${policy} (only some of these pods)`),
  togetherNone: (policy: string, direction: Direction) => `${policy} allows no ${TRAFFIC[direction]} connections.`,
  togetherRule: (policy: string, rule: CompiledRule, own: string, several: boolean) =>
    `${policy}${several ? `, rule ${rule.ref.index + 1}` : ''}: ${rulePhrase(rule, own)}.`,
  togetherAll: (direction: Direction) => `So these policies together allow every ${TRAFFIC[direction]} connection.`,
  togetherNothing: (direction: Direction) => `So these policies together allow no ${TRAFFIC[direction]} connection at all.`,
  alone: 'No other NetworkPolicy selects these pods: this one alone decides what it restricts.',
  /** Cluster-wide policies with rules for the same pods: consulted around the NetworkPolicies. */
  clusterAlso: (direction: Direction, admin: readonly string[], baseline: readonly string[]) => {
    const parts = [
      ...(admin.length > 0 ? [`${spoken(admin)} (Admin tier, consulted before NetworkPolicies, can decide first)`] : []),
      ...(baseline.length > 0 ? [`${spoken(baseline)} (Baseline tier, consulted only where no NetworkPolicy isolates them)`] : []),
    ];
    return `Cluster-wide policies also decide their ${TRAFFIC[direction]} traffic: ${parts.join('; ')}.`;
  },
};
