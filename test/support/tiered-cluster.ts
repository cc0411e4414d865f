/**
 * Random cluster-wide policies for the tier property tests, next to the v1 clusters of cluster.ts:
 * ClusterNetworkPolicy (v1alpha2, either tier), AdminNetworkPolicy and BaselineAdminNetworkPolicy
 * (v1alpha1) as plain data, fast-check arbitraries for them, and their rendering to YAML.
 *
 * Only what the API server admits is generated: exactly one field per subject, peer and port item;
 * `from`/`to` never empty; `networks` without repeats; v1alpha2 ranges with start < end; a
 * BaselineAdminNetworkPolicy named `default`, at most one, without Pass or domainNames; names
 * unique (so priority, then name, is a total order). Experimental fields (nodes, domainNames,
 * v1alpha1 namedPort) and named ports beside address peers are generated too: the model keeps
 * them with a note or a warning.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { Protocol } from '../../src/model/types';
import {
  NS_NAMES,
  clusterDocs,
  nsSelectorArb,
  selectorArb,
  selectorObj,
  type GCluster,
  type GSelector,
} from './cluster';

export type GAction = 'Accept' | 'Deny' | 'Pass';
export type GTier = 'Admin' | 'Baseline';
export type GClusterKind = 'ClusterNetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
export interface GNamespacedPod { namespaceSelector: GSelector; podSelector: GSelector }
export type GSubject = { namespaces: GSelector } | { pods: GNamespacedPod };
export type GClusterPeer =
  | { namespaces: GSelector }
  | { pods: GNamespacedPod }
  | { networks: string[] }
  | { nodes: GSelector }
  | { domainNames: string[] };
/** A port or an inclusive range of one protocol, or a named container port of the destination. */
export type GClusterPort = { protocol: Protocol; port: number; endPort?: number } | { named: string };
export interface GClusterRule {
  name?: string;
  action: GAction;
  peers: GClusterPeer[];
  /** `undefined`: every port of every protocol. */
  ports?: GClusterPort[];
}
export interface GClusterPolicy {
  kind: GClusterKind;
  name: string;
  tier: GTier;
  /** A BaselineAdminNetworkPolicy's is 0: it has none. */
  priority: number;
  subject: GSubject;
  ingress: GClusterRule[];
  egress: GClusterRule[];
}
export interface GTieredCluster extends GCluster { clusterPolicies: GClusterPolicy[] }

/** `networks` CIDRs: nested around the generated pod IPs (cluster.ts IPS), and all of IPv4. */
export const NETWORKS = [
  '0.0.0.0/0',
  '10.0.0.0/8',
  '10.0.0.0/16',
  '10.1.0.0/16',
  '10.0.0.1/32',
  '192.168.0.0/24',
  '172.16.0.0/12',
];
/**
 * Few ports, at the container ports of cluster.ts (http 80 or 8080, dns UDP 53 or TCP 5353, 443),
 * so that the ports of two rules, named or numbered, often overlap.
 */
const CLUSTER_PORTS = [53, 80, 81, 8080];
/** Mostly TCP and UDP, so that two port items often share a protocol. */
const clusterProtocolArb = fc.constantFrom<Protocol>('TCP', 'TCP', 'TCP', 'UDP', 'UDP', 'SCTP');
/** Low priorities, so that ties (ordered by name) are frequent. */
const PRIORITIES = [0, 1, 1, 2, 5];
/** Kinds by weight: most policies are Admin (the tier with priorities), some of them v1alpha1. */
const KINDS: GClusterKind[] = [
  ...Array<GClusterKind>(3).fill('ClusterNetworkPolicy'),
  ...Array<GClusterKind>(2).fill('AdminNetworkPolicy'),
  'BaselineAdminNetworkPolicy',
];
const NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Selectors that match often: all, one namespace by name, one label, or any of cluster.ts's. With
 * the narrower selectors of v1 peers alone, two cluster-wide rules rarely meet on one packet, and
 * the order between them (priority, name, written order) would hardly ever be put to the test.
 */
const namespacesArb: fc.Arbitrary<GSelector> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  { weight: 2, arbitrary: fc.constantFrom(...NS_NAMES).map((name) => ({ matchLabels: { [NAME_LABEL]: name } })) },
  { weight: 2, arbitrary: nsSelectorArb },
);
const podsArb: fc.Arbitrary<GSelector> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  { weight: 3, arbitrary: fc.constantFrom('a', 'b').map((app) => ({ matchLabels: { app } })) },
  { weight: 1, arbitrary: selectorArb },
);

const namespacedPodArb: fc.Arbitrary<GNamespacedPod> = fc.record({ namespaceSelector: namespacesArb, podSelector: podsArb });

const subjectArb: fc.Arbitrary<GSubject> = fc.oneof(
  fc.record({ namespaces: namespacesArb }),
  fc.record({ pods: namespacedPodArb }),
);

const podPeerArb: fc.Arbitrary<GClusterPeer> = fc.oneof(
  fc.record({ namespaces: namespacesArb }),
  fc.record({ pods: namespacedPodArb }),
);

function egressPeerArb(kind: GClusterKind): fc.Arbitrary<GClusterPeer> {
  const addresses: fc.Arbitrary<GClusterPeer>[] = [
    fc.subarray(NETWORKS, { minLength: 1, maxLength: 2 }).map((networks) => ({ networks })),
    fc.record({ nodes: selectorArb }),
  ];
  // v1alpha1's Baseline policy has no domainNames peer.
  if (kind !== 'BaselineAdminNetworkPolicy') addresses.push(fc.constant({ domainNames: ['example.com'] }));
  return fc.oneof(
    { weight: 3, arbitrary: podPeerArb },
    { weight: 2, arbitrary: addresses[0]! },
    { weight: 1, arbitrary: fc.oneof(...addresses.slice(1)) },
  );
}

const clusterPortArb: fc.Arbitrary<GClusterPort> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ protocol: clusterProtocolArb, port: fc.constantFrom(...CLUSTER_PORTS) }) },
  {
    weight: 2,
    arbitrary: fc
      .record({ protocol: clusterProtocolArb, port: fc.constantFrom(...CLUSTER_PORTS), len: fc.constantFrom(1, 100) })
      .map(({ protocol, port, len }) => ({ protocol, port, endPort: port + len })),
  },
  { weight: 2, arbitrary: fc.constantFrom('http', 'dns', 'dns', 'nope').map((named): GClusterPort => ({ named })) },
);

function ruleArb(kind: GClusterKind, direction: 'ingress' | 'egress'): fc.Arbitrary<GClusterRule> {
  // Deny is the action that shows by itself (Accept and Pass only differ from no match when something later denies).
  const actions: GAction[] =
    kind === 'BaselineAdminNetworkPolicy' ? ['Accept', 'Deny', 'Deny'] : ['Accept', 'Accept', 'Deny', 'Deny', 'Deny', 'Pass', 'Pass'];
  const peer = direction === 'ingress' ? podPeerArb : egressPeerArb(kind);
  return fc
    .record({
      name: fc.option(fc.constantFrom('first', 'dns'), { nil: undefined }),
      action: fc.constantFrom(...actions),
      peers: fc.array(peer, { minLength: 1, maxLength: 2 }),
      ports: fc.option(fc.array(clusterPortArb, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 2 }),
    })
    .map(({ name, ports, ...rule }) => ({ ...rule, ...(name === undefined ? {} : { name }), ...(ports ? { ports } : {}) }));
}

/** One cluster-wide policy of `kind` called `name` (a Baseline policy of v1alpha1 is always `default`). */
export function clusterPolicyArb(kind: GClusterKind, name: string): fc.Arbitrary<GClusterPolicy> {
  const baseline = kind === 'BaselineAdminNetworkPolicy';
  const tier: fc.Arbitrary<GTier> =
    kind === 'ClusterNetworkPolicy' ? fc.constantFrom('Admin', 'Baseline') : fc.constant(baseline ? 'Baseline' : 'Admin');
  return fc.record({
    kind: fc.constant(kind),
    name: fc.constant(baseline ? 'default' : name),
    tier,
    priority: baseline ? fc.constant(0) : fc.constantFrom(...PRIORITIES),
    subject: subjectArb,
    ingress: fc.array(ruleArb(kind, 'ingress'), { maxLength: 3 }),
    egress: fc.array(ruleArb(kind, 'egress'), { maxLength: 3 }),
  });
}

/** `min` to `max` cluster-wide policies of any kind, named `c0`, `c1`, … (the Baseline v1alpha1 one `default`). */
export function clusterPoliciesArb(min = 0, max = 4): fc.Arbitrary<GClusterPolicy[]> {
  return fc
    .array(fc.constantFrom<GClusterKind>(...KINDS), {
      minLength: min,
      maxLength: max,
    })
    .chain((kinds) => {
      // One BaselineAdminNetworkPolicy per cluster: it must be called `default`.
      const first = kinds.indexOf('BaselineAdminNetworkPolicy');
      const unique = kinds.map((kind, i): GClusterKind => (kind === 'BaselineAdminNetworkPolicy' && i !== first ? 'ClusterNetworkPolicy' : kind));
      return fc.tuple(...unique.map((kind, i) => clusterPolicyArb(kind, `c${i}`)));
    });
}

/**
 * A v1 cluster (cluster.ts) with 2 to 4 cluster-wide policies added; with `dense`, only clusters of
 * 3 workloads or more (pairs of pods on which two rules can meet are then common).
 */
export function tieredClusterArb(base: fc.Arbitrary<GCluster>, { dense = false } = {}): fc.Arbitrary<GTieredCluster> {
  const clusters = dense ? base.filter((c) => c.workloads.length >= 3) : base;
  return fc.tuple(clusters, clusterPoliciesArb(2, 4)).map(([c, clusterPolicies]) => ({ ...c, clusterPolicies }));
}

// ---------------------------------------------------------------------------------------------
// Rendering

const namespacedPodObj = (p: GNamespacedPod) => ({
  namespaceSelector: selectorObj(p.namespaceSelector),
  podSelector: selectorObj(p.podSelector),
});

function peerObj(peer: GClusterPeer): object {
  if ('namespaces' in peer) return { namespaces: selectorObj(peer.namespaces) };
  if ('pods' in peer) return { pods: namespacedPodObj(peer.pods) };
  if ('nodes' in peer) return { nodes: selectorObj(peer.nodes) };
  return peer;
}

function portObj(port: GClusterPort, v1alpha2: boolean): object {
  if ('named' in port) return v1alpha2 ? { destinationNamedPort: port.named } : { namedPort: port.named };
  const { protocol, port: start, endPort: end } = port;
  if (v1alpha2) {
    const destinationPort = end === undefined ? { number: start } : { range: { start, end } };
    return { [protocol.toLowerCase()]: { destinationPort } };
  }
  return end === undefined ? { portNumber: { protocol, port: start } } : { portRange: { protocol, start, end } };
}

/** One cluster-wide policy as its kind writes it: v1alpha1 says Allow for Accept, `ports` for `protocols`. */
export function clusterPolicyDoc(p: GClusterPolicy): object {
  const v1alpha2 = p.kind === 'ClusterNetworkPolicy';
  const rule = (r: GClusterRule, key: 'from' | 'to') => ({
    ...(r.name === undefined ? {} : { name: r.name }),
    action: !v1alpha2 && r.action === 'Accept' ? 'Allow' : r.action,
    [key]: r.peers.map(peerObj),
    ...(r.ports ? { [v1alpha2 ? 'protocols' : 'ports']: r.ports.map((port) => portObj(port, v1alpha2)) } : {}),
  });
  const subject =
    'namespaces' in p.subject ? { namespaces: selectorObj(p.subject.namespaces) } : { pods: namespacedPodObj(p.subject.pods) };
  return {
    apiVersion: `policy.networking.k8s.io/${v1alpha2 ? 'v1alpha2' : 'v1alpha1'}`,
    kind: p.kind,
    metadata: { name: p.name },
    spec: {
      ...(v1alpha2 ? { tier: p.tier } : {}),
      ...(p.kind === 'BaselineAdminNetworkPolicy' ? {} : { priority: p.priority }),
      subject,
      ...(p.ingress.length > 0 ? { ingress: p.ingress.map((r) => rule(r, 'from')) } : {}),
      ...(p.egress.length > 0 ? { egress: p.egress.map((r) => rule(r, 'to')) } : {}),
    },
  };
}

/** Every object of the cluster as one YAML document each: the v1 ones, then the cluster-wide policies. */
export function tieredClusterDocs(c: GTieredCluster): string[] {
  const policies = c.clusterPolicies.map((p) => stringify(clusterPolicyDoc(p), { aliasDuplicateObjects: false, version: '1.1' }));
  return [...clusterDocs(c), ...policies];
}

export const tieredClusterYaml = (c: GTieredCluster): string => tieredClusterDocs(c).join('---\n');

/** Every `networks` CIDR of the cluster-wide policies: they cut the address space like ipBlocks. */
export function networksOf(c: GTieredCluster): string[] {
  return c.clusterPolicies
    .flatMap((p) => [...p.ingress, ...p.egress])
    .flatMap((r) => r.peers)
    .flatMap((peer) => ('networks' in peer ? peer.networks : []));
}
