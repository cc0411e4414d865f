import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { clusterArb, clusterDocs } from '../../../test/support/cluster';
import { parseManifests } from '../index';
import { exportManifests, joinDocuments, type ExportScope } from './export';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8');
const exported = (text: string, scope: ExportScope = { kind: 'policies' }) => exportManifests(text, scope);
const textOf = (text: string, scope?: ExportScope) => joinDocuments(exported(text, scope).objects);

/**
 * Resources without their locations, nor whether a namespace was written (export writes them all):
 * what the export must not change.
 */
function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (typeof value !== 'object' || value === null || typeof value === 'bigint') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'location' && key !== 'nameLocation' && key !== 'namespaceDefaulted')
      .map(([key, v]) => [key, withoutLocations(v)]),
  );
}
const resourcesOf = (text: string) => withoutLocations(parseManifests([{ file: 'f', text }]).resources);

const policy = (metadata: string, spec = 'spec:\n  podSelector: {}\n') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n${metadata}${spec}`;

describe('exportManifests', () => {
  const valid = [
    'classic/nginx.yaml',
    'policies-valid.yaml',
    'kubectl-list.yaml',
    'pod-list-typed.yaml',
    'workloads.yaml',
    'manifests.json',
    'json-stream.json',
  ];

  it.each(valid)('writes %s so that the model reads back exactly the same resources', (name) => {
    const text = fixture(name);
    const everything = textOf(text, { kind: 'everything' });
    expect(resourcesOf(everything)).toEqual(resourcesOf(text));
    const policies = parseManifests([{ file: 'f', text: textOf(text) }]);
    expect(withoutLocations(policies.resources.policies)).toEqual(
      (resourcesOf(text) as { policies: unknown }).policies,
    );
    expect(policies.resources.workloads).toEqual([]);
    expect(policies.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('writes the namespace kubectl would otherwise take from its context: default, as evaluated', () => {
    const text = policy('  name: web # the web policy\n  labels: {app: web}\n');
    expect(textOf(text)).toBe(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web # the web policy\n' +
        '  namespace: default\n  labels: {app: web}\nspec:\n  podSelector: {}\n',
    );
    expect(textOf(policy('  name: web\n  namespace: ""\n'))).toContain(
      '  name: web\n  namespace: "default"\n',
    );
    expect(textOf(policy('  name: web\n  namespace:  # to do\n'))).toContain(
      '  namespace: default # to do\n',
    );
    expect(textOf('kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nspec: {}\n')).toBe(
      'kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata:\n  namespace: default\nspec: {}\n',
    );
  });

  it('leaves a namespace of the wrong type for the schema check, and cluster-scoped kinds alone', () => {
    expect(textOf(policy('  name: web\n  namespace: 7\n'))).toContain('  namespace: 7\n');
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
    expect(textOf(namespace, { kind: 'everything' })).toBe(namespace);
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
    expect(textOf(service, { kind: 'everything' })).toBe(service);
  });

  it('keeps comments: before and inside documents, at line ends, and before a `---` (with the document above it)', () => {
    const text =
      '# Policies of the shop\n---\n# web only from the frontend\n' +
      policy(
        '  name: web\n  namespace: shop # production\n',
        'spec:\n  # every pod\n  podSelector: {}\n\n  policyTypes: [Ingress]\n',
      ) +
      '# the next one denies everything\n---\n' +
      policy('  name: deny\n  namespace: shop\n');
    const out = textOf(text);
    for (const comment of [
      '# Policies of the shop',
      '# web only from the frontend',
      'namespace: shop # production',
      '  # every pod',
      '# the next one denies everything',
    ])
      expect(out).toContain(comment);
    expect(out).toContain('  podSelector: {}\n\n  policyTypes: [Ingress]\n');
    expect(out.match(/^---$/gm)).toHaveLength(1);
    expect(out.indexOf('# the next one')).toBeLessThan(out.indexOf('---'));
  });

  it('gives the items of a typed List the kind and apiVersion they inherit, each as a document of its own', () => {
    const list =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicyList\nitems:\n' +
      '# the first\n- metadata: {name: a, namespace: shop}\n  spec: {podSelector: {}}\n' +
      '- kind: NetworkPolicy\n  metadata: {name: b}\n  spec: {podSelector: {}}\n';
    const { objects } = exported(list);
    expect(objects.map((o) => `${o.kind} ${o.namespace}/${o.name}`)).toEqual([
      'NetworkPolicy shop/a',
      'NetworkPolicy default/b',
    ]);
    expect(objects[0]?.text).toBe(
      '# the first\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: shop}\nspec: {podSelector: {}}\n',
    );
    expect(objects[1]?.text).toBe(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: b, namespace: default}\nspec: {podSelector: {}}\n',
    );
  });

  it('writes an item that uses an anchor of another item from its value', () => {
    const list =
      'apiVersion: v1\nkind: List\nitems:\n' +
      `- ${policy('  name: a\n  labels: &labels {team: shop}\n').replaceAll('\n', '\n  ').trimEnd()}\n` +
      `- ${policy('  name: b\n  labels: *labels\n').replaceAll('\n', '\n  ').trimEnd()}\n`;
    const [, second] = exported(list).objects;
    expect(second?.value).toMatchObject({
      metadata: { name: 'b', namespace: 'default', labels: { team: 'shop' } },
    });
    expect(second?.text).not.toContain('*labels');
  });

  it('copies a shared metadata anchor before adding a namespace to it', () => {
    const text = 'x: &meta {name: web}\n' + policy('').replace('metadata:\n', 'metadata: *meta\n');
    const [object] = exported(text).objects;
    expect(object?.text).toContain('x: &meta {name: web}\n');
    expect(object?.value).toMatchObject({ metadata: { name: 'web', namespace: 'default' } });
  });

  it('turns JSON into block YAML, quoting strings only where YAML 1.1 (kubectl) would read something else', () => {
    const json = JSON.stringify({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'web', labels: { enabled: 'yes', mode: '0755', port: '80', team: 'shop' } },
      spec: { podSelector: {}, ingress: [{ from: [] }] },
    });
    const [object] = exported(json).objects;
    expect(object?.text).toBe(
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: default\n  labels:\n' +
        '    enabled: "yes"\n    mode: "0755"\n    port: "80"\n    team: shop\nspec:\n  podSelector: {}\n  ingress:\n    - from: []\n',
    );
    expect(object?.value).toMatchObject({
      metadata: { labels: { enabled: 'yes', mode: '0755', port: '80' } },
    });
  });

  it("keeps the author's layout: list items under their key or not, flow collections padded or not", () => {
    const compact = policy(
      '  name: web\n  namespace: a\n',
      'spec:\n  podSelector: {matchLabels: {app: web}}\n  policyTypes:\n  - Ingress\n',
    );
    expect(textOf(compact)).toBe(compact);
    const indented = policy(
      '  name: web\n  namespace: a\n',
      'spec:\n  podSelector: { matchLabels: { app: web } }\n  policyTypes:\n    - Ingress\n',
    );
    expect(textOf(indented)).toBe(indented);
  });

  it('exports NetworkPolicies of the Kubernetes API only (not Calico’s)', () => {
    const calico = 'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: calico\n';
    const legacy = policy('  name: old\n').replace('networking.k8s.io/v1', 'extensions/v1beta1');
    expect(exported(`${calico}---\n${legacy}`).objects.map((o) => o.name)).toEqual(['old']);
  });

  it('exports one policy by namespace and name, absent namespace meaning default', () => {
    const text = `${policy('  name: web\n  namespace: shop\n')}---\n${policy('  name: web\n')}`;
    const one = exported(text, { kind: 'policy', policyKind: 'NetworkPolicy', namespace: 'default', name: 'web' });
    expect(one.objects.map((o) => o.text)).toEqual([
      expect.stringContaining('  name: web\n  namespace: default\n'),
    ]);
    expect(exported(text, { kind: 'policy', policyKind: 'NetworkPolicy', namespace: 'shop', name: 'nope' }).objects).toEqual([]);
  });

  it('reports documents it cannot read (in the input’s lines) and leaves them out, except when exporting one policy', () => {
    const text = `${policy('  name: web\n')}---\nkind: [oops\n`;
    const { objects, problems } = exported(text);
    expect(objects.map((o) => o.name)).toEqual(['web']);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.range.startLine).toBe(8);
    expect(problems[0]?.message).toMatch(
      /^kubectl could not read this document, so it is left out of the export: /,
    );
    expect(problems[0]?.message).not.toMatch(/evaluation/);
    expect(exported(text, { kind: 'policy', policyKind: 'NetworkPolicy', namespace: 'default', name: 'web' }).problems).toEqual([]);
  });

  it('reports an object without a name, and a second object with the same identity', () => {
    const text = `${policy('  labels: {a: b}\n')}---\n${policy('  name: web\n')}---\n${policy('  name: web\n  namespace: default\n')}`;
    const { problems } = exported(text);
    expect(problems.map((p) => [p.range.startLine, p.object, p.message])).toEqual([
      [3, 'NetworkPolicy', 'metadata.name: required — kubectl cannot apply a NetworkPolicy without a name'],
      [
        18,
        'NetworkPolicy default/web',
        'a second NetworkPolicy default/web: the graph shows the first one, but kubectl apply would leave this one in place of it',
      ],
    ]);
  });

  it('places a path of the value in the input: scalars themselves, collections by their key, missing fields at their parent', () => {
    const text = `${policy('  name: a\n')}---\n${policy('  name: b\n', 'spec:\n  ingress:\n    - ports:\n        - port: true\n')}`;
    const second = exported(text).objects[1]!;
    expect(second.rangeAt(['spec', 'ingress', 0, 'ports', 0, 'port'])).toEqual({
      startLine: 15,
      startColumn: 17,
      endLine: 15,
      endColumn: 21,
    });
    expect(second.rangeAt(['spec', 'ingress'])).toEqual({
      startLine: 13,
      startColumn: 3,
      endLine: 13,
      endColumn: 10,
    });
    expect(second.rangeAt(['spec', 'ingress', '0'])).toEqual({
      startLine: 14,
      startColumn: 7,
      endLine: 14,
      endColumn: 13,
    });
    expect(second.rangeAt(['spec', 'podSelector'])).toEqual({
      startLine: 12,
      startColumn: 1,
      endLine: 12,
      endColumn: 5,
    });
    expect(second.rangeAt(['metadata', 'namespace'])).toEqual({
      startLine: 10,
      startColumn: 1,
      endLine: 10,
      endColumn: 9,
    });
  });
});

describe('exportManifests on random clusters', () => {
  /** The cluster's objects as a YAML stream, a JSON stream or one List, some without a namespace. */
  const inputArb = fc
    .record({
      cluster: clusterArb,
      form: fc.constantFrom('yaml', 'yaml-compact', 'json', 'list'),
      dropNamespace: fc.array(fc.boolean(), { maxLength: 30 }),
    })
    .map(({ cluster, form, dropNamespace }) => {
      const objects = clusterDocs(cluster).map((text, i) => {
        const object = parse(text, { version: '1.1' }) as { metadata: Record<string, unknown> };
        if (dropNamespace[i]) delete object.metadata.namespace;
        return object;
      });
      const yaml = (value: unknown) =>
        stringify(value, { version: '1.1', indentSeq: form !== 'yaml-compact' });
      if (form === 'json') return objects.map((o) => JSON.stringify(o)).join('\n');
      if (form === 'list') return yaml({ apiVersion: 'v1', kind: 'List', items: objects });
      return objects.map(yaml).join('---\n');
    });

  it('never throws, whatever the text', () => {
    const line = fc.constantFrom(
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'kind: NetworkPolicyList',
      'kind: List',
      'items:',
      '- metadata: {name: a}',
      '  - kind: NetworkPolicy',
      'metadata:',
      '  name: x',
      '  namespace:',
      'metadata: *m',
      'x: &m {name: y}',
      '  - &a {b: c}',
      '  - *a',
      '<<: *m',
      '---',
      '...',
      '# c',
      'spec: [',
      'x: "',
      ': :',
      '? [a]',
      '{"kind": "NetworkPolicy", "metadata": {}}',
      '  items: [1, {kind: Pod}]',
      'yes: no',
    );
    const scopes: ExportScope[] = [
      { kind: 'everything' },
      { kind: 'policies' },
      { kind: 'policy', policyKind: 'NetworkPolicy', namespace: 'default', name: 'x' },
    ];
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
        for (const scope of scopes) exportManifests(lines.join('\n'), scope);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) * 5 },
    );
  });

  it('writes every object so that the model reads back the same resources, each policy with its namespace', () => {
    fc.assert(
      fc.property(inputArb, (text) => {
        expect(resourcesOf(textOf(text, { kind: 'everything' }))).toEqual(resourcesOf(text));
        const policies = exported(text).objects;
        expect(resourcesOf(joinDocuments(policies))).toMatchObject({
          policies: (resourcesOf(text) as { policies: unknown }).policies,
        });
        for (const policy of policies)
          expect(policy.value).toMatchObject({ metadata: { namespace: expect.stringMatching(/./) } });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) },
    );
  });
});
