/**
 * Gotchas: NetworkPolicies the API server accepts that likely do not say what their author meant
 * (a podSelector looking in the wrong namespace, the extra dash that splits one peer in two, egress
 * isolation that also blocks DNS, …). Each is a warning or an info at the YAML it is about, and
 * each can be silenced per policy (`# netpol-canvas: ignore <code>`, read by the model).
 *
 * Most depend on the policy and the endpoints only (pods elsewhere, pod IPs: `localGotchas`, kept
 * while its match and the endpoint index are); egress without DNS also on the other policies
 * selecting the same pods, so it is worked out for every revision; so is a pod's traffic to itself.
 */
import type { Diagnostic, SourceLocation } from '../model/source';
import type { ClusterPolicyResource, NetworkPolicyResource, PolicyPeer, PolicyRule, Protocol } from '../model/types';
import type { CompiledRule, PeerMatcher } from './compile';
import {
  hasClusterTiers,
  matchPeer,
  peerMatchesAmong,
  rulePortsToward,
  type EndpointIndex,
  type MatchedPolicy,
  type MatchTables,
  type RuleMatch,
} from './matching';
import { diagnosticText } from './messages';
import { allowsQuery } from './portset';
import type { ConnectionSet, Direction, Endpoint } from './types';

const DIRECTIONS = ['ingress', 'egress'] as const;

/** The matched policy's ingress or egress, beside the rules as written (same order). */
interface RuleSide {
  readonly direction: Direction;
  readonly written: readonly PolicyRule[];
  readonly compiled: readonly CompiledRule[];
  readonly matches: readonly RuleMatch[];
}

function sidesOf(resource: NetworkPolicyResource, matched: MatchedPolicy): RuleSide[] {
  return DIRECTIONS.flatMap((direction) => {
    const compiled = matched.policy[direction];
    const matches = matched[direction];
    return compiled && matches ? [{ direction, written: resource[direction] ?? [], compiled, matches }] : [];
  });
}

/**
 * The endpoints peer `p` of rule `r` names: the rule's own match when it is the only peer, else
 * that match narrowed to the peer (what one peer names is part of what its rule's peers do).
 */
function peerMatches(side: RuleSide, r: number, p: number, namespace: string, index: EndpointIndex): readonly number[] {
  const match = side.matches[r]!;
  const { peers } = match.rule;
  if (match.matchesAll) return matchPeer(peers[p]!, namespace, index);
  return peers.length === 1 ? match.peers : peerMatchesAmong(peers[p]!, namespace, index, match.peers);
}

const finding =
  (severity: 'warning' | 'info') =>
  (code: string, message: string, location: SourceLocation): Diagnostic => ({ severity, code, message, location });
const warning = finding('warning');
const info = finding('info');

const namespaceOnly = (peer: PolicyPeer) => peer.namespaceSelector !== undefined && !peer.podSelector && !peer.ipBlock;
const podsOnly = (peer: PolicyPeer) => peer.podSelector !== undefined && !peer.namespaceSelector && !peer.ipBlock;

/**
 * Peers that select no endpoint; a podSelector alone that would match pods of other namespaces.
 * Peers of a split pair (`splitPeers`) are left to that warning, which says it already.
 */
function deadPeers(side: RuleSide, namespace: string, index: EndpointIndex, split: ReadonlySet<PolicyPeer>): Diagnostic[] {
  return side.written.flatMap((rule, r) =>
    (rule.peers ?? []).flatMap((peer, p) => {
      const matcher = side.compiled[r]!.peers[p]!;
      if (matcher.kind !== 'pods' || split.has(peer)) return [];
      if (peerMatches(side, r, p, namespace, index).length > 0) return [];
      if (matcher.namespaces && matcher.pods && eachHalfMatches(matcher, namespace, index)) {
        return [warning('peers-joined', diagnosticText.peersJoined(matcher, namespace), peer.location)];
      }
      const elsewhere = matcher.namespaces ? [] : namespacesWithPods(matcher, namespace, index);
      return elsewhere.length > 0
        ? [warning('peer-pods-elsewhere', diagnosticText.podsElsewhere(matcher, namespace, elsewhere), peer.location)]
        : [info('peer-selects-nothing', diagnosticText.peerSelectsNothing(matcher, namespace), peer.location)];
    }),
  );
}

/**
 * The reverse of the extra dash: namespaceSelector and podSelector in one item match no pod
 * together, while each, as an item of its own, would.
 */
function eachHalfMatches(matcher: PeerMatcher & { kind: 'pods' }, namespace: string, index: EndpointIndex): boolean {
  const namespacesOnly: PeerMatcher = { kind: 'pods', namespaces: matcher.namespaces! };
  const podsOnly: PeerMatcher = { kind: 'pods', pods: matcher.pods! };
  return matchPeer(namespacesOnly, namespace, index).length > 0 && matchPeer(podsOnly, namespace, index).length > 0;
}

/** The namespaces other than `own` where the peer's podSelector matches pods, sorted. */
function namespacesWithPods(matcher: PeerMatcher & { kind: 'pods' }, own: string, index: EndpointIndex): string[] {
  return index.workloadNamespaces().filter(
    (name) =>
      name !== own &&
      index.workloadCandidates(name, matcher.pods).some((i) => {
        const endpoint = index.endpoints[i]!;
        return endpoint.type === 'workload' && (!matcher.pods || matcher.pods.matches(endpoint.labels));
      }),
  );
}

const splitPair = (a: PolicyPeer, b: PolicyPeer) => (namespaceOnly(a) && podsOnly(b)) || (podsOnly(a) && namespaceOnly(b));

/**
 * `- namespaceSelector: …` then `- podSelector: …` (or the reverse): two peers, ORed, where one
 * item (pods of those namespaces, ANDed) was likely meant: the podSelector finds no pod in the
 * policy's namespace, and the two together would find some. A warning at the second item; an info
 * when the input has no workloads to tell by. Also returns the peers it reported.
 */
function splitPeers(side: RuleSide, namespace: string, index: EndpointIndex): { found: Diagnostic[]; peers: Set<PolicyPeer> } {
  const peers = new Set<PolicyPeer>();
  const found = side.written.flatMap((rule, r) => {
    const written = rule.peers ?? [];
    const compiled = side.compiled[r]!.peers;
    return written.slice(1).flatMap((second, i) => {
      if (!splitPair(written[i]!, second)) return [];
      const [n, p] = namespaceOnly(written[i]!) ? [i, i + 1] : [i + 1, i];
      const [namespaces, pods] = [compiled[n]! as PeerMatcher & { kind: 'pods' }, compiled[p]! as PeerMatcher & { kind: 'pods' }];
      const message = diagnosticText.peersSplit(namespaces, pods, namespace);
      const report = (diagnostic: Diagnostic) => {
        peers.add(written[p]!);
        return [diagnostic];
      };
      if (index.workloadNamespaces().length === 0) return report(info('peers-split', message, second.location));
      if (peerMatches(side, r, p, namespace, index).length > 0) return [];
      const joined: PeerMatcher = { kind: 'pods', namespaces: namespaces.namespaces!, pods: pods.pods! };
      return matchPeer(joined, namespace, index).length > 0 ? report(warning('peers-split', message, second.location)) : [];
    });
  });
  return { found, peers };
}

/** `ingress: [{}]`, which opens everything, and `ingress: []`, which isolates: both said in words. */
function emptyRules(side: RuleSide, resource: NetworkPolicyResource): Diagnostic[] {
  if (side.written.length === 0) {
    if (!resource[side.direction]) return [];
    return [info('rules-empty', diagnosticText.rulesEmpty(side.direction), resource.nameLocation)];
  }
  return side.written
    .filter((rule) => (rule.peers ?? []).length === 0 && (rule.ports ?? []).length === 0)
    .map((rule) => info('rule-allows-everything', diagnosticText.ruleAllowsEverything(side.direction), rule.location));
}

const DNS_PORT = 53;
const allowsDns = (ports: ConnectionSet) => allowsQuery(ports, 'UDP', DNS_PORT) || allowsQuery(ports, 'TCP', DNS_PORT);

/**
 * Whether an egress rule opens port 53: by number, or by a name some destination of the rule gives
 * port 53 (CoreDNS calls its ports dns and dns-tcp).
 */
function opensDns({ rule, matchesAll, peers }: RuleMatch, endpoints: readonly Endpoint[]): boolean {
  if (allowsDns(rule.fixedPorts)) return true;
  if (rule.namedPorts.length === 0) return false;
  const toward = (endpoint: Endpoint) => allowsDns(rulePortsToward(rule, endpoint));
  return matchesAll ? endpoints.some(toward) : peers.some((i) => toward(endpoints[i]!));
}

/**
 * Egress isolation where no egress rule of any NetworkPolicy selecting the pod opens port 53: name
 * lookups fail. Pods that cluster-wide policies also decide are left out (they may allow DNS).
 */
function egressWithoutDns(matched: MatchedPolicy, tables: MatchTables, endpoints: readonly Endpoint[]): Diagnostic[] {
  if (!matched.egress) return [];
  const policyOpensDns = (policy: MatchedPolicy) => (policy.egress ?? []).some((match) => opensDns(match, endpoints));
  const blind = matched.selected.some((i) => {
    const side = tables.egress[i]!;
    return !hasClusterTiers(side) && !side.isolation.some(policyOpensDns);
  });
  const { ref } = matched.policy;
  return blind ? [warning('egress-without-dns', diagnosticText.egressWithoutDns(ref), ref.nameLocation)] : [];
}

/**
 * Whether the NetworkPolicies deciding endpoint `i`'s `direction` allow it nothing at all (no rule
 * of theirs names a peer), which read literally includes its traffic to itself. Undecided when cluster-wide policies also decide.
 */
function cutOff(i: number, direction: Direction, tables: MatchTables): boolean {
  const side = tables[direction][i]!;
  if (hasClusterTiers(side) || side.isolation.length === 0) return false;
  return !side.isolation.some((policy) => (policy[direction] ?? []).some((match) => match.matchesAll || match.peers.length > 0));
}

/**
 * Pods this policy cuts off on a side (default deny): whether that stops a pod reaching its own IP
 * is where the documentation ("a pod cannot block access to itself") and plugins have differed.
 * A note, once per policy, naming the pods. Pods the rules let anything through are left alone:
 * saying it for every policy that restricts a port would bury the other notes.
 */
function podToSelf(matched: MatchedPolicy, tables: MatchTables, endpoints: readonly Endpoint[]): Diagnostic[] {
  const cut = new Set<Direction>();
  const pods = matched.selected.flatMap((i) => {
    const endpoint = endpoints[i]!;
    const sides = DIRECTIONS.filter((direction) => matched[direction] && cutOff(i, direction, tables));
    sides.forEach((direction) => cut.add(direction));
    return endpoint.type === 'workload' && sides.length > 0 ? [`${endpoint.namespace}/${endpoint.name}`] : [];
  });
  const { ref } = matched.policy;
  return pods.length > 0 ? [info('pod-to-self', diagnosticText.podToSelf(pods, [...cut]), ref.nameLocation)] : [];
}

/** Per container port number, the protocols some workload listens on it with (once per index). */
const listenersOfIndex = new WeakMap<EndpointIndex, ReadonlyMap<number, ReadonlySet<Protocol>>>();

function listenersOf(endpoints: readonly Endpoint[], among: Iterable<number>): Map<number, Set<Protocol>> {
  const listeners = new Map<number, Set<Protocol>>();
  for (const i of among) {
    const endpoint = endpoints[i]!;
    if (endpoint.type !== 'workload') continue;
    for (const c of endpoint.ports) {
      const protocols = listeners.get(c.port) ?? new Set<Protocol>();
      protocols.add(c.protocol ?? 'TCP');
      listeners.set(c.port, protocols);
    }
  }
  return listeners;
}

function allListeners(index: EndpointIndex): ReadonlyMap<number, ReadonlySet<Protocol>> {
  let listeners = listenersOfIndex.get(index);
  if (!listeners) listenersOfIndex.set(index, (listeners = listenersOf(index.endpoints, index.all)));
  return listeners;
}

/**
 * A port without protocol (TCP) where a destination listens on that number over another protocol
 * only: the author likely meant that one. Ingress destinations are the selected pods, egress ones
 * the rule's peers.
 */
function defaultedProtocols(side: RuleSide, matched: MatchedPolicy, index: EndpointIndex): Diagnostic[] {
  return side.written.flatMap((rule, r) => {
    // Only numbers some workload listens on over UDP or SCTP can be misread (most have none).
    const anywhere = allListeners(index);
    const unprotocolled = (rule.ports ?? []).filter(
      (port) => !port.protocol && typeof port.port === 'number' && [...(anywhere.get(port.port) ?? [])].some((p) => p !== 'TCP'),
    );
    if (unprotocolled.length === 0) return [];
    const match = side.matches[r]!;
    const listeners =
      side.direction === 'egress' && match.matchesAll
        ? anywhere
        : listenersOf(index.endpoints, side.direction === 'ingress' ? matched.selected : match.peers);
    return unprotocolled.flatMap((port) => {
      const listening = listeners.get(port.port as number);
      if (!listening || listening.has('TCP')) return [];
      const message = diagnosticText.portProtocolDefaulted(port.port as number, [...listening].sort());
      return [info('port-protocol-defaulted', message, port.location)];
    });
  });
}

/** ipBlock peers that cover pod IPs from status: plugins differ on whether they apply. */
function blocksOnPods(side: RuleSide, namespace: string, index: EndpointIndex): Diagnostic[] {
  return side.written.flatMap((rule, r) =>
    (rule.peers ?? []).flatMap((peer, p) => {
      const matcher = side.compiled[r]!.peers[p]!;
      if (matcher.kind !== 'ipBlock') return [];
      const pods = peerMatches(side, r, p, namespace, index).flatMap((i) => {
        const e = index.endpoints[i]!;
        return e.type === 'workload' ? [`${e.namespace}/${e.name}`] : [];
      });
      if (pods.length === 0) return [];
      return [info('ipblock-covers-pods', diagnosticText.ipBlockCoversPods(matcher.block, pods), peer.location)];
    }),
  );
}

/** A policy without metadata.namespace in an input whose pods are also in other namespaces. */
function defaultedNamespace(resource: NetworkPolicyResource, matched: MatchedPolicy, index: EndpointIndex): Diagnostic[] {
  if (!resource.namespaceDefaulted) return [];
  const elsewhere = index.workloadNamespaces().filter((name) => name !== resource.namespace);
  if (elsewhere.length === 0) return [];
  const { ref } = matched.policy;
  return [info('namespace-defaulted', diagnosticText.namespaceDefaulted(ref, elsewhere), ref.nameLocation)];
}

/**
 * The gotchas of one NetworkPolicy that depend on it and the endpoints only (not on the other
 * policies): the same while its match and the endpoint index are.
 */
export function localGotchas(resource: NetworkPolicyResource, matched: MatchedPolicy, index: EndpointIndex): Diagnostic[] {
  const { namespace } = resource;
  return [
    ...defaultedNamespace(resource, matched, index),
    ...sidesOf(resource, matched).flatMap((side) => {
      const split = splitPeers(side, namespace, index);
      return [
        ...emptyRules(side, resource),
        ...split.found,
        ...deadPeers(side, namespace, index, split.peers),
        ...blocksOnPods(side, namespace, index),
        ...defaultedProtocols(side, matched, index),
      ];
    }),
  ];
}

/**
 * `diagnostics` about one policy less the codes its document silences (`# netpol-canvas: ignore
 * <code>`): its gotchas, and the engine's other notes on it (a named port nothing defines, a policy
 * that selects nothing).
 */
export function unsilenced(resource: NetworkPolicyResource | ClusterPolicyResource, diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  const silenced = new Set('silenced' in resource ? (resource.silenced ?? []) : []);
  return silenced.size === 0 ? diagnostics : diagnostics.filter((d) => !silenced.has(d.code));
}

/** All gotchas of one NetworkPolicy (`local`: its `localGotchas`), less those its document silences. */
export function gotchasOfPolicy(
  resource: NetworkPolicyResource,
  matched: MatchedPolicy,
  local: readonly Diagnostic[],
  tables: MatchTables,
  endpoints: readonly Endpoint[],
): readonly Diagnostic[] {
  const found = [...egressWithoutDns(matched, tables, endpoints), ...podToSelf(matched, tables, endpoints), ...local];
  return unsilenced(resource, found);
}
