/**
 * Endpoints: what the engine treats as one node of the connectivity graph.
 *
 * Spec basis: NetworkPolicies select *pods*; controllers (Deployment, StatefulSet, DaemonSet,
 * ReplicaSet, ReplicationController, Job, CronJob) stand for the pods their template creates,
 * and a Pod whose controlling ownerReference (metav1.GetControllerOf: `controller: true`) names
 * a controller is one of that controller's replicas. Objects without metadata.namespace live in
 * `default`. Since Kubernetes 1.21 every namespace carries the immutable label
 * `kubernetes.io/metadata.name=<name>` (NamespaceDefaultLabelName).
 */
import { describe, expect, it } from 'vitest';
import {
  ALL,
  ALL_V4,
  analyzeYaml,
  docs,
  externalIds,
  namespace,
  pod,
  podId,
  workloadIds,
} from '../helpers';

/** A controller manifest whose pod template carries `labels`. */
function controller(kind: string, ns: string, name: string, labels: Record<string, string>) {
  const template = {
    metadata: { labels },
    spec: {
      containers: [{ name: 'main', image: 'nginx' }],
      ...(kind === 'Job' || kind === 'CronJob' ? { restartPolicy: 'Never' } : {}),
    },
  };
  const apiVersion =
    kind === 'ReplicationController' ? 'v1' : kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1';
  let spec: object;
  if (kind === 'CronJob') spec = { schedule: '*/5 * * * *', jobTemplate: { spec: { template } } };
  else if (kind === 'Job') spec = { template };
  else if (kind === 'ReplicationController') spec = { selector: labels, template };
  else spec = { selector: { matchLabels: labels }, template };
  return { apiVersion, kind, metadata: { name, namespace: ns }, spec };
}

const CONTROLLER_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
] as const;

describe('workload endpoints', () => {
  it('each controller object is exactly one endpoint ns/name[Kind]', () => {
    const a = analyzeYaml(
      docs(...CONTROLLER_KINDS.map((k, i) => controller(k, 'x', `w${i}`, { app: `w${i}` }))),
    );
    expect(workloadIds(a)).toEqual(CONTROLLER_KINDS.map((k, i) => `x/w${i}[${k}]`).sort());
    for (const k of CONTROLLER_KINDS) {
      const e = a.endpoints.find((x) => x.id.endsWith(`[${k}]`));
      expect(e?.kind).toBe(k);
    }
  });

  it('a Pod with a controlling ownerReference is grouped into its owner (one endpoint, no Pod)', () => {
    const owner = { kind: 'ReplicaSet', name: 'web-5d8f' };
    const a = analyzeYaml(
      docs(
        pod({ ns: 'x', name: 'web-5d8f-aaaaa', labels: { app: 'web' }, owner }),
        pod({ ns: 'x', name: 'web-5d8f-bbbbb', labels: { app: 'web' }, owner }),
      ),
    );
    expect(workloadIds(a)).toEqual(['x/web-5d8f[ReplicaSet]']);
    const e = a.endpoints.find((x) => x.id === 'x/web-5d8f[ReplicaSet]');
    expect(e?.kind).toBe('ReplicaSet');
    // Both pods contributed to the endpoint.
    expect(e?.type === 'workload' ? e.locations.length : -1).toBe(2);
  });

  it('pods owned by a declared controller share its endpoint: ids stay unique', () => {
    const a = analyzeYaml(
      docs(
        controller('StatefulSet', 'x', 'db', { app: 'db' }),
        pod({ ns: 'x', name: 'db-0', labels: { app: 'db' }, owner: { kind: 'StatefulSet', name: 'db' } }),
      ),
    );
    expect(workloadIds(a)).toEqual(['x/db[StatefulSet]']);
    expect(a.endpoints.filter((e) => e.id === 'x/db[StatefulSet]')).toHaveLength(1);
  });

  it('a Pod owned by a Node (static/mirror pod) stays its own Pod endpoint', () => {
    const a = analyzeYaml(
      pod({ ns: 'kube-system', name: 'etcd-node1', labels: { c: 'etcd' }, owner: { kind: 'Node', name: 'node1' } }),
    );
    expect(workloadIds(a)).toEqual(['kube-system/etcd-node1[Pod]']);
  });

  it('an ownerReference without controller: true does not group the Pod', () => {
    // metav1.GetControllerOf only returns the reference marked controller: true.
    const a = analyzeYaml(
      pod({ ns: 'x', name: 'p', owner: { kind: 'ReplicaSet', name: 'rs', controller: false } }),
    );
    expect(workloadIds(a)).toEqual(['x/p[Pod]']);
  });

  it('a Pod without owner is ns/name[Pod]; the same name in two namespaces gives two endpoints', () => {
    const a = analyzeYaml(docs(pod({ ns: 'x', name: 'a' }), pod({ ns: 'y', name: 'a' })));
    expect(workloadIds(a)).toEqual([podId('x', 'a'), podId('y', 'a')]);
  });

  it('an object without metadata.namespace lives in "default"', () => {
    const a = analyzeYaml(
      docs(
        pod({ name: 'lonely' }),
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: main, image: nginx}]}
`,
      ),
    );
    expect(workloadIds(a)).toEqual(['default/lonely[Pod]', 'default/web[Deployment]']);
    expect(a.namespaces.map((n) => n.name)).toEqual(['default']);
  });
});

describe('namespaces', () => {
  it('a declared namespace has its labels plus kubernetes.io/metadata.name', () => {
    const a = analyzeYaml(docs(namespace('x', { team: 'blue' }), pod({ ns: 'x', name: 'a' })));
    const x = a.namespaces.find((n) => n.name === 'x');
    expect(x?.declared).toBe(true);
    expect(x?.labels).toEqual({ team: 'blue', 'kubernetes.io/metadata.name': 'x' });
  });

  it('a namespace used but not declared exists, undeclared, with only the automatic label', () => {
    const a = analyzeYaml(
      docs(
        pod({ ns: 'used', name: 'a' }),
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: polns}
spec: {podSelector: {}}
`,
      ),
    );
    for (const name of ['used', 'polns']) {
      const n = a.namespaces.find((x) => x.name === name);
      expect(n, name).toBeDefined();
      expect(n?.declared).toBe(false);
      expect(n?.labels).toEqual({ 'kubernetes.io/metadata.name': name });
    }
  });

  it('the automatic name label wins over a conflicting written one (it is immutable)', () => {
    // "The Kubernetes control plane sets an immutable label kubernetes.io/metadata.name on all
    // namespaces ... the value of the label is the namespace name" (Namespaces concepts page).
    const a = analyzeYaml(namespace('x', { 'kubernetes.io/metadata.name': 'other' }));
    expect(a.namespaces.find((n) => n.name === 'x')?.labels).toEqual({ 'kubernetes.io/metadata.name': 'x' });
  });

  it('a declared namespace without pods is still listed', () => {
    const a = analyzeYaml(namespace('empty'));
    expect(a.namespaces.map((n) => n.name)).toContain('empty');
    expect(workloadIds(a)).toEqual([]);
  });
});

describe('external endpoints and the default connectivity', () => {
  it('without any ipBlock there is exactly one external endpoint: all of IPv4', () => {
    const a = analyzeYaml(docs(pod({ ns: 'x', name: 'a' }), pod({ ns: 'x', name: 'b', ips: ['10.1.2.3'] })));
    expect(externalIds(a)).toEqual([ALL_V4]);
    const e = a.endpoints.find((x) => x.id === ALL_V4);
    expect(e?.type === 'external' ? e.range : undefined).toEqual({ family: 4, first: 0n, last: 2n ** 32n - 1n });
    expect(e?.kind).toBe('IPBlock');
  });

  it('with no policy every ordered pair of distinct endpoints is fully allowed, and only those', () => {
    // "By default, pods are non-isolated; they accept traffic from any source" (concepts page).
    const a = analyzeYaml(
      docs(
        pod({ ns: 'x', name: 'a' }),
        pod({ ns: 'y', name: 'b' }),
        controller('Deployment', 'x', 'web', { app: 'web' }),
      ),
    );
    const ids = [podId('x', 'a'), podId('y', 'b'), 'x/web[Deployment]', ALL_V4];
    const expected = ids.flatMap((f) => ids.filter((t) => t !== f).map((t) => `${f} -> ${t}`)).sort();
    expect(a.connections.map((c) => `${c.from} -> ${c.to}`).sort()).toEqual(expected);
    for (const c of a.connections) expect(c.allowed).toEqual(ALL);
  });

  it('replicas of one owner are one endpoint: no self pair is ever listed', () => {
    const owner = { kind: 'Deployment', name: 'web' };
    const a = analyzeYaml(
      docs(
        pod({ ns: 'x', name: 'web-1', owner }),
        pod({ ns: 'x', name: 'web-2', owner }),
        pod({ ns: 'x', name: 'solo' }),
      ),
    );
    expect(a.connections.filter((c) => c.from === c.to)).toEqual([]);
    // owner <-> solo, owner <-> ext, solo <-> ext: six ordered pairs.
    expect(a.connections).toHaveLength(6);
  });
});
