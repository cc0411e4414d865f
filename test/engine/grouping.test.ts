/**
 * Pods of one controlling owner shown as one endpoint: grouping must never change a verdict.
 *
 * Spec basis: NetworkPolicies select *pods*, by the labels and IPs each pod has (a StatefulSet's
 * pods carry `statefulset.kubernetes.io/pod-name`, `apps.kubernetes.io/pod-index` and
 * `controller-revision-hash`, which their template lacks), and a named port resolves on each
 * destination pod's own container ports. So pods of one owner may only be drawn as one endpoint
 * when nothing in the input tells them apart; otherwise each pod is its own `ns/<pod>[Pod]`.
 *
 * The property: a cluster analysed as is, and the same pods analysed alone (ownerReferences
 * removed, controllers dropped), give every pair of pods in different endpoints, and every pod
 * and external range, the same allowed connections.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/engine';
import { parseManifests } from '../../src/model';
import type { SourceLocation } from '../../src/model/source';
import type { Analysis, WorkloadEndpoint } from '../../src/engine/types';
import { ALL, ALL_V4, NONE, analyzeYaml, conn, docs, fixture, pod, tcp, workloadIds } from '../helpers';
import { wellFormednessProblems } from '../support/compare';
import { clusterDocs, ownedClusterArb, type GCluster } from '../support/cluster';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

function analysisOf(c: GCluster) {
  const model = parseManifests([{ file: 'c.yaml', text: clusterDocs(c).join('---\n') }]);
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { model, analysis: new Analyzer().update(model.resources) };
}

const sameLocation = (a: SourceLocation, b: SourceLocation) =>
  a.document === b.document && JSON.stringify(a.range) === JSON.stringify(b.range);

/** Each pod of the model (`ns/name`) → the id of the one endpoint listing its location. */
function endpointOfPod(model: ReturnType<typeof parseManifests>, analysis: Analysis): Map<string, string> {
  const workloads = analysis.endpoints.filter((e): e is WorkloadEndpoint => e.type === 'workload');
  const out = new Map<string, string>();
  for (const p of model.resources.workloads.filter((w) => w.kind === 'Pod')) {
    const holders = workloads.filter((e) => e.locations.some((l) => sameLocation(l, p.location)));
    expect(holders.map((e) => e.id), `endpoints holding pod ${p.namespace}/${p.name}`).toHaveLength(1);
    out.set(`${p.namespace}/${p.name}`, holders[0]!.id);
  }
  return out;
}

/** Every pod alone: no owners, no controllers. */
const alone = (c: GCluster): GCluster => ({
  ...c,
  workloads: c.workloads.filter((w) => w.kind === 'Pod').map(({ owner: _, ...w }) => w),
});

function expectGroupingExact(c: GCluster): void {
  const grouped = analysisOf(c);
  const single = analysisOf(alone(c)).analysis;
  expect(wellFormednessProblems(grouped.analysis)).toEqual([]);
  const endpointOf = endpointOfPod(grouped.model, grouped.analysis);
  const externals = single.endpoints.filter((e) => e.type === 'external').map((e) => e.id);
  expect(grouped.analysis.endpoints.filter((e) => e.type === 'external').map((e) => e.id)).toEqual(externals);
  const pods = [...endpointOf.keys()];
  const own = (p: string) => `${p}[Pod]`;
  for (const p of pods) {
    for (const q of pods) {
      if (endpointOf.get(p) === endpointOf.get(q)) continue;
      expect(conn(grouped.analysis, endpointOf.get(p)!, endpointOf.get(q)!), `${p} -> ${q}`).toEqual(conn(single, own(p), own(q)));
    }
    for (const e of externals) {
      expect(conn(grouped.analysis, endpointOf.get(p)!, e), `${p} -> ${e}`).toEqual(conn(single, own(p), e));
      expect(conn(grouped.analysis, e, endpointOf.get(p)!), `${e} -> ${p}`).toEqual(conn(single, e, own(p)));
    }
  }
}

describe('grouping pods into workloads (property)', () => {
  it('never changes a pod-to-pod or pod-to-external verdict compared with every pod alone', () => {
    fc.assert(fc.property(ownedClusterArb, expectGroupingExact), { numRuns: RUNS * 3 });
  });

  it('is not vacuous: the generator makes joined groups, varying labels and splits', () => {
    let joined = 0;
    let varying = 0;
    let split = 0;
    fc.assert(
      fc.property(ownedClusterArb, (c) => {
        const { analysis } = analysisOf(c);
        for (const e of analysis.endpoints) {
          if (e.type !== 'workload') continue;
          if (e.kind !== 'Pod' && e.locations.length > 1) joined++;
          if (e.varyingLabels) varying++;
        }
        split += analysis.diagnostics.filter((d) => d.code === 'owner-pods-split').length;
      }),
      { numRuns: 200, seed: 1 },
    );
    expect(Math.min(joined, varying, split)).toBeGreaterThan(10);
  });
});

// ---------------------------------------------------------------------------------------------
// Spec tests, from the scenario: `kubectl get pods,sts -o yaml` of StatefulSet a/web.

const STS = fixture('statefulset-web.yaml');
const WEB = ['a/web-0[Pod]', 'a/web-1[Pod]', 'a/web-2[Pod]'];
const CLIENT = 'a/client[Pod]';
const EXT = ALL_V4;

function policy(name: string, spec: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: a}
spec:
${spec}`;
}

const workload = (a: Analysis, id: string) => a.endpoints.find((e): e is WorkloadEndpoint => e.type === 'workload' && e.id === id);

describe('grouping pods into workloads (spec)', () => {
  it('a policy selecting statefulset.kubernetes.io/pod-name: web-0 isolates exactly web-0', () => {
    const a = analyzeYaml(
      docs(
        STS,
        policy('only-web-0', '  podSelector: {matchLabels: {statefulset.kubernetes.io/pod-name: web-0}}\n  ingress:\n    - from: [{podSelector: {matchLabels: {app: client}}}]\n'),
      ),
    );
    expect(workloadIds(a)).toEqual([CLIENT, ...WEB]);
    expect(conn(a, CLIENT, WEB[0]!)).toEqual(ALL);
    expect(conn(a, EXT, WEB[0]!)).toEqual(NONE);
    expect(conn(a, WEB[1]!, WEB[0]!)).toEqual(NONE);
    for (const open of WEB.slice(1)) {
      expect(conn(a, EXT, open), open).toEqual(ALL);
      expect(conn(a, WEB[0]!, open), open).toEqual(ALL);
    }
    expect(a.isolation.get(WEB[0]! as never)?.ingress).toEqual(['a/only-web-0']);
    expect(a.isolation.get(WEB[1]! as never)?.ingress).toEqual([]);
    // Each pod is matched with its own labels, IP and ports.
    expect(workload(a, WEB[1]!)?.labels['statefulset.kubernetes.io/pod-name']).toBe('web-1');
    expect(workload(a, WEB[1]!)?.ips).toHaveLength(1);
    const [note] = a.diagnostics;
    expect(a.diagnostics).toHaveLength(1);
    expect(note).toMatchObject({ code: 'owner-pods-split', severity: 'info' });
    expect(note!.message).toContain('a/web[StatefulSet]');
    expect(note!.message).toContain('statefulset.kubernetes.io/pod-name');
  });

  it('a selector on the pod name as a peer splits too: only web-0 may reach the database', () => {
    const db = pod({ ns: 'a', name: 'db', labels: { app: 'db' } });
    const a = analyzeYaml(
      docs(STS, db, policy('db', '  podSelector: {matchLabels: {app: db}}\n  ingress:\n    - from: [{podSelector: {matchExpressions: [{key: apps.kubernetes.io/pod-index, operator: In, values: ["0"]}]}}]\n')),
    );
    expect(workloadIds(a)).toEqual(['a/client[Pod]', 'a/db[Pod]', ...WEB]);
    expect(conn(a, WEB[0]!, 'a/db[Pod]')).toEqual(ALL);
    expect(conn(a, WEB[1]!, 'a/db[Pod]')).toEqual(conn(a, CLIENT, 'a/db[Pod]'));
    expect(conn(a, WEB[2]!, 'a/db[Pod]')).toEqual(NONE);
    expect(a.diagnostics[0]!.message).toContain('apps.kubernetes.io/pod-index');
  });

  it('pods that differ only in labels no selector reads stay one endpoint, those keys listed as varying', () => {
    const a = analyzeYaml(docs(STS, policy('web', '  podSelector: {matchLabels: {app: web}}\n  ingress:\n    - ports: [{port: http}]\n')));
    expect(workloadIds(a)).toEqual([CLIENT, 'a/web[StatefulSet]']);
    const web = workload(a, 'a/web[StatefulSet]')!;
    expect(web.varyingLabels).toEqual(['apps.kubernetes.io/pod-index', 'statefulset.kubernetes.io/pod-name']);
    // The StatefulSet and its three pods all contributed; all three IPs are the endpoint's.
    expect(web.locations).toHaveLength(4);
    expect(web.ips).toHaveLength(3);
    expect(conn(a, CLIENT, 'a/web[StatefulSet]')).toEqual(tcp(80));
    expect(a.diagnostics).toEqual([]);
    // Without policies too; and a group whose pods agree has no varyingLabels at all.
    expect(workload(analyzeYaml(STS), 'a/web[StatefulSet]')?.varyingLabels).toHaveLength(2);
    expect(workload(a, CLIENT)).not.toHaveProperty('varyingLabels');
  });

  it('the pods’ labels count, not the template’s: a selector on a label only the pods carry', () => {
    // The template has only app: web; every pod has controller-revision-hash, so it selects all three.
    const a = analyzeYaml(
      docs(STS, policy('deny-rev', '  podSelector: {matchLabels: {controller-revision-hash: web-7c9d6b5f4}}\n  policyTypes: [Ingress]\n')),
    );
    expect(workloadIds(a)).toEqual([CLIENT, 'a/web[StatefulSet]']);
    expect(conn(a, CLIENT, 'a/web[StatefulSet]')).toEqual(NONE);
  });

  const replica = (name: string, port: number, ip: string) =>
    pod({
      ns: 'a',
      name,
      labels: { app: 'api' },
      ports: [{ name: 'http', containerPort: port }],
      ips: [ip],
      owner: { kind: 'ReplicaSet', name: 'api-5d8f' },
    });
  const client = pod({ ns: 'a', name: 'client', labels: { app: 'client' }, ips: ['10.9.0.1'] });

  it('a named port that resolves differently across replicas splits them, each allowing its own port', () => {
    const replicas = [replica('api-5d8f-a', 8080, '10.0.0.5'), replica('api-5d8f-b', 9090, '10.0.0.6')];
    const named = policy('api', '  podSelector: {matchLabels: {app: api}}\n  ingress:\n    - ports: [{port: http}]\n');
    const a = analyzeYaml(docs(...replicas, client, named));
    expect(workloadIds(a)).toEqual(['a/api-5d8f-a[Pod]', 'a/api-5d8f-b[Pod]', CLIENT]);
    expect(conn(a, CLIENT, 'a/api-5d8f-a[Pod]')).toEqual(tcp(8080));
    expect(conn(a, CLIENT, 'a/api-5d8f-b[Pod]')).toEqual(tcp(9090));
    expect(a.diagnostics.map((d) => d.code)).toEqual(['owner-pods-split']);
    expect(a.diagnostics[0]!.message).toContain('named port http (TCP)');
    // A numeric port does not depend on container ports: one endpoint.
    const numeric = policy('api', '  podSelector: {matchLabels: {app: api}}\n  ingress:\n    - ports: [{port: 8080}]\n');
    const b = analyzeYaml(docs(...replicas, client, numeric));
    expect(workloadIds(b)).toEqual(['a/api-5d8f[ReplicaSet]', CLIENT]);
    expect(conn(b, CLIENT, 'a/api-5d8f[ReplicaSet]')).toEqual(tcp(8080));
  });

  it('an ipBlock that holds one replica’s IP and not the other’s splits them', () => {
    const replicas = [replica('api-5d8f-a', 8080, '10.0.0.5'), replica('api-5d8f-b', 8080, '10.1.0.5')];
    const egress = (cidr: string) =>
      policy('client', `  podSelector: {matchLabels: {app: client}}\n  egress:\n    - to: [{ipBlock: {cidr: ${cidr}}}]\n`);
    const a = analyzeYaml(docs(...replicas, client, egress('10.0.0.0/16')));
    expect(workloadIds(a)).toEqual(['a/api-5d8f-a[Pod]', 'a/api-5d8f-b[Pod]', CLIENT]);
    expect(conn(a, CLIENT, 'a/api-5d8f-a[Pod]')).toEqual(ALL);
    expect(conn(a, CLIENT, 'a/api-5d8f-b[Pod]')).toEqual(NONE);
    expect(a.diagnostics[0]!.message).toContain('IP block 10.0.0.0/16');
    // A block holding both (or neither) tells them nothing apart.
    const b = analyzeYaml(docs(...replicas, client, egress('10.0.0.0/8')));
    expect(workloadIds(b)).toEqual(['a/api-5d8f[ReplicaSet]', CLIENT]);
    expect(conn(b, CLIENT, 'a/api-5d8f[ReplicaSet]')).toEqual(ALL);
  });

  it('a selector in another namespace does not split: a policy podSelector applies in its own namespace', () => {
    const podName = '{matchLabels: {statefulset.kubernetes.io/pod-name: web-0}}';
    const inB = (name: string, spec: string) => policy(name, spec).replace('namespace: a', 'namespace: b');
    const a = analyzeYaml(docs(STS, inB('other', `  podSelector: ${podName}\n`)));
    expect(workloadIds(a)).toEqual([CLIENT, 'a/web[StatefulSet]']);
    // Nor does a peer podSelector without namespaceSelector: it means pods of the policy's namespace.
    const b = analyzeYaml(docs(STS, inB('other', `  podSelector: {}\n  ingress:\n    - from: [{podSelector: ${podName}}]\n`)));
    expect(workloadIds(b)).toEqual([CLIENT, 'a/web[StatefulSet]']);
  });

  it('a peer with a namespaceSelector reaches into other namespaces: its podSelector splits there', () => {
    const db = pod({ ns: 'b', name: 'db', labels: { app: 'db' } });
    const fromWeb0 = `  podSelector: {}\n  ingress:\n    - from: [{namespaceSelector: {}, podSelector: {matchLabels: {statefulset.kubernetes.io/pod-name: web-0}}}]\n`;
    const a = analyzeYaml(docs(STS, db, policy('db', fromWeb0).replace('namespace: a', 'namespace: b')));
    expect(workloadIds(a)).toEqual([CLIENT, ...WEB, 'b/db[Pod]']);
    expect(conn(a, WEB[0]!, 'b/db[Pod]')).toEqual(ALL);
    expect(conn(a, WEB[1]!, 'b/db[Pod]')).toEqual(NONE);
  });

  it('an owner reference without kind cannot take the id of a pod shown alone: that group is shown pod by pod', () => {
    // Pods p1, p2 are owned by "x" (no kind: read as Pod, so their group is a/x[Pod]); pod x itself
    // is owned by ReplicaSet rs, whose pods a selector tells apart.
    const ownedByX = (name: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: a\n  labels: {app: p}\n  ownerReferences: [{name: x, controller: true}]\nspec: {containers: [{name: c, image: i}]}\n`;
    const yaml = docs(
      ownedByX('p1'),
      ownedByX('p2'),
      pod({ ns: 'a', name: 'x', labels: { app: 'x', rev: '1' }, owner: { kind: 'ReplicaSet', name: 'rs' } }),
      pod({ ns: 'a', name: 'y', labels: { app: 'x', rev: '2' }, owner: { kind: 'ReplicaSet', name: 'rs' } }),
      policy('n1', '  podSelector: {matchLabels: {rev: "1"}}\n'),
    );
    const a = analyzeYaml(yaml);
    expect(workloadIds(a)).toEqual(['a/p1[Pod]', 'a/p2[Pod]', 'a/x[Pod]', 'a/y[Pod]']);
    // n1 lets nothing in to pod x, which earns it the note on pod-to-itself traffic.
    expect(a.diagnostics.map((d) => d.code)).toEqual(['owner-pods-split', 'owner-pods-split', 'pod-to-self']);
  });
});
