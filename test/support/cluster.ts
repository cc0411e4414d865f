/**
 * Random small clusters for property tests: a plain data structure, fast-check arbitraries for
 * it, and its rendering to YAML documents (so the model's parser is exercised too).
 *
 * Only inputs the API server would accept are generated (unique container port names per pod,
 * endPort only with a numeric port, `except` inside its `cidr`, values only for In/NotIn).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { Protocol } from '../../src/model/types';

export type Labels = Record<string, string>;
export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
export interface GExpr { key: string; operator: Operator; values?: string[] }
export interface GSelector { matchLabels?: Labels; matchExpressions?: GExpr[] }
export interface GIpBlock { cidr: string; except?: string[] }
export interface GPeer { podSelector?: GSelector; namespaceSelector?: GSelector; ipBlock?: GIpBlock }
export interface GPort { protocol?: Protocol; port?: number | string; endPort?: number }
export interface GRule { peers?: GPeer[]; ports?: GPort[] }
export type GType = 'Ingress' | 'Egress';
export interface GPolicy {
  ns: string;
  name: string;
  podSelector: GSelector;
  policyTypes?: GType[];
  ingress?: GRule[];
  egress?: GRule[];
}
export interface GContainerPort { name?: string; port: number; protocol?: Protocol }
export type GControllerKind = 'Deployment' | 'StatefulSet' | 'ReplicaSet' | 'DaemonSet';
/** A Pod's controlling owner; kind `Pod` renders an ownerReference without kind (read as Pod). */
export interface GOwner { kind: GControllerKind | 'Pod'; name: string }
export interface GWorkload {
  kind: 'Pod' | GControllerKind;
  ns: string;
  name: string;
  /** A Pod's labels, or a controller's template labels (its selector too, so never empty). */
  labels: Labels;
  ports: GContainerPort[];
  /** Pods only. */
  ip?: string;
  /** Pods only. */
  owner?: GOwner;
}
export interface GNamespace { name: string; labels: Labels; declared: boolean }
export interface GCluster { namespaces: GNamespace[]; workloads: GWorkload[]; policies: GPolicy[] }

export const NS_NAMES = ['x', 'y', 'z'];
const KEYS = ['app', 'tier'];
const VALUES = ['a', 'b'];
export const IPS = ['10.0.0.1', '10.1.0.1', '10.0.5.5', '192.168.0.1'];
export const IP_BLOCKS: GIpBlock[] = [
  { cidr: '10.0.0.0/8' },
  { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] },
  { cidr: '10.0.0.0/16' },
  { cidr: '192.168.0.0/24' },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] },
  { cidr: '10.0.0.1/32' },
];
// 80 and 81 are adjacent, so canonical merging of neighbouring ranges is exercised.
const NUM_PORTS = [53, 80, 81, 443, 5353, 8080];

export const workloadId = (w: GWorkload): string => `${w.ns}/${w.name}[${w.kind}]`;

export const labelsArb = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), {
  maxKeys: 2,
  noNullPrototype: true,
});

const exprArb: fc.Arbitrary<GExpr> = fc.oneof(
  fc.record({
    key: fc.constantFrom(...KEYS),
    operator: fc.constantFrom<Operator>('In', 'NotIn'),
    values: fc.subarray(VALUES, { minLength: 1 }),
  }),
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom<Operator>('Exists', 'DoesNotExist') }),
);

export const selectorArb: fc.Arbitrary<GSelector> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  { weight: 3, arbitrary: fc.record({ matchLabels: labelsArb }) },
  { weight: 2, arbitrary: fc.record({ matchExpressions: fc.array(exprArb, { minLength: 1, maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ matchLabels: labelsArb, matchExpressions: fc.array(exprArb, { maxLength: 2 }) }) },
);

/** Namespace selectors also use the automatic `kubernetes.io/metadata.name` label. */
const NAME_LABEL = 'kubernetes.io/metadata.name';
export const nsSelectorArb: fc.Arbitrary<GSelector> = fc.oneof(
  { weight: 3, arbitrary: selectorArb },
  { weight: 1, arbitrary: fc.constantFrom(...NS_NAMES).map((n) => ({ matchLabels: { [NAME_LABEL]: n } })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ operator: fc.constantFrom<Operator>('In', 'NotIn'), values: fc.subarray(NS_NAMES, { minLength: 1 }) })
      .map((e) => ({ matchExpressions: [{ key: NAME_LABEL, ...e }] })),
  },
);

const peerArb: fc.Arbitrary<GPeer> = fc.oneof(
  fc.record({ podSelector: selectorArb }),
  fc.record({ namespaceSelector: nsSelectorArb }),
  fc.record({ podSelector: selectorArb, namespaceSelector: nsSelectorArb }),
  fc.record({ ipBlock: fc.constantFrom(...IP_BLOCKS) }),
);

const protoArb = fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP');
const portArb: fc.Arbitrary<GPort> = fc.oneof(
  fc.constant({}),
  fc.record({ protocol: protoArb }),
  fc.record({ port: fc.constantFrom(...NUM_PORTS) }),
  fc.record({ protocol: protoArb, port: fc.constantFrom(...NUM_PORTS) }),
  fc
    .record({ port: fc.constantFrom(...NUM_PORTS), len: fc.constantFrom(0, 1, 100), protocol: fc.option(protoArb, { nil: undefined }) })
    .map(({ port, len, protocol }) => (protocol ? { protocol, port, endPort: port + len } : { port, endPort: port + len })),
  fc.constantFrom<GPort>({ port: 'http' }, { port: 'dns', protocol: 'UDP' }, { port: 'dns' }, { port: 'nope' }),
);

/** `undefined` renders as an absent field, `[]` as an empty list (both mean "all"). */
export const ruleArb: fc.Arbitrary<GRule> = fc.record({
  peers: fc.option(fc.array(peerArb, { maxLength: 2 }), { nil: undefined, freq: 3 }),
  ports: fc.option(fc.array(portArb, { maxLength: 2 }), { nil: undefined, freq: 3 }),
});

const typesArb = fc.option(fc.constantFrom<GType[]>(['Ingress'], ['Egress'], ['Ingress', 'Egress'], []), { nil: undefined });
const rulesArb = fc.option(fc.array(ruleArb, { maxLength: 2 }), { nil: undefined });

export function policyArb(namespaces: string[], name: string): fc.Arbitrary<GPolicy> {
  return fc
    .record({
      ns: fc.constantFrom(...namespaces),
      podSelector: selectorArb,
      policyTypes: typesArb,
      ingress: rulesArb,
      egress: rulesArb,
    })
    .map((p) => ({ ...p, name }));
}

export const containerPortsArb: fc.Arbitrary<GContainerPort[]> = fc
  .record({
    http: fc.option(fc.constantFrom(80, 8080), { nil: undefined }),
    dns: fc.option(fc.constantFrom<GContainerPort>({ port: 53, protocol: 'UDP' }, { port: 5353, protocol: 'TCP' }), { nil: undefined }),
    plain: fc.boolean(),
  })
  .map(({ http, dns, plain }) => [
    ...(http ? [{ name: 'http', port: http }] : []),
    ...(dns ? [{ ...dns, name: 'dns' }] : []),
    ...(plain ? [{ port: 443 }] : []),
  ]);

/** A random cluster: 1-3 namespaces, 1-5 workloads, 0-4 policies. */
export const clusterArb: fc.Arbitrary<GCluster> = fc
  .uniqueArray(fc.constantFrom(...NS_NAMES), { minLength: 1, maxLength: 3 })
  .chain((nsNames) =>
    fc.record({
      namespaces: fc.tuple(...nsNames.map((name) => fc.record({ labels: labelsArb, declared: fc.boolean() }).map((n) => ({ ...n, name })))),
      workloads: fc
        .array(
          fc.record({
            kind: fc.constantFrom<'Pod' | 'Deployment'>('Pod', 'Pod', 'Deployment'),
            ns: fc.constantFrom(...nsNames),
            labels: labelsArb,
            ports: containerPortsArb,
            ip: fc.option(fc.constantFrom(...IPS), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 5 },
        )
        .map((ws) =>
          ws.map((w, i) => {
            // A Deployment needs a non-empty selector equal to its template labels.
            const kind = w.kind === 'Deployment' && Object.keys(w.labels).length > 0 ? 'Deployment' : 'Pod';
            return { ...w, kind, name: `w${i}`, ip: kind === 'Pod' ? w.ip : undefined };
          }),
        ),
      policies: fc
        .integer({ min: 0, max: 4 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => policyArb(nsNames, `np${i}`)))),
    }),
  );

/** Owner names; `w0` is also a pod's name, so an owner reference without kind can take a pod's id. */
const OWNER_NAMES = ['web', 'db', 'w0'];
/** A label no generated selector reads (as StatefulSet pods carry): pods differing in it stay one endpoint. */
const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';

/** A set of pods of one owner; each pod's labels, ports and IP are the group's unless overridden. */
const podGroupArb = (nsNames: readonly string[]) =>
  fc.record({
    ns: fc.constantFrom(...nsNames),
    owner: fc.option(
      fc.record({
        kind: fc.constantFrom<GOwner['kind']>('StatefulSet', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Pod'),
        name: fc.constantFrom(...OWNER_NAMES),
      }),
      { nil: undefined, freq: 4 },
    ),
    controller: fc.boolean(),
    labels: labelsArb,
    ports: containerPortsArb,
    ip: fc.option(fc.constantFrom(...IPS), { nil: undefined }),
    pods: fc.array(
      fc.record({
        labels: fc.option(labelsArb, { nil: undefined, freq: 2 }),
        podName: fc.boolean(),
        ports: fc.option(containerPortsArb, { nil: undefined, freq: 3 }),
        ip: fc.option(fc.option(fc.constantFrom(...IPS), { nil: undefined }), { nil: null, freq: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });

/**
 * A random cluster whose pods mostly have controlling owners (shared owner names, sometimes the
 * owner object too): pods of one owner share labels, ports and IP unless one is overridden, and
 * may carry a pod-name label. 1-2 namespaces (so that groups meet the policies of their
 * namespace often), 2-5 groups of 1-3 pods, 0-4 policies.
 */
export const ownedClusterArb: fc.Arbitrary<GCluster> = fc
  .uniqueArray(fc.constantFrom(...NS_NAMES), { minLength: 1, maxLength: 2 })
  .chain((nsNames) =>
    fc.record({
      namespaces: fc.tuple(...nsNames.map((name) => fc.record({ labels: labelsArb, declared: fc.boolean() }).map((n) => ({ ...n, name })))),
      groups: fc.array(podGroupArb(nsNames), { minLength: 2, maxLength: 5 }),
      policies: fc
        .integer({ min: 0, max: 4 })
        .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => policyArb(nsNames, `np${i}`)))),
    }),
  )
  .map(({ namespaces, groups, policies }) => {
    const workloads: GWorkload[] = [];
    const controllers = new Set<string>();
    let count = 0;
    for (const group of groups) {
      const { ns, owner } = group;
      for (const p of group.pods) {
        const name = `w${count++}`;
        const labels = { ...(p.labels ?? group.labels), ...(p.podName ? { [POD_NAME_LABEL]: name } : {}) };
        const ip = p.ip === null ? group.ip : p.ip;
        workloads.push({ kind: 'Pod', ns, name, labels, ports: p.ports ?? group.ports, ip, ...(owner ? { owner } : {}) });
      }
      const key = owner && `${ns}/${owner.kind}/${owner.name}`;
      if (owner && owner.kind !== 'Pod' && group.controller && !controllers.has(key!)) {
        controllers.add(key!);
        // An apps/v1 controller needs a non-empty selector that selects its template labels.
        const labels = Object.keys(group.labels).length > 0 ? group.labels : { app: 'a' };
        workloads.push({ kind: owner.kind, ns, name: owner.name, labels, ports: group.ports });
      }
    }
    return { namespaces, workloads, policies };
  });

// ---------------------------------------------------------------------------------------------
// Rendering

/** A selector as YAML renders it: empty parts left out. */
export const selectorObj = (s: GSelector) => ({
  ...(s.matchLabels && Object.keys(s.matchLabels).length ? { matchLabels: s.matchLabels } : {}),
  ...(s.matchExpressions && s.matchExpressions.length ? { matchExpressions: s.matchExpressions } : {}),
});
const ruleObj = (r: GRule, key: 'from' | 'to') => ({
  ...(r.peers === undefined
    ? {}
    : {
        [key]: r.peers.map((p) => ({
          ...(p.podSelector ? { podSelector: selectorObj(p.podSelector) } : {}),
          ...(p.namespaceSelector ? { namespaceSelector: selectorObj(p.namespaceSelector) } : {}),
          ...(p.ipBlock ? { ipBlock: p.ipBlock } : {}),
        })),
      }),
  ...(r.ports === undefined ? {} : { ports: r.ports }),
});

export function policyDoc(p: GPolicy): object {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: p.name, namespace: p.ns },
    spec: {
      podSelector: selectorObj(p.podSelector),
      ...(p.policyTypes ? { policyTypes: p.policyTypes } : {}),
      ...(p.ingress ? { ingress: p.ingress.map((r) => ruleObj(r, 'from')) } : {}),
      ...(p.egress ? { egress: p.egress.map((r) => ruleObj(r, 'to')) } : {}),
    },
  };
}

function workloadDoc(w: GWorkload): object {
  const ports = w.ports.map((p) => ({
    ...(p.name ? { name: p.name } : {}),
    containerPort: p.port,
    ...(p.protocol ? { protocol: p.protocol } : {}),
  }));
  const podSpec = { containers: [{ name: 'main', image: 'nginx', ...(ports.length ? { ports } : {}) }] };
  const labels = Object.keys(w.labels).length ? { labels: w.labels } : {};
  if (w.kind !== 'Pod') {
    return {
      apiVersion: 'apps/v1',
      kind: w.kind,
      metadata: { name: w.name, namespace: w.ns },
      spec: { selector: { matchLabels: w.labels }, template: { metadata: labels, spec: podSpec } },
    };
  }
  // A reference without kind as sanitised exports write it: name and controller only.
  const reference = w.owner?.kind === 'Pod'
    ? { name: w.owner.name, controller: true }
    : w.owner && { apiVersion: 'apps/v1', kind: w.owner.kind, name: w.owner.name, uid: `uid-${w.owner.name}`, controller: true };
  const owner = reference && { ownerReferences: [reference] };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: w.name, namespace: w.ns, ...labels, ...owner },
    spec: podSpec,
    ...(w.ip ? { status: { podIP: w.ip, podIPs: [{ ip: w.ip }] } } : {}),
  };
}

/** Every object of the cluster as one YAML document each, in a stable order. */
export function clusterDocs(c: GCluster): string[] {
  return [
    ...c.namespaces
      .filter((n) => n.declared)
      .map((n) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: n.name, labels: n.labels } })),
    ...c.workloads.map(workloadDoc),
    ...c.policies.map(policyDoc),
  ].map((d) => stringify(d, { aliasDuplicateObjects: false, version: '1.1' }));
}

export const clusterYaml = (c: GCluster, order?: readonly number[]): string => {
  const d = clusterDocs(c);
  return (order ? order.map((i) => d[i]!) : d).join('---\n');
};
