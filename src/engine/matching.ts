/**
 * Matches compiled policies against the endpoints once: which endpoints each policy selects,
 * which peers each rule matches, and what ports a rule opens toward a destination. Both the
 * connectivity matrix and the explanations read these tables, so they cannot disagree.
 */
import type { ContainerPort, IpRange, Protocol } from '../model/types';
import { blockContainsRange } from './address-space';
import type { CompiledPolicy, CompiledRule, NamedPort, PeerMatcher } from './compile';
import { connectionsOf, portRange, unionConnections } from './portset';
import type { CompiledSelector } from './selector';
import { sameItems } from './same-data';
import type { Analysis, ConnectionSet, Endpoint, EndpointId, NamespaceInfo } from './types';

export interface RuleMatch {
  readonly rule: CompiledRule;
  /** True when the rule has no `from`/`to` (or an empty one): every endpoint is a peer. */
  readonly matchesAll: boolean;
  /** Sorted endpoint indices matched by the rule's peers (unused when matchesAll). */
  readonly peers: readonly number[];
  /** Membership test over `peers`. */
  readonly has: (endpoint: number) => boolean;
}

export interface MatchedPolicy {
  readonly policy: CompiledPolicy;
  /** Sorted indices of the workload endpoints the policy's podSelector selects. */
  readonly selected: readonly number[];
  readonly ingress?: readonly RuleMatch[];
  readonly egress?: readonly RuleMatch[];
}

/** One revision's analysis with the tables behind it: what explanations and footprints walk. */
export interface MatchedRevision {
  readonly analysis: Analysis;
  readonly endpointIndex: ReadonlyMap<EndpointId, number>;
  readonly tables: MatchTables;
}

/**
 * What decides one direction of one endpoint, in the order it is consulted: cluster-wide Admin
 * policies (by priority, then name), the NetworkPolicies that isolate it, cluster-wide Baseline
 * policies. Each list holds only policies with rules, or isolation, in that direction.
 */
export interface SideRules {
  readonly admin: readonly MatchedPolicy[];
  readonly isolation: readonly MatchedPolicy[];
  readonly baseline: readonly MatchedPolicy[];
}

export interface MatchTables {
  readonly policies: readonly MatchedPolicy[];
  /** Per endpoint: what decides its ingress / egress. */
  readonly ingress: readonly SideRules[];
  readonly egress: readonly SideRules[];
}

/** Whether two sides hold the same policy matches (unchanged matches are the same objects). */
export function sameSideRules(a: SideRules, b: SideRules): boolean {
  return sameItems(a.admin, b.admin) && sameItems(a.isolation, b.isolation) && sameItems(a.baseline, b.baseline);
}

/** Whether anything cluster-wide applies to the side: else NetworkPolicies alone decide it. */
export function hasClusterTiers(side: SideRules): boolean {
  return side.admin.length > 0 || side.baseline.length > 0;
}

/**
 * Indexes endpoints by namespace and by label pair, and namespaces by label pair, so a selector
 * with matchLabels only looks at objects that carry its first pair.
 */
export class EndpointIndex {
  private readonly workloadsByNamespace = new Map<string, number[]>();
  private readonly workloadsByLabel = new Map<string, number[]>();
  private readonly namespacesByLabel = new Map<string, string[]>();
  private readonly namespaceSelections = new Map<string, ReadonlySet<string>>();
  private readonly namespaceLabels = new Map<string, NamespaceInfo['labels']>();
  private namespacesWithWorkloads: readonly string[] | undefined;
  readonly withAddresses: number[] = [];
  readonly all: readonly number[];

  constructor(
    readonly endpoints: readonly Endpoint[],
    private readonly namespaces: readonly NamespaceInfo[],
  ) {
    for (const ns of namespaces) {
      this.namespaceLabels.set(ns.name, ns.labels);
      for (const pair of Object.entries(ns.labels)) push(this.namespacesByLabel, labelKey('', pair), ns.name);
    }
    endpoints.forEach((endpoint, i) => {
      if (endpoint.type === 'external') {
        this.withAddresses.push(i);
        return;
      }
      push(this.workloadsByNamespace, endpoint.namespace, i);
      for (const pair of Object.entries(endpoint.labels)) push(this.workloadsByLabel, labelKey(endpoint.namespace, pair), i);
      if (endpoint.ips.length > 0) this.withAddresses.push(i);
    });
    this.all = endpoints.map((_, i) => i);
  }

  /** Names of the namespaces holding workloads, sorted (memoised). */
  workloadNamespaces(): readonly string[] {
    return (this.namespacesWithWorkloads ??= [...this.workloadsByNamespace.keys()].sort());
  }

  addresses(endpoint: Endpoint): readonly IpRange[] {
    return endpoint.type === 'external' ? [endpoint.range] : endpoint.ips;
  }

  /** Names of the namespaces a namespaceSelector matches (memoised: many peers repeat one). */
  namespacesMatching(selector: CompiledSelector): ReadonlySet<string> {
    let names = this.namespaceSelections.get(selector.key);
    if (!names) {
      const [first] = selector.requiredLabels;
      const candidates = first
        ? (this.namespacesByLabel.get(labelKey('', first)) ?? [])
        : this.namespaces.map((ns) => ns.name);
      names = new Set(candidates.filter((name) => selector.matches(this.namespaceLabels.get(name)!)));
      this.namespaceSelections.set(selector.key, names);
    }
    return names;
  }

  /**
   * Workload endpoints of `namespace` that may match `selector`: those carrying its first
   * matchLabels pair (all of the namespace without one). A superset: callers still test each.
   */
  workloadCandidates(namespace: string, selector: CompiledSelector | undefined): readonly number[] {
    const [first] = selector?.requiredLabels ?? [];
    return first
      ? (this.workloadsByLabel.get(labelKey(namespace, first)) ?? [])
      : (this.workloadsByNamespace.get(namespace) ?? []);
  }
}

function labelKey(namespace: string, [key, value]: readonly [string, string]): string {
  return `${namespace}\u0000${key}\u0000${value}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Whether endpoint `i` is a peer that `matcher` names, for a policy in `policyNamespace` (a
 * NetworkPolicy's; cluster-wide peers always name their namespaces): the one definition of peer
 * matching (full matching narrows candidates first, then asks this).
 */
function peerAccepts(matcher: PeerMatcher, policyNamespace: string | undefined, index: EndpointIndex, i: number): boolean {
  const endpoint = index.endpoints[i]!;
  switch (matcher.kind) {
    case 'everything':
      return true;
    case 'nothing':
      return false;
    case 'ipBlock':
      if (matcher.ipLessPods && endpoint.type === 'workload' && endpoint.ips.length === 0) return true;
      return index.addresses(endpoint).some((range) => blockContainsRange(matcher.block, range));
    case 'pods':
      return (
        endpoint.type === 'workload' &&
        (matcher.namespaces
          ? index.namespacesMatching(matcher.namespaces).has(endpoint.namespace)
          : endpoint.namespace === policyNamespace) &&
        (!matcher.pods || matcher.pods.matches(endpoint.labels))
      );
  }
}

/** Endpoints that may be peers of `matcher`, narrowed by the indexes: a superset of them. */
function peerCandidates(matcher: PeerMatcher, policyNamespace: string | undefined, index: EndpointIndex): readonly number[] {
  switch (matcher.kind) {
    case 'everything':
      return index.all;
    case 'nothing':
      return [];
    case 'ipBlock':
      return matcher.ipLessPods ? index.all : index.withAddresses;
    case 'pods':
      return inNamespaces(matcher.namespaces, policyNamespace, index).flatMap((name) => index.workloadCandidates(name, matcher.pods));
  }
}

/** Which of `candidates` (sorted: its rule's peers, a superset) one peer of the rule names. */
export function peerMatchesAmong(
  matcher: PeerMatcher,
  policyNamespace: string | undefined,
  index: EndpointIndex,
  candidates: readonly number[],
): readonly number[] {
  return candidates.filter((i) => peerAccepts(matcher, policyNamespace, index, i));
}

/** The endpoints one peer names, sorted: what a single `from`/`to` item selects on its own. */
export function matchPeer(matcher: PeerMatcher, policyNamespace: string | undefined, index: EndpointIndex): number[] {
  return peerCandidates(matcher, policyNamespace, index)
    .filter((i) => peerAccepts(matcher, policyNamespace, index, i))
    .sort((a, b) => a - b);
}

/** The namespaces a selector names, or the policy's own when there is none. */
function inNamespaces(selector: CompiledSelector | undefined, own: string | undefined, index: EndpointIndex): string[] {
  if (selector) return [...index.namespacesMatching(selector)];
  return own === undefined ? [] : [own];
}

/** Whether the policy's subject is `endpoint`: a workload in its namespaces with matching labels. */
function selects(policy: CompiledPolicy, endpoint: Endpoint, index: EndpointIndex): boolean {
  if (endpoint.type !== 'workload') return false;
  const { namespaces, pods } = policy.subject;
  const inNamespace = namespaces ? index.namespacesMatching(namespaces).has(endpoint.namespace) : endpoint.namespace === policy.namespace;
  return inNamespace && (!pods || pods.matches(endpoint.labels));
}

function ruleMatch(rule: CompiledRule, peers: readonly number[]): RuleMatch {
  const members = new Set(peers);
  return { rule, matchesAll: false, peers, has: (i) => members.has(i) };
}

function matchRule(rule: CompiledRule, policyNamespace: string | undefined, index: EndpointIndex): RuleMatch {
  if (rule.peers.some((peer) => peer.kind === 'everything')) return { rule, matchesAll: true, peers: [], has: () => true };
  const peers = new Set<number>();
  for (const matcher of rule.peers) {
    for (const i of peerCandidates(matcher, policyNamespace, index)) {
      if (!peers.has(i) && peerAccepts(matcher, policyNamespace, index, i)) peers.add(i);
    }
  }
  return ruleMatch(rule, [...peers].sort((a, b) => a - b));
}

export function matchPolicy(policy: CompiledPolicy, index: EndpointIndex): MatchedPolicy {
  const { namespaces, pods } = policy.subject;
  const selected = inNamespaces(namespaces, policy.namespace, index)
    .flatMap((name) => index.workloadCandidates(name, pods))
    .filter((i) => selects(policy, index.endpoints[i]!, index))
    .sort((a, b) => a - b);
  const rules = (list: readonly CompiledRule[] | undefined) => list?.map((rule) => matchRule(rule, policy.namespace, index));
  return {
    policy,
    selected,
    ...(policy.ingress ? { ingress: rules(policy.ingress) } : {}),
    ...(policy.egress ? { egress: rules(policy.egress) } : {}),
  };
}

/** Whether sorted `members` holds `i` (binary search: no set to build for a few look-ups). */
function sortedHas(members: readonly number[], i: number): boolean {
  let low = 0;
  let high = members.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = members[middle]!;
    if (value === i) return true;
    if (value < i) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * Sorted `members` after re-testing the `changed` endpoints with `accepts`; `undefined` when none
 * of them moved in or out, so the caller can keep what it had.
 */
function remembered(
  members: readonly number[],
  changed: readonly number[],
  accepts: (i: number) => boolean,
): readonly number[] | undefined {
  const moved = changed.filter((i) => accepts(i) !== sortedHas(members, i));
  if (moved.length === 0) return undefined;
  const leaving = new Set(moved.filter((i) => sortedHas(members, i)));
  return [...members.filter((i) => !leaving.has(i)), ...moved.filter((i) => !leaving.has(i))].sort((a, b) => a - b);
}

/**
 * `previous` re-matched after only the endpoints `changed` (indices into the same endpoint list)
 * changed their labels, namespace labels, ports or addresses. Returns `previous` itself when no
 * selection or peer set moved, so unchanged policies keep their identity.
 */
export function rematchPolicy(previous: MatchedPolicy, changed: readonly number[], index: EndpointIndex): MatchedPolicy {
  if (changed.length === 0) return previous;
  const { policy } = previous;
  const selected = remembered(previous.selected, changed, (i) => selects(policy, index.endpoints[i]!, index)) ?? previous.selected;
  let moved = selected !== previous.selected;
  const rules = (list: readonly RuleMatch[] | undefined) =>
    list?.map((match) => {
      if (match.matchesAll) return match;
      const peers = remembered(match.peers, changed, (i) =>
        match.rule.peers.some((matcher) => peerAccepts(matcher, policy.namespace, index, i)),
      );
      if (!peers) return match;
      moved = true;
      return ruleMatch(match.rule, peers);
    });
  const ingress = rules(previous.ingress);
  const egress = rules(previous.egress);
  if (!moved) return previous;
  return { policy, selected, ...(ingress ? { ingress } : {}), ...(egress ? { egress } : {}) };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Cluster-wide policies in the order their tier consults them: priority, then name. */
function byPriority(a: MatchedPolicy, b: MatchedPolicy): number {
  const [x, y] = [a.policy.ref, b.policy.ref];
  return (x.priority ?? 0) - (y.priority ?? 0) || compareText(x.name, y.name) || compareText(x.kind, y.kind);
}

type SideLists = { readonly [list in keyof SideRules]: MatchedPolicy[] };

const NONE: readonly MatchedPolicy[] = [];

/** A side's lists, the empty ones shared: most endpoints have no cluster-wide policy. */
function compact(side: SideLists): SideRules {
  const kept = (list: MatchedPolicy[]) => (list.length > 0 ? list : NONE);
  return { admin: kept(side.admin), isolation: kept(side.isolation), baseline: kept(side.baseline) };
}

/** The tables for matched policies over `endpointCount` endpoints: what decides each side. */
export function tablesOf(policies: readonly MatchedPolicy[], endpointCount: number): MatchTables {
  const sides = (): SideLists[] => Array.from({ length: endpointCount }, () => ({ admin: [], isolation: [], baseline: [] }));
  const [ingress, egress] = [sides(), sides()];
  const isNetworkPolicy = (m: MatchedPolicy) => m.policy.ref.tier === 'networkPolicy';
  const ordered = [...policies.filter(isNetworkPolicy), ...policies.filter((m) => !isNetworkPolicy(m)).sort(byPriority)];
  for (const matched of ordered) {
    const { tier } = matched.policy.ref;
    const list = tier === 'networkPolicy' ? 'isolation' : tier;
    // A NetworkPolicy isolates the directions it has, rules or not; a cluster-wide one takes
    // part only where it has rules.
    const takesPart = (rules: readonly RuleMatch[] | undefined) =>
      rules !== undefined && (tier === 'networkPolicy' || rules.length > 0);
    const [inbound, outbound] = [takesPart(matched.ingress), takesPart(matched.egress)];
    for (const i of matched.selected) {
      if (inbound) ingress[i]![list].push(matched);
      if (outbound) egress[i]![list].push(matched);
    }
  }
  return { policies, ingress: ingress.map(compact), egress: egress.map(compact) };
}

/**
 * The container ports called `name` (with `protocol`, when the rule names one): what a named port
 * resolves to. A container port without a protocol is TCP.
 */
export function portsNamed(ports: readonly ContainerPort[], name: string, protocol: Protocol | undefined): ContainerPort[] {
  return ports.filter((c) => c.name === name && (protocol === undefined || (c.protocol ?? 'TCP') === protocol));
}

/** The container ports of `endpoint` a named port resolves to (none for addresses). */
export function namedPortsOf(endpoint: Endpoint, named: Pick<NamedPort, 'name' | 'protocol'>): ContainerPort[] {
  return endpoint.type === 'external' ? [] : portsNamed(endpoint.ports, named.name, named.protocol);
}

/**
 * What a rule opens toward `destination`: its numeric ports plus its named ports resolved against
 * the destination's container ports (same name, and protocol when the rule names one). External
 * endpoints have no named ports, so a named port toward one opens nothing.
 */
export function rulePortsToward(rule: CompiledRule, destination: Endpoint): ConnectionSet {
  let ports = rule.fixedPorts;
  for (const named of rule.namedPorts) {
    for (const port of namedPortsOf(destination, named)) {
      ports = unionConnections(ports, connectionsOf(port.protocol ?? 'TCP', portRange(port.port, port.port)));
    }
  }
  return ports;
}

/** Named ports of the rule that `destination` does not define. */
export function unresolvedNames(rule: CompiledRule, destination: Endpoint): string[] {
  return rule.namedPorts.filter((named) => namedPortsOf(destination, named).length === 0).map((named) => named.name);
}
