/**
 * A deliberately naive reference evaluator of the tiers, written straight from the
 * network-policy-api (ClusterNetworkPolicySpec.Tier, the rule actions, the peer types) for the
 * differential property tests. Like oracle.ts it answers one packet at a time — may `src` send
 * `protocol`/`port` to `dst`? — over the generated data, with no compilation, no port-set algebra
 * and nothing shared with src/engine. The NetworkPolicy tier is oracle.ts's.
 *
 * Per direction of a pod (egress of the source, ingress of the destination; both must allow):
 * 1. Admin tier: the Admin policies whose subject selects the pod, by priority (lower first),
 *    then by name; their rules of that direction in the order written. The first rule whose peers
 *    match the other end and whose ports match the packet decides: Accept allows, Deny denies,
 *    Pass skips the rest of the tier.
 * 2. NetworkPolicy tier: when NetworkPolicies isolate the pod in this direction, they decide.
 * 3. Baseline tier: likewise, first match; Deny denies; Accept, Pass or no match allow.
 *
 * Peers: `namespaces` / `pods` are pods only, never an outside address; `networks` holds outside
 * addresses and pods by their IP, and `0.0.0.0/0` also pods with no known IP; `nodes` and
 * `domainNames` match nothing the input holds. A named port is the destination pod's container
 * port of that name, with that container port's protocol; an address has none.
 */
import { PROTOCOLS, type Protocol } from '../../src/model/types';
import { workloadId, type GWorkload } from './cluster';
import {
  expectedExternalRanges,
  inCidr,
  networkPolicyVerdict,
  nsLabels,
  probePorts,
  selects,
  v4ToInt,
  type OEndpoint,
} from './oracle';
import {
  networksOf,
  type GAction,
  type GClusterPeer,
  type GClusterPolicy,
  type GClusterPort,
  type GClusterRule,
  type GTier,
  type GTieredCluster,
} from './tiered-cluster';

type Direction = 'Ingress' | 'Egress';

/** The CIDR that the API says covers all IPv4 pod-to-pod traffic, pods of unknown IP included. */
const ALL_IPV4 = '0.0.0.0/0';

function subjectSelects(c: GTieredCluster, p: GClusterPolicy, w: GWorkload): boolean {
  const namespace = nsLabels(c, w.ns);
  if ('namespaces' in p.subject) return selects(p.subject.namespaces, namespace);
  return selects(p.subject.pods.namespaceSelector, namespace) && selects(p.subject.pods.podSelector, w.labels);
}

function peerMatches(c: GTieredCluster, peer: GClusterPeer, ep: OEndpoint): boolean {
  if ('namespaces' in peer) return ep.kind === 'workload' && selects(peer.namespaces, nsLabels(c, ep.w.ns));
  if ('pods' in peer) {
    return (
      ep.kind === 'workload' &&
      selects(peer.pods.namespaceSelector, nsLabels(c, ep.w.ns)) &&
      selects(peer.pods.podSelector, ep.w.labels)
    );
  }
  if ('networks' in peer) {
    if (ep.kind === 'external') return peer.networks.some((cidr) => inCidr(ep.addr, cidr));
    const ip = ep.w.ip;
    return ip === undefined ? peer.networks.includes(ALL_IPV4) : peer.networks.some((cidr) => inCidr(v4ToInt(ip), cidr));
  }
  return false;
}

function portMatches(port: GClusterPort, protocol: Protocol, n: number, dst: OEndpoint): boolean {
  if ('named' in port) {
    // The container port's own protocol: a container port without one is TCP.
    const named = (cp: GWorkload['ports'][number]) => cp.name === port.named && (cp.protocol ?? 'TCP') === protocol && cp.port === n;
    return dst.kind === 'workload' && dst.w.ports.some(named);
  }
  return port.protocol === protocol && port.port <= n && n <= (port.endPort ?? port.port);
}

function ruleMatches(c: GTieredCluster, rule: GClusterRule, peer: OEndpoint, protocol: Protocol, n: number, dst: OEndpoint): boolean {
  const ports = rule.ports === undefined || rule.ports.some((p) => portMatches(p, protocol, n, dst));
  return ports && rule.peers.some((p) => peerMatches(c, p, peer));
}

const byPriorityThenName = (a: GClusterPolicy, b: GClusterPolicy) =>
  a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The first rule of `tier` that matches, with its policy, for `subject`'s `dir` side; `undefined` when none does. */
function firstMatch(
  c: GTieredCluster,
  tier: GTier,
  dir: Direction,
  subject: GWorkload,
  peer: OEndpoint,
  protocol: Protocol,
  n: number,
  dst: OEndpoint,
): TierDecision | undefined {
  const policies = c.clusterPolicies.filter((p) => p.tier === tier && subjectSelects(c, p, subject)).sort(byPriorityThenName);
  for (const policy of policies) {
    for (const rule of dir === 'Ingress' ? policy.ingress : policy.egress) {
      if (ruleMatches(c, rule, peer, protocol, n, dst)) return { policy, action: rule.action };
    }
  }
  return undefined;
}

/** A cluster-wide rule that matched first in its tier: its policy and its action. */
export interface TierDecision {
  readonly policy: GClusterPolicy;
  readonly action: GAction;
}

/** How one side treated one packet: the verdict, and the first matching rule of each tier consulted. */
export interface SideDecision {
  readonly allowed: boolean;
  readonly admin?: TierDecision;
  /** Only when the Baseline tier was consulted. */
  readonly baseline?: TierDecision;
}

/** How `subject`'s `dir` side treats the packet (dst = the receiving end). */
export function sideDecision(
  c: GTieredCluster,
  dir: Direction,
  subject: OEndpoint,
  peer: OEndpoint,
  protocol: Protocol,
  n: number,
  dst: OEndpoint,
): SideDecision {
  // Addresses outside the cluster are nobody's subject.
  if (subject.kind !== 'workload') return { allowed: true };
  const admin = firstMatch(c, 'Admin', dir, subject.w, peer, protocol, n, dst);
  if (admin?.action === 'Accept') return { allowed: true, admin };
  if (admin?.action === 'Deny') return { allowed: false, admin };
  // Pass, or no Admin rule: NetworkPolicies, when they isolate this side, decide finally.
  const networkPolicies = networkPolicyVerdict(c, dir, subject.w, peer, protocol, n, dst);
  if (networkPolicies !== undefined) return { allowed: networkPolicies, ...(admin ? { admin } : {}) };
  const baseline = firstMatch(c, 'Baseline', dir, subject.w, peer, protocol, n, dst);
  return { allowed: baseline?.action !== 'Deny', ...(admin ? { admin } : {}), ...(baseline ? { baseline } : {}) };
}

/** The reference verdict for one packet from `src` to `dst`: the source's egress and the destination's ingress. */
export function tieredAllows(c: GTieredCluster, src: OEndpoint, dst: OEndpoint, protocol: Protocol, n: number): boolean {
  const egress = sideDecision(c, 'Egress', src, dst, protocol, n, dst);
  return egress.allowed && sideDecision(c, 'Ingress', dst, src, protocol, n, dst).allowed;
}

/**
 * Per cluster-wide policy id (`<Kind>/name`), its footprint as the reference sees it: the pairs
 * `from -> to` where one of its rules decided an allowed packet by Accept (on the source's egress
 * or the destination's ingress), and those where one of its rules decided a packet by Deny.
 * Exact when every port where a rule's ports start or end is probed (tieredProbePorts).
 */
export function referenceFootprints(c: GTieredCluster): Map<string, { accepts: Set<string>; denies: Set<string> }> {
  const empty = () => ({ accepts: new Set<string>(), denies: new Set<string>() });
  const out = new Map(c.clusterPolicies.map((p) => [`${p.kind}/${p.name}`, empty()]));
  const endpoints = referenceEndpoints(c);
  const probes = tieredProbePorts(c);
  for (const [sId, s] of endpoints) {
    for (const [dId, d] of endpoints) {
      if (sId === dId || (s.kind === 'external' && d.kind === 'external')) continue;
      for (const protocol of PROTOCOLS) {
        for (const port of probes) {
          const egress = sideDecision(c, 'Egress', s, d, protocol, port, d);
          const ingress = sideDecision(c, 'Ingress', d, s, protocol, port, d);
          for (const decision of [egress.admin, egress.baseline, ingress.admin, ingress.baseline]) {
            if (!decision) continue;
            const entry = out.get(`${decision.policy.kind}/${decision.policy.name}`)!;
            if (decision.action === 'Deny') entry.denies.add(`${sId} -> ${dId}`);
            if (decision.action === 'Accept' && egress.allowed && ingress.allowed) entry.accepts.add(`${sId} -> ${dId}`);
          }
        }
      }
    }
  }
  return out;
}

/** Every endpoint the analysis should have, by id: the workloads, and each external range by its first address. */
export function referenceEndpoints(c: GTieredCluster): [string, OEndpoint][] {
  return [
    ...c.workloads.map((w): [string, OEndpoint] => [workloadId(w), { kind: 'workload', w }]),
    ...tieredExternalRanges(c).map((e): [string, OEndpoint] => [e.id, { kind: 'external', addr: e.first }]),
  ];
}

/** The external ranges carved by the ipBlocks and the `networks` peers. */
export function tieredExternalRanges(c: GTieredCluster) {
  return expectedExternalRanges(c, networksOf(c));
}

/** Ports where a verdict can change: oracle.ts's, plus the bounds of every cluster-wide port range, ±1. */
export function tieredProbePorts(c: GTieredCluster): number[] {
  const ports = new Set(probePorts(c));
  const add = (n: number) => [n - 1, n, n + 1].forEach((m) => m >= 1 && m <= 65535 && ports.add(m));
  for (const rule of c.clusterPolicies.flatMap((p) => [...p.ingress, ...p.egress])) {
    for (const port of rule.ports ?? []) {
      if ('named' in port) continue;
      add(port.port);
      if (port.endPort !== undefined) add(port.endPort);
    }
  }
  return [...ports].sort((a, b) => a - b);
}
