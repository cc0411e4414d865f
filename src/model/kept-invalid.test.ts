/**
 * Objects the API server would reject that the model keeps in the evaluation, each with a
 * warning that says both (the README's "What is read, and how" lists them). Every test checks
 * that the object is still in `resources` and that its warning is there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locator, parseManifests, splitDocuments } from './index';
import { parseDocument } from './document';
import type { DocumentId } from './source';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

function parse(text: string) {
  return parseManifests([{ file: 'k.yaml', text }]);
}

const codes = (text: string) => parse(text).diagnostics.map((d) => `${d.severity} ${d.code}`);
const messages = (text: string) =>
  parse(text).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);
const kept = (text: string) => {
  const { namespaces, workloads, policies, clusterPolicies } = parse(text).resources;
  return [...namespaces, ...workloads, ...policies, ...clusterPolicies].map((r) => r.name);
};

/** The 1-based line and column of the first `needle` in `text`, and the column after it. */
function find(text: string, needle: string) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  const column = lines[line]!.indexOf(needle) + 1;
  return { startLine: line + 1, startColumn: column, endLine: line + 1, endColumn: column + needle.length };
}

/** Where each diagnostic of `text` points, in the file. */
const ranges = (text: string) => {
  const { diagnostics, documents } = parse(text);
  return diagnostics.map((d) => locator(documents)(d.location).range);
};

const SPEC = 'spec: {containers: [{name: main, image: nginx}]}\n';
const pod = (metadata: string, spec = SPEC) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${metadata}${spec}`;

describe('fixtures/kept-invalid.yaml', () => {
  const documents = splitDocuments(fixture('kept-invalid.yaml'));

  it.each(
    documents.map((d) => [/# expect: (\S+) \((.*)\)/.exec(d.text)?.slice(1, 3).join(': ') ?? '?', d.text]),
  )('%s', (title, text) => {
    const code = title.split(':')[0];
    const { objects, diagnostics } = parseDocument(text, 0 as DocumentId);
    expect(objects).toHaveLength(1);
    const kind = /^kind: (\w+)$/m.exec(text)?.[1];
    // A note may come with it (an experimental field), never another warning or an error.
    const warnings = diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
    expect(warnings.length).toBeGreaterThan(0);
    for (const d of warnings) {
      expect([d.severity, d.code]).toEqual(['warning', code]);
      expect(d.message).toContain(`the API server would reject this ${kind} (it is still evaluated`);
    }
  });

  it('covers every document, and every kept object is evaluated', () => {
    expect(documents).toHaveLength(17);
    const { resources } = parse(fixture('kept-invalid.yaml'));
    expect(resources.workloads).toHaveLength(14);
    expect(resources.policies).toHaveLength(1);
    expect(resources.clusterPolicies).toHaveLength(2);
  });
});

// ValidateOwnerReferences (apimachinery api/validation/objectmeta.go): every reference needs an
// apiVersion with a version, a kind, a name and a uid; a v1 Event may not own anything. The
// ObjectMeta of every kind is validated so, not only a Pod's.
describe('ownerReferences the API server rejects', () => {
  const ref = (fields: string) => pod(`  ownerReferences:\n  - {${fields}}\n`);

  it('warns about a missing uid or apiVersion, pointing at the reference, and keeps the owner', () => {
    const text = ref('kind: ReplicaSet, name: rs, controller: true');
    expect(parse(text).resources.workloads[0]?.owner).toEqual({ kind: 'ReplicaSet', name: 'rs' });
    expect(messages(text)).toEqual([
      'warning owner-without-api-version: metadata.ownerReferences[0].apiVersion is required: the API server would reject this Pod (it is still evaluated)',
      'warning owner-without-uid: metadata.ownerReferences[0].uid is required: the API server would reject this Pod (it is still evaluated)',
    ]);
    const reference = find(text, '{kind: ReplicaSet, name: rs, controller: true}');
    expect(ranges(text)).toEqual([reference, reference]);
  });

  it.each([
    ['empty strings', 'apiVersion: "", kind: A, name: a, uid: ""', ['api-version', 'uid']],
    ['a group without a version', 'apiVersion: apps/, kind: A, name: a, uid: u', ['api-version']],
    ['more than one slash', 'apiVersion: a/b/c, kind: A, name: a, uid: u', ['api-version']],
    ['no name, on a reference that does not control', 'apiVersion: v1, kind: A, uid: u', ['name']],
    ['no kind, on a reference that does not control', 'apiVersion: v1, name: a, uid: u', ['kind']],
  ])('warns about %s, and keeps the pod', (_, fields, missing) => {
    expect(kept(ref(fields))).toEqual(['p']);
    expect(codes(ref(fields))).toEqual(missing.map((field) => `warning owner-without-${field}`));
    for (const message of messages(ref(fields))) {
      expect(message).toMatch(/the API server would reject this Pod \(it is still evaluated\)$/);
    }
  });

  it('points at an empty or versionless value rather than at the reference', () => {
    const text = ref('apiVersion: apps/, kind: A, name: a, uid: ""');
    expect(ranges(text)).toEqual([find(text, 'apps/'), find(text, '""')]);
  });

  it('warns about an Event as owner', () => {
    const text = ref('apiVersion: v1, kind: Event, name: e, uid: u');
    expect(kept(text)).toEqual(['p']);
    expect(messages(text)).toEqual([
      'warning forbidden-owner: metadata.ownerReferences[0]: a v1 Event cannot be an owner: the API server would reject this Pod (it is still evaluated)',
    ]);
  });

  it('accepts complete references, in the core group or another', () => {
    expect(codes(ref('apiVersion: v1, kind: Node, name: node-1, uid: u, controller: true'))).toEqual([]);
    expect(codes(ref('apiVersion: example.com/v1, kind: Event, name: e, uid: u'))).toEqual([]);
    expect(codes(ref('apiVersion: /v1, kind: X, name: x, uid: u, blockOwnerDeletion: true'))).toEqual([]);
  });

  it('checks them on every kind, and leaves out any object with two controllers', () => {
    const deployment =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  ownerReferences:\n  - {kind: App, name: a}\n' +
      'spec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n' +
      '    spec: {containers: [{name: a, image: a}]}\n';
    expect(kept(deployment)).toEqual(['d']);
    expect(messages(deployment)).toEqual([
      'warning owner-without-api-version: metadata.ownerReferences[0].apiVersion is required: the API server would reject this Deployment (it is still evaluated)',
      'warning owner-without-uid: metadata.ownerReferences[0].uid is required: the API server would reject this Deployment (it is still evaluated)',
    ]);
    const policy =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  ownerReferences:\n' +
      '  - {apiVersion: v1, kind: A, name: a, uid: a, controller: true}\n' +
      '  - {apiVersion: v1, kind: B, name: b, uid: b, controller: true}\n' +
      'spec: {podSelector: {}}\n';
    expect(kept(policy)).toEqual([]);
    expect(messages(policy)).toEqual([
      'error invalid-owner: metadata.ownerReferences: only one reference can have controller set to true — the API server would reject this NetworkPolicy, so it is left out of the evaluation',
    ]);
  });

  it('leaves out an object whose reference has a field of the wrong type', () => {
    const text = ref('apiVersion: v1, kind: A, name: a, uid: 12, blockOwnerDeletion: "yes"');
    expect(kept(text)).toEqual([]);
    expect(codes(text)).toEqual(['error wrong-type', 'error wrong-type']);
  });
});

// ValidateAnnotations (the same file): keys are qualified names (in any case), values strings,
// 256 KiB in all. Templates' annotations are validated too (ValidateTemplateObjectMeta).
describe('annotations the API server rejects', () => {
  it('warns about a value that is not a string, with the hint to quote it, and keeps the object', () => {
    const text = pod('  annotations:\n    prometheus.io/port: 9090\n    ok: "1"\n    empty: null\n');
    expect(kept(text)).toEqual(['p']);
    expect(messages(text)).toEqual([
      'warning invalid-annotation: metadata.annotations.prometheus.io/port: expected a string, got the number 9090 (YAML reads 9090 as a number: quote it to keep it a string): the API server would reject this Pod (it is still evaluated, annotations play no part)',
    ]);
    expect(ranges(text)).toEqual([find(text, '9090')]);
  });

  it('warns about a key that is not a qualified name, but not about capitals', () => {
    const text = pod('  annotations:\n    "bad key": x\n    Example.COM/Owner: team\n');
    expect(kept(text)).toEqual(['p']);
    expect(codes(text)).toEqual(['warning invalid-annotation']);
    expect(messages(text)[0]).toContain('metadata.annotations: key "bad key" is not a valid annotation key');
    expect(ranges(text)).toEqual([find(text, '"bad key"')]);
  });

  it('warns about annotations that are not a mapping', () => {
    const text = pod('  annotations: [a, b]\n');
    expect(kept(text)).toEqual(['p']);
    expect(messages(text)[0]).toMatch(
      /^warning invalid-annotation: metadata\.annotations: expected a mapping, got a list/,
    );
  });

  it('warns about more than 256 KiB of annotations, at the annotations key', () => {
    const text = pod(`  annotations:\n    big: "${'x'.repeat(256 * 1024)}"\n`);
    expect(kept(text)).toEqual(['p']);
    expect(messages(text)[0]).toContain(
      'metadata.annotations: 262,147 bytes in all, more than the 262,144-byte limit',
    );
    expect(ranges(text)).toEqual([find(text, 'annotations')]);
  });

  it("checks a pod template's annotations, with the controller's kind", () => {
    const text =
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n' +
      '    metadata: {annotations: {sidecar.istio.io/inject: false}}\n' +
      '    spec: {restartPolicy: Never, containers: [{name: a, image: a}]}\n';
    expect(kept(text)).toEqual(['j']);
    expect(messages(text)).toEqual([
      'warning invalid-annotation: spec.template.metadata.annotations.sidecar.istio.io/inject: expected a string, got the boolean false (YAML reads false as a boolean: quote it to keep it a string): the API server would reject this Job (it is still evaluated, annotations play no part)',
    ]);
  });
});

// validateContainerCommon and validateContainers/validateInitContainers (core validation): a
// container's name is a DNS label, unique among the pod's containers and init containers.
describe('container names the API server rejects', () => {
  it('warns about a name that is not a DNS label', () => {
    const text = pod('', 'spec: {containers: [{name: Web_1, image: nginx}]}\n');
    expect(kept(text)).toEqual(['p']);
    expect(messages(text)).toEqual([
      'warning invalid-container-name: spec.containers[0].name: "Web_1" is not a valid container name: must consist of lower case alphanumeric characters or "-", and start and end with an alphanumeric character: the API server would reject this Pod (it is still evaluated)',
    ]);
    expect(ranges(text)).toEqual([find(text, 'Web_1')]);
  });

  it('warns about a name used twice, across containers and init containers', () => {
    const text = pod(
      '',
      'spec:\n  containers:\n  - {name: a, image: x, ports: [{containerPort: 80}]}\n  - {name: a, image: y}\n' +
        '  initContainers:\n  - {name: a, image: z}\n',
    );
    expect(parse(text).resources.workloads[0]?.ports).toEqual([{ port: 80 }]);
    expect(messages(text)).toEqual([
      'warning duplicate-container-name: spec.containers[1].name: "a" is already the name of spec.containers[0]: the API server would reject this Pod (it is still evaluated)',
      'warning duplicate-container-name: spec.initContainers[0].name: "a" is already the name of spec.containers[0]: the API server would reject this Pod (it is still evaluated)',
    ]);
  });
});

// ValidatePodSpec allows Always, OnFailure and Never; apps validation and
// ValidatePodTemplateSpecForRC only Always; batch validation only OnFailure or Never (so a Job
// must set it). An init container's restartPolicy may only be Always (a sidecar).
describe('restart policies the API server rejects', () => {
  const controller = (apiVersion: string, kind: string, podSpec: string) =>
    `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: c}\nspec:\n  selector: {matchLabels: {app: c}}\n` +
    `  template:\n    metadata: {labels: {app: c}}\n    spec:\n${podSpec}      containers: [{name: a, image: a}]\n`;

  it('warns about a Job without restartPolicy, at the spec of its template', () => {
    const text =
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n' +
      '      containers: [{name: a, image: a}]\n';
    expect(kept(text)).toEqual(['j']);
    expect(messages(text)).toEqual([
      'warning invalid-restart-policy: spec.template.spec.restartPolicy is required in a Job (use OnFailure or Never): the API server would reject this Job (it is still evaluated)',
    ]);
    // The `spec:` key of the template, whose restartPolicy is missing.
    expect(ranges(text)).toEqual([{ startLine: 6, startColumn: 5, endLine: 6, endColumn: 9 }]);
  });

  it.each([
    ['apps/v1', 'Deployment', 'Never', 'use Always'],
    ['apps/v1', 'StatefulSet', 'OnFailure', 'use Always'],
    ['v1', 'ReplicationController', 'Never', 'use Always'],
  ])('warns about a %s %s whose pods would not keep running', (apiVersion, kind, policy, use) => {
    const text = controller(apiVersion, kind, `      restartPolicy: ${policy}\n`);
    expect(kept(text)).toEqual(['c']);
    expect(messages(text)).toEqual([
      `warning invalid-restart-policy: spec.template.spec.restartPolicy: "${policy}" is not allowed here (${use}): the API server would reject this ${kind} (it is still evaluated)`,
    ]);
  });

  it('accepts what each kind allows', () => {
    expect(codes(controller('apps/v1', 'DaemonSet', '      restartPolicy: Always\n'))).toEqual([]);
    expect(codes(pod('', 'spec: {restartPolicy: OnFailure, containers: [{name: a, image: a}]}\n'))).toEqual(
      [],
    );
    const cronJob =
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n' +
      '    spec:\n      template:\n        spec: {restartPolicy: OnFailure, containers: [{name: a, image: a}]}\n';
    expect(codes(cronJob)).toEqual([]);
  });

  it("warns about a pod's unknown or mistyped restartPolicy", () => {
    const unknown = pod('', 'spec: {restartPolicy: Sometimes, containers: [{name: a, image: a}]}\n');
    expect(kept(unknown)).toEqual(['p']);
    expect(messages(unknown)).toEqual([
      'warning invalid-restart-policy: spec.restartPolicy: "Sometimes" is not allowed here (use Always, OnFailure or Never): the API server would reject this Pod (it is still evaluated)',
    ]);
    const mistyped = pod('', 'spec: {restartPolicy: true, containers: [{name: a, image: a}]}\n');
    expect(kept(mistyped)).toEqual(['p']);
    expect(codes(mistyped)).toEqual(['warning invalid-restart-policy']);
  });

  it('warns about an init container whose restartPolicy is not Always, and does not count its ports', () => {
    const text = pod(
      '',
      'spec:\n  initContainers:\n  - {name: proxy, image: envoy, restartPolicy: always, ports: [{containerPort: 9000}]}\n' +
        '  containers: [{name: a, image: a}]\n',
    );
    expect(parse(text).resources.workloads[0]?.ports).toEqual([]);
    expect(messages(text)).toEqual([
      'warning invalid-restart-policy: spec.initContainers[0].restartPolicy: "always" is not allowed here (use Always): the API server would reject this Pod (it is still evaluated, as an init container whose ports do not count)',
    ]);
    expect(ranges(text)).toEqual([find(text, 'always')]);
  });
});
