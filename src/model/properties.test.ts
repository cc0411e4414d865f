import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { locator, parseManifests } from './index';
import type { ModelResult } from './index';
import type { SourceRange } from './source';

/** Invariants of any result: nothing thrown (implicit), ranges inside the text, nothing kept that has an error. */
function checkResult(text: string, result: ModelResult): void {
  const lineCount = text.split('\n').length;
  const locate = locator(result.documents);
  for (const d of result.diagnostics) {
    expect(locate(d.location).file).toBe('f');
    const { startLine, endLine } = locate(d.location).range;
    expect(startLine).toBeGreaterThanOrEqual(1);
    expect(endLine).toBeGreaterThanOrEqual(startLine);
    expect(endLine).toBeLessThanOrEqual(lineCount);
  }
  const { namespaces, workloads, policies, clusterPolicies } = result.resources;
  const kept = [...namespaces, ...workloads, ...policies, ...clusterPolicies];
  const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => locate(d.location).range);
  for (const object of kept) {
    expect(errors.filter((e) => inside(e, locate(object.location).range))).toEqual([]);
  }
}

function inside(inner: SourceRange, outer: SourceRange): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 <= c2);
  return (
    before(outer.startLine, outer.startColumn, inner.startLine, inner.startColumn) &&
    before(inner.endLine, inner.endColumn, outer.endLine, outer.endColumn)
  );
}

function parse(text: string): ModelResult {
  const result = parseManifests([{ file: 'f', text }]);
  checkResult(text, result);
  return result;
}

const YAML_TOKENS = [
  '---\n',
  '...\n',
  '- ',
  ': ',
  '\n',
  '  ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '#',
  '&a ',
  '*a',
  '<<: ',
  '? ',
  '|\n',
  '>-\n',
  '!!str ',
  '!x ',
  '%YAML 1.1\n',
  '\t',
  'null',
  '~',
  'yes',
  '0x1F',
  '1e3',
  '80',
  'apiVersion: v1\n',
  'apiVersion: networking.k8s.io/v1\n',
  'kind: NetworkPolicy\n',
  'kind: Pod\n',
  'kind: List\n',
  'items:\n',
  'metadata:\n  name: a\n',
  'spec:\n',
  'podSelector: {}\n',
  'ingress:\n',
  'from:\n',
  'ports:\n',
  'port: http\n',
  'ipBlock:\n',
  'cidr: 10.0.0.0/8\n',
  '\u0000',
  '\ufeff',
  '\r\n',
];

const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'labels',
  'spec',
  'status',
  'podSelector',
  'namespaceSelector',
  'matchLabels',
  'matchExpressions',
  'key',
  'operator',
  'values',
  'policyTypes',
  'ingress',
  'egress',
  'from',
  'to',
  'ports',
  'port',
  'endPort',
  'protocol',
  'ipBlock',
  'cidr',
  'except',
  'template',
  'jobTemplate',
  'containers',
  'initContainers',
  'containerPort',
  'restartPolicy',
  'ownerReferences',
  'controller',
  'uid',
  'annotations',
  'podIP',
  'podIPs',
  'ip',
  'items',
  'app',
  // Cluster-wide policies.
  'tier',
  'priority',
  'subject',
  'namespaces',
  'pods',
  'action',
  'protocols',
  'tcp',
  'udp',
  'destinationPort',
  'destinationNamedPort',
  'number',
  'range',
  'start',
  'end',
  'networks',
  'nodes',
  'domainNames',
  'portNumber',
  'portRange',
  'namedPort',
];

const SCALARS = fc.oneof(
  fc.constantFrom(
    'v1',
    'apps/v1',
    'batch/v1',
    'networking.k8s.io/v1',
    'Pod',
    'Deployment',
    'CronJob',
    'NetworkPolicy',
    'Namespace',
    'List',
    'PodList',
    'In',
    'NotIn',
    'Exists',
    'Bogus',
    'Ingress',
    'Egress',
    'Admin',
    'Baseline',
    'Accept',
    'Allow',
    'Deny',
    'Pass',
    'default',
    'example.com',
    'TCP',
    'tcp',
    'http',
    '80',
    'Always',
    '10.0.0.0/8',
    '10.0.0.1/8',
    '::ffff:1.2.3.4/120',
    'fd00::/8',
    '1.2.3',
    'web',
    '',
  ),
  fc.integer({ min: -2, max: 70_000 }),
  fc.boolean(),
  fc.constant(null),
);

/** Objects that look like Kubernetes manifests, to reach deep into the readers. */
const manifestLike = fc.letrec<{ value: unknown; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    SCALARS,
    tie('object'),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
  object: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
})).object;

describe('parseManifests never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void parse(text)),
      { numRuns: 300 },
    );
  });

  it('on YAML-ish token soup', () => {
    const soup = fc
      .array(fc.constantFrom(...YAML_TOKENS), { maxLength: 40 })
      .map((tokens) => tokens.join(''));
    fc.assert(
      fc.property(soup, (text) => void parse(text)),
      { numRuns: 500 },
    );
  });

  it('on arbitrary JSON values dumped to YAML or JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, asJson) => {
        parse(asJson ? (JSON.stringify(value) ?? '') : stringify(value));
      }),
      { numRuns: 200 },
    );
  });

  it('on manifest-shaped objects of every supported kind', () => {
    const kinds = fc.constantFrom(
      ['v1', 'Namespace'],
      ['v1', 'Pod'],
      ['apps/v1', 'Deployment'],
      ['batch/v1', 'CronJob'],
      ['networking.k8s.io/v1', 'NetworkPolicy'],
      ['policy.networking.k8s.io/v1alpha2', 'ClusterNetworkPolicy'],
      ['policy.networking.k8s.io/v1alpha1', 'AdminNetworkPolicy'],
      ['policy.networking.k8s.io/v1alpha1', 'BaselineAdminNetworkPolicy'],
      ['v1', 'List'],
      ['v1', 'PodList'],
    );
    fc.assert(
      fc.property(
        kinds,
        manifestLike,
        manifestLike,
        manifestLike,
        ([apiVersion, kind], metadata, spec, rest) => {
          parse(stringify({ apiVersion, kind, metadata: { name: 'a', ...metadata }, spec, ...rest }));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on cluster policies whose rules, peers and ports are manifest-shaped', () => {
    const kinds = fc.constantFrom(
      ['policy.networking.k8s.io/v1alpha2', 'ClusterNetworkPolicy'],
      ['policy.networking.k8s.io/v1alpha1', 'AdminNetworkPolicy'],
      ['policy.networking.k8s.io/v1alpha1', 'BaselineAdminNetworkPolicy'],
    );
    const rule = fc.record(
      {
        action: fc.constantFrom('Accept', 'Allow', 'Deny', 'Pass'),
        from: fc.array(manifestLike, { maxLength: 3 }),
        to: fc.array(manifestLike, { maxLength: 3 }),
        protocols: fc.array(manifestLike, { maxLength: 3 }),
        ports: fc.array(manifestLike, { maxLength: 3 }),
      },
      { requiredKeys: ['action'] },
    );
    const spec = fc.record(
      {
        tier: fc.constantFrom('Admin', 'Baseline', 'admin'),
        priority: fc.integer({ min: -1, max: 1001 }),
        subject: manifestLike,
        ingress: fc.array(rule, { maxLength: 3 }),
        egress: fc.array(rule, { maxLength: 3 }),
      },
      { requiredKeys: ['subject'] },
    );
    fc.assert(
      fc.property(kinds, spec, ([apiVersion, kind], value) => {
        parse(stringify({ apiVersion, kind, metadata: { name: 'default' }, spec: value }));
      }),
      { numRuns: 300 },
    );
  });
});
