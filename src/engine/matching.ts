/**
 * Matches compiled policies against the endpoints once: which endpoints each policy selects,
 * which peers each rule matches, and what ports a rule opens toward a destination. Both the
 * connectivity matrix and the explanations read these tables, so they cannot disagree.
 */
import type { IpRange } from '../model/types';
import { blockContainsRange } from './address-space';
import type { CompiledPolicy, CompiledRule, PeerMatcher } from './compile';
import { connectionsOf, portRange, unionConnections } from './portset';
import type { CompiledSelector } from './selector';
import type { ConnectionSet, Endpoint, NamespaceInfo, WorkloadEndpoint } from './types';

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

export interface MatchTables {
  readonly policies: readonly MatchedPolicy[];
  /** Per endpoint: the policies that isolate it for ingress / egress. */
  readonly ingressIsolation: readonly (readonly MatchedPolicy[])[];
  readonly egressIsolation: readonly (readonly MatchedPolicy[])[];
}

/**
 * Indexes endpoints by namespace and by label pair, and namespaces by label pair, so a selector
 * with matchLabels only looks at objects that carry its first pair.
 */
class EndpointIndex {
  private readonly workloadsByNamespace = new Map<string, number[]>();
  private readonly workloadsByLabel = new Map<string, number[]>();
  private readonly namespacesByLabel = new Map<string, string[]>();
  private readonly namespaceSelections = new Map<string, string[]>();
  private readonly namespaceLabels = new Map<string, NamespaceInfo['labels']>();
  readonly withAddresses: number[] = [];

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
  }

  addresses(endpoint: Endpoint): readonly IpRange[] {
    return endpoint.type === 'external' ? [endpoint.range] : endpoint.ips;
  }

  /** Names of the namespaces a namespaceSelector matches (memoised: many peers repeat one). */
  namespacesMatching(selector: CompiledSelector): readonly string[] {
    let names = this.namespaceSelections.get(selector.key);
    if (!names) {
      const [first] = selector.requiredLabels;
      const candidates = first
        ? (this.namespacesByLabel.get(labelKey('', first)) ?? [])
        : this.namespaces.map((ns) => ns.name);
      names = candidates.filter((name) => selector.matches(this.namespaceLabels.get(name)!));
      this.namespaceSelections.set(selector.key, names);
    }
    return names;
  }

  /** Workload endpoints of `namespace` whose labels the selector matches (all without one). */
  workloadsMatching(namespace: string, selector: CompiledSelector | undefined): number[] {
    const [first] = selector?.requiredLabels ?? [];
    const candidates = first
      ? (this.workloadsByLabel.get(labelKey(namespace, first)) ?? [])
      : (this.workloadsByNamespace.get(namespace) ?? []);
    if (!selector) return candidates;
    return candidates.filter((i) => selector.matches((this.endpoints[i] as WorkloadEndpoint).labels));
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

function peerMatches(matcher: PeerMatcher, policyNamespace: string, index: EndpointIndex): number[] {
  switch (matcher.kind) {
    case 'everything':
      return index.endpoints.map((_, i) => i);
    case 'ipBlock':
      return index.withAddresses.filter((i) =>
        index.addresses(index.endpoints[i]!).some((range) => blockContainsRange(matcher.block, range)),
      );
    case 'pods': {
      const names = matcher.namespaces ? index.namespacesMatching(matcher.namespaces) : [policyNamespace];
      return names.flatMap((name) => index.workloadsMatching(name, matcher.pods));
    }
  }
}

function matchRule(rule: CompiledRule, policyNamespace: string, index: EndpointIndex): RuleMatch {
  const matchesAll = rule.peers.some((peer) => peer.kind === 'everything');
  if (matchesAll) return { rule, matchesAll, peers: [], has: () => true };
  const peers = [...new Set(rule.peers.flatMap((p) => peerMatches(p, policyNamespace, index)))].sort(
    (a, b) => a - b,
  );
  const members = new Set(peers);
  return { rule, matchesAll, peers, has: (i) => members.has(i) };
}

export function buildMatchTables(
  compiled: readonly CompiledPolicy[],
  endpoints: readonly Endpoint[],
  namespaces: readonly NamespaceInfo[],
): MatchTables {
  const index = new EndpointIndex(endpoints, namespaces);
  const ingressIsolation: MatchedPolicy[][] = endpoints.map(() => []);
  const egressIsolation: MatchedPolicy[][] = endpoints.map(() => []);
  const policies = compiled.map((policy): MatchedPolicy => {
    const selected = index.workloadsMatching(policy.namespace, policy.selects);
    const rules = (list: readonly CompiledRule[] | undefined) =>
      list?.map((rule) => matchRule(rule, policy.namespace, index));
    const matched: MatchedPolicy = {
      policy,
      selected,
      ...(policy.ingress ? { ingress: rules(policy.ingress) } : {}),
      ...(policy.egress ? { egress: rules(policy.egress) } : {}),
    };
    for (const i of selected) {
      if (matched.ingress) ingressIsolation[i]!.push(matched);
      if (matched.egress) egressIsolation[i]!.push(matched);
    }
    return matched;
  });
  return { policies, ingressIsolation, egressIsolation };
}

/** The container port numbers of `endpoint` called `name` with `protocol` (none for addresses). */
export function namedPortNumbers(endpoint: Endpoint, name: string, protocol: string): number[] {
  if (endpoint.type === 'external') return [];
  return endpoint.ports.filter((c) => c.name === name && (c.protocol ?? 'TCP') === protocol).map((c) => c.port);
}

/**
 * What a rule opens toward `destination`: its numeric ports plus its named ports resolved against
 * the destination's container ports (same name and protocol). External endpoints have no named
 * ports, so a named port toward one opens nothing.
 */
export function rulePortsToward(rule: CompiledRule, destination: Endpoint): ConnectionSet {
  let ports = rule.fixedPorts;
  for (const named of rule.namedPorts) {
    for (const port of namedPortNumbers(destination, named.name, named.protocol)) {
      ports = unionConnections(ports, connectionsOf(named.protocol, portRange(port, port)));
    }
  }
  return ports;
}

/** Named ports of the rule that `destination` does not define. */
export function unresolvedNames(rule: CompiledRule, destination: Endpoint): string[] {
  return rule.namedPorts
    .filter((named) => namedPortNumbers(destination, named.name, named.protocol).length === 0)
    .map((named) => named.name);
}
