import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifests } from './index';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

function parse(text: string) {
  return parseManifests([{ file: 'w.yaml', text }]);
}

const summary = (text: string) =>
  parse(text).resources.workloads.map((w) => ({
    id: `${w.kind}:${w.namespace}/${w.name}`,
    labels: w.labels,
    ports: w.ports,
    ...(w.owner && { owner: w.owner }),
  }));

const codes = (text: string) => parse(text).diagnostics.map((d) => `${d.severity} ${d.code}`);
const messages = (text: string) =>
  parse(text).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);

const pod = (extra: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${extra}`;
const SPEC = 'spec: {containers: [{name: main, image: nginx}]}\n';

describe('workload kinds (fixtures/workloads.yaml)', () => {
  const workloads = summary(fixture('workloads.yaml'));

  it('reads every kind, with labels and ports from the pod template', () => {
    expect(codes(fixture('workloads.yaml'))).toEqual([]);
    expect(workloads.map((w) => w.id)).toEqual([
      'Pod:apps/debug',
      'Deployment:apps/frontend',
      'StatefulSet:apps/cache',
      'DaemonSet:apps/agent',
      'ReplicaSet:apps/legacy',
      'ReplicationController:apps/older',
      'Job:apps/migrate',
      'CronJob:apps/report',
    ]);
    expect(workloads[1]?.labels).toEqual({ app: 'frontend', tier: 'web' });
    expect(workloads[3]?.ports).toEqual([{ name: 'statsd', port: 8125, protocol: 'UDP' }]);
  });

  it('counts sidecar init containers (restartPolicy: Always) only', () => {
    expect(workloads[1]?.ports).toEqual([
      { name: 'http', port: 8080 },
      { name: 'https', port: 8443 },
      { name: 'mesh', port: 15001 },
    ]);
  });

  it("reads a CronJob's pod template from spec.jobTemplate.spec.template", () => {
    expect(workloads[7]).toMatchObject({
      labels: { app: 'report' },
      ports: [{ name: 'metrics', port: 9102, protocol: 'SCTP' }],
    });
  });
});

describe('kubectl get -o yaml output (fixtures/kubectl-list.yaml)', () => {
  const { resources, diagnostics } = parse(fixture('kubectl-list.yaml'));
  const pods = new Map(resources.workloads.filter((w) => w.kind === 'Pod').map((w) => [w.name, w]));

  it('flattens the List and ignores the Service', () => {
    expect(resources.namespaces.map((n) => n.name)).toEqual(['shop', 'kube-system']);
    expect(resources.workloads.map((w) => w.kind)).toEqual(['Pod', 'Pod', 'Pod', 'Deployment', 'ReplicaSet']);
    expect(resources.policies.map((p) => p.name)).toEqual(['web-from-payments']);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['ignored-kind', 'ignored: NetworkPolicy evaluation does not use Service'],
    ]);
  });

  it('takes the controlling owner, but never a Node', () => {
    expect(pods.get('web-7d4b9c-x2x9q')?.owner).toEqual({ kind: 'ReplicaSet', name: 'web-7d4b9c' });
    expect(pods.get('db-0')?.owner).toEqual({ kind: 'StatefulSet', name: 'db' });
    expect(pods.get('etcd-node-1')).toBeDefined();
    expect(pods.get('etcd-node-1')).not.toHaveProperty('owner');
  });

  it('reads pod IPs from status.podIP and status.podIPs, once each', () => {
    expect(pods.get('web-7d4b9c-x2x9q')?.podIPs).toEqual([
      { family: 4, first: 0x0af40111n, last: 0x0af40111n },
      { family: 6, first: 0xfd000010024400010000000000000017n, last: 0xfd000010024400010000000000000017n },
    ]);
    expect(resources.workloads.find((w) => w.kind === 'Deployment')?.podIPs).toEqual([]);
  });
});

describe('typed lists (fixtures/pod-list-typed.yaml)', () => {
  it('gives items the kind and apiVersion of the list, and the default namespace', () => {
    // Its first pod's ownerReference has no uid, as sanitised exports often do.
    expect(codes(fixture('pod-list-typed.yaml'))).toEqual(['warning owner-without-uid']);
    expect(summary(fixture('pod-list-typed.yaml')).map((w) => w.id)).toEqual([
      'Pod:default/api-1',
      'Pod:default/api-2',
    ]);
  });

  it('reads a NetworkPolicyList, and needs kinds in a plain List', () => {
    const policies =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicyList\nitems:\n- metadata: {name: a}\n- metadata: {name: b}\n';
    expect(parse(policies).resources.policies.map((p) => p.name)).toEqual(['a', 'b']);
    expect(codes('apiVersion: v1\nkind: List\nitems:\n- metadata: {name: a}\n')).toEqual([
      'error missing-kind',
    ]);
  });
});

describe('owners', () => {
  /** A pod with these ownerReferences (flow mappings), each given apiVersion and uid unless it has them. */
  const owned = (...refs: string[]) =>
    pod(
      `  ownerReferences:\n${refs.map((r) => `  - {apiVersion: apps/v1, uid: u1, ${r}}\n`).join('')}${SPEC}`,
    );

  it('takes an owner without kind as a Pod, with a warning', () => {
    const text = owned('name: rs, controller: true');
    expect(summary(text)[0]?.owner).toEqual({ kind: 'Pod', name: 'rs' });
    expect(messages(text)).toEqual([
      'warning owner-without-kind: metadata.ownerReferences[0].kind is required: the API server would reject this Pod (it is still evaluated, with its owner taken to be a Pod)',
    ]);
  });

  it('ignores references that do not control, and those without a name', () => {
    const text = owned('kind: ReplicaSet, name: a', 'kind: ReplicaSet, controller: true');
    expect(summary(text)[0]).not.toHaveProperty('owner');
    expect(messages(text)).toEqual([
      'warning owner-without-name: metadata.ownerReferences[1].name is required: the API server would reject this Pod (it is still evaluated, as a pod without an owner)',
    ]);
  });

  it('rejects a pod with two controllers', () => {
    const text = owned('kind: A, name: a, controller: true', 'kind: B, name: b, controller: true');
    expect(summary(text)).toEqual([]);
    expect(codes(text)).toEqual(['error invalid-owner']);
  });
});

describe('workload problems', () => {
  it('skips a malformed pod IP with a warning and keeps the pod', () => {
    const text = pod(`${SPEC}status:\n  podIP: 10.0.0.300\n  podIPs: [{ip: 10.0.0.1}]\n`);
    expect(parse(text).resources.workloads[0]?.podIPs).toEqual([
      { family: 4, first: 0x0a000001n, last: 0x0a000001n },
    ]);
    expect(codes(text)).toEqual(['warning invalid-pod-ip']);
  });

  it.each([
    ['invalid-port', 'spec:\n  containers:\n  - ports: [{containerPort: 0}]\n'],
    ['missing-field', 'spec:\n  containers:\n  - ports: [{name: http}]\n'],
    ['invalid-port-name', 'spec:\n  containers:\n  - ports: [{containerPort: 80, name: "80"}]\n'],
    ['invalid-protocol', 'spec:\n  containers:\n  - ports: [{containerPort: 80, protocol: HTTP}]\n'],
    [
      'duplicate-port-name',
      'spec:\n  containers:\n  - ports: [{containerPort: 80, name: web}, {containerPort: 81, name: web}]\n',
    ],
    ['invalid-port', 'spec:\n  containers:\n  - ports: [{containerPort: 80, hostPort: 70000}]\n'],
    ['wrong-type', 'spec:\n  containers: nginx\n'],
    ['wrong-type', 'spec:\n  containers:\n  - ports: [{containerPort: "80"}]\n'],
    ['invalid-label-key', '  labels: {"a/b/c": x}\n'],
    ['wrong-type', '  labels: {enabled: true}\n'],
    ['invalid-namespace', '  namespace: a.b\n'],
  ])('rejects a pod with %s', (code, extra) => {
    const { resources, diagnostics } = parse(pod(extra));
    expect(resources.workloads).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toContain(code);
    expect(diagnostics.find((d) => d.severity === 'error')?.message).toContain('reject this Pod');
  });

  it('rejects a controller without a pod template', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 1\n  selector: {matchLabels: {a: b}}\n';
    expect(parse(text).resources.workloads).toEqual([]);
    expect(parse(text).diagnostics.map((d) => d.message)).toEqual([
      'spec.template is required — the API server would reject this Deployment, so it is left out of the evaluation',
    ]);
  });

  it('warns about unknown fields in pod specs and containers, and keeps the workload', () => {
    const text = pod('spec:\n  hostNetwrk: true\n  containers:\n  - name: a\n    port: 80\n');
    expect(summary(text)).toHaveLength(1);
    expect(parse(text).diagnostics.map((d) => d.message)).toEqual([
      'unknown field "spec.hostNetwrk": the API server drops it',
      'unknown field "spec.containers[0].port": the API server drops it',
    ]);
  });
});

describe('what the API server requires of workloads', () => {
  const controller = (kind: string, spec: string) =>
    `apiVersion: apps/v1\nkind: ${kind}\nmetadata: {name: c}\nspec:\n${spec}`;
  const template =
    '  template:\n    metadata: {labels: {app: web, tier: x}}\n    spec: {containers: [{name: main, image: nginx}]}\n';
  const errors = (text: string) =>
    parse(text)
      .diagnostics.filter((d) => d.severity === 'error')
      .map((d) => `${d.code}: ${d.message}`);

  it.each(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'])(
    'rejects an apps/v1 %s without spec.selector',
    (kind) => {
      const text = controller(kind, template);
      expect(parse(text).resources.workloads).toEqual([]);
      expect(errors(text)).toEqual([
        `missing-field: spec.selector is required — the API server would reject this ${kind}, so it is left out of the evaluation`,
      ]);
    },
  );

  it.each([
    ['{matchLabels: {app: db}}', 'does not match'],
    ['{matchLabels: {app: web, tier: z}}', 'does not match'],
    ['{matchExpressions: [{key: app, operator: NotIn, values: [web]}]}', 'does not match'],
    ['{}', 'is empty'],
    ['{matchLabels: {}}', 'is empty'],
  ])('rejects a Deployment whose selector %s does not select its pod template', (selector, problem) => {
    const text = controller('Deployment', `  selector: ${selector}\n${template}`);
    expect(parse(text).resources.workloads).toEqual([]);
    const [error, ...others] = errors(text);
    expect(others).toEqual([]);
    expect(error).toMatch(/^invalid-workload-selector: spec\.selector/);
    expect(error).toContain(problem);
    expect(error).toContain(
      'the API server would reject this Deployment, so it is left out of the evaluation',
    );
  });

  it('keeps controllers whose selector selects the template labels', () => {
    for (const selector of [
      '{matchLabels: {app: web}}',
      '{matchExpressions: [{key: tier, operator: In, values: [x, z]}]}',
    ]) {
      const text = controller('StatefulSet', `  selector: ${selector}\n${template}`);
      expect(codes(text), selector).toEqual([]);
      expect(parse(text).resources.workloads).toHaveLength(1);
    }
    // Only apps/v1 controllers need one: a Job or ReplicationController gets its selector generated.
    const rc = 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: r}\nspec:\n' + template;
    expect(codes(rc)).toEqual([]);
  });

  // A warning, not an error: sketches (and other tests of this project) leave containers out.
  it.each([
    ['no spec', ''],
    ['no containers', 'spec:\n  restartPolicy: Never\n'],
    ['an empty containers list', 'spec:\n  containers: []\n'],
    ['only init containers', 'spec:\n  initContainers: [{name: init, image: busybox}]\n'],
  ])('warns about a Pod with %s, which the API server rejects, and keeps it', (_, extra) => {
    const { resources, diagnostics } = parse(pod(extra));
    expect(resources.workloads.map((w) => w.name)).toEqual(['p']);
    expect(diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`)).toEqual([
      'warning no-containers: spec.containers must list at least one container: the API server would reject this Pod (it is still evaluated)',
    ]);
  });

  it('says the same of a pod template without containers', () => {
    const text = controller(
      'Deployment',
      '  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n',
    );
    expect(parse(text).resources.workloads).toHaveLength(1);
    expect(parse(text).diagnostics.map((d) => d.message)).toEqual([
      'spec.template.spec.containers must list at least one container: the API server would reject this Deployment (it is still evaluated)',
    ]);
  });

  it('warns about a container without a name, and keeps the workload (exported manifests drop names)', () => {
    const text = pod(
      'spec:\n  initContainers: [{image: busybox}]\n  containers:\n  - {name: a, image: nginx}\n  - image: envoy\n',
    );
    const { resources, diagnostics } = parse(text);
    expect(resources.workloads).toHaveLength(1);
    expect(diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`)).toEqual([
      'warning unnamed-container: spec.containers[1].name is required: the API server would reject this Pod (it is still evaluated)',
      'warning unnamed-container: spec.initContainers[0].name is required: the API server would reject this Pod (it is still evaluated)',
    ]);
  });
});
