import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, MAX_INPUT_CHARS, locator, parseManifests, type ModelResult } from './index';
import { parseDocument } from './document';
import type { DocumentId, SourceLocation } from './source';

const fixturesDir = new URL('../../fixtures/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, fixturesDir), 'utf8');
const modelFixtures = readdirSync(fixturesDir).filter((f) => /\.(ya?ml|json)$/.test(f));

const codes = (result: ModelResult) => result.diagnostics.map((d) => `${d.severity} ${d.code}`);

/** Every SourceLocation anywhere in a result's resources and diagnostics. */
function locations(value: unknown): SourceLocation[] {
  if (typeof value !== 'object' || value === null) return [];
  if ('document' in value && 'range' in value) return [value as SourceLocation];
  return Object.values(value).flatMap(locations);
}

const ns = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${extra}`;
const pod = (name: string, namespace?: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}` +
  'spec: {containers: [{name: main, image: nginx}]}\n';

describe('parseManifests', () => {
  it('places every location in its input file', () => {
    const result = parseManifests([
      { file: 'a.yaml', text: fixture('kubectl-list.yaml') },
      { file: 'b.yaml', text: fixture('policies-valid.yaml') },
    ]);
    const locate = locator(result.documents);
    const all = locations({ resources: result.resources, diagnostics: result.diagnostics });
    expect(all.length).toBeGreaterThan(40);
    expect(new Set(all.map((l) => locate(l).file))).toEqual(new Set(['a.yaml', 'b.yaml']));
    expect(result.resources.policies.filter((p) => locate(p.location).file === 'b.yaml')).toHaveLength(7);
  });

  it('puts objects without metadata.namespace in default', () => {
    const { resources } = parseManifests([{ file: 'f', text: pod('p') }]);
    expect(resources.workloads[0]?.namespace).toBe('default');
  });

  it('evaluates only the first of duplicates (same kind, namespace and name), even across files', () => {
    const result = parseManifests([
      { file: 'one.yaml', text: `${pod('web')}---\n${pod('web', 'other')}---\n${ns('web')}` },
      { file: 'two.yaml', text: `# again\n${pod('web', 'default')}` },
    ]);
    expect(result.resources.workloads.map((w) => `${w.namespace}/${w.name}`)).toEqual([
      'default/web',
      'other/web',
    ]);
    expect(result.resources.namespaces).toHaveLength(1);
    expect(codes(result)).toEqual(['error duplicate-object']);
    const [duplicate] = result.diagnostics;
    expect(duplicate?.message).toBe(
      'Pod "default/web" is a duplicate of the object at line 4 of one.yaml; only the first one ' +
        'is evaluated (kubectl create would refuse the second; kubectl apply would overwrite the first)',
    );
    expect(duplicate?.severity).toBe('error');
    expect(locator(result.documents)(duplicate!.location)).toEqual({
      file: 'two.yaml',
      range: { startLine: 5, startColumn: 9, endLine: 5, endColumn: 12 },
    });
  });

  it('does not let a rejected object claim its name', () => {
    const result = parseManifests([
      { file: 'f', text: `${ns('x', '  labels: {"bad key": v}\n')}---\n${ns('x')}` },
    ]);
    expect(result.resources.namespaces.map((n) => n.name)).toEqual(['x']);
    expect(codes(result)).toEqual(['error invalid-label-key']);
  });

  it('reads namespaces with their labels', () => {
    const { resources } = parseManifests([{ file: 'f', text: ns('shop', '  labels: {team: payments}\n') }]);
    expect(resources.namespaces).toEqual([
      {
        name: 'shop',
        labels: { team: 'payments' },
        location: { document: expect.any(Number), range: { startLine: 1, startColumn: 1, endLine: 5, endColumn: 27 } },
      },
    ]);
  });

  it.each([
    ['apiVersion: v1\nkind: Service\nmetadata: {name: s}\n', 'info ignored-kind'],
    ['apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n', 'info ignored-kind'],
    ['apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\n', 'error unsupported-api-version'],
    ['apiVersion: apps/v1\nkind: Pod\nmetadata: {name: p}\n', 'error unsupported-api-version'],
    ['kind: Pod\nmetadata: {name: p}\n', 'error missing-api-version'],
    ['apiVersion: v1\nmetadata: {name: p}\n', 'error missing-kind'],
    ['apiVersion: v1\nkind: 3\n', 'error wrong-type'],
    ['just a string\n', 'error not-an-object'],
    [
      'apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-}\nspec: {containers: [{name: a}]}\n',
      'error missing-name',
    ],
  ])('decides by kind and apiVersion: %j', (text, expected) => {
    const result = parseManifests([{ file: 'f', text }]);
    expect(codes(result)).toEqual([expected]);
    expect(locations(result.resources)).toEqual([]);
  });

  it('refuses oversized and binary input with one diagnostic each, and reads the rest', () => {
    const result = parseManifests([
      { file: 'big.yaml', text: `a: ${'x'.repeat(MAX_INPUT_CHARS)}` },
      { file: 'image.png', text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' },
      { file: 'latin1.yaml', text: '\ufffd\ufffd\u0001\u0002\ufffd\u0003kind: Pod' },
      { file: 'ok.yaml', text: ns('fine') },
    ]);
    const locate = locator(result.documents);
    expect(result.diagnostics.map((d) => `${locate(d.location).file} ${d.code}`)).toEqual([
      'big.yaml input-too-large',
      'image.png binary-input',
      'latin1.yaml binary-input',
    ]);
    expect(result.resources.namespaces.map((n) => n.name)).toEqual(['fine']);
  });

  it('keeps a syntax error inside its document (fixtures/broken-stream.yaml)', () => {
    const result = parseManifests([{ file: 'f', text: fixture('broken-stream.yaml') }]);
    expect(result.resources.namespaces.map((n) => n.name)).toEqual(['a']);
    expect(result.resources.workloads.map((w) => w.name)).toEqual(['ok']);
    expect(new Set(codes(result))).toEqual(new Set(['error yaml-syntax']));
    const locate = locator(result.documents);
    for (const d of result.diagnostics) {
      expect(locate(d.location).range.startLine).toBeGreaterThanOrEqual(8);
      expect(locate(d.location).range.endLine).toBeLessThanOrEqual(12);
    }
  });

  it('survives an alias bomb (fixtures/alias-bomb.yaml)', () => {
    const result = parseManifests([{ file: 'f', text: fixture('alias-bomb.yaml') }]);
    expect(codes(result)).toEqual(['error yaml-limit']);
    expect(result.resources.namespaces.map((n) => n.name)).toEqual(['after-the-bomb']);
  });

  it('reads JSON (fixtures/manifests.json)', () => {
    const { resources, diagnostics } = parseManifests([{ file: 'f.json', text: fixture('manifests.json') }]);
    expect(diagnostics).toEqual([]);
    expect(resources.namespaces.map((n) => n.labels)).toEqual([{ env: 'prod' }]);
    expect(resources.workloads[0]?.ports).toEqual([{ name: 'http', port: 8080 }]);
    expect(resources.policies[0]?.ingress?.[0]?.peers?.[0]?.ipBlock?.cidr.text).toBe('192.168.0.0/16');
  });

  it('emits only documented codes, with their documented severity', () => {
    const texts = modelFixtures.map((f) => ({ file: f, text: fixture(f) }));
    const seen = parseManifests(texts).diagnostics;
    expect(seen.length).toBeGreaterThan(30);
    for (const d of seen) {
      expect(Object.keys(DIAGNOSTIC_CODES)).toContain(d.code);
      expect(DIAGNOSTIC_CODES[d.code as keyof typeof DIAGNOSTIC_CODES]).toMatch(
        new RegExp(`^${d.severity}:`),
      );
    }
  });
});

describe('parseDocument', () => {
  it('locates everything in its document, relative to the document', () => {
    const parsed = parseDocument('\n\napiVersion: v1\nkind: Namespace\nmetadata: {name: ns1}\n', 7 as DocumentId);
    expect(parsed.objects[0]?.nameLocation).toEqual({
      document: 7,
      range: { startLine: 5, startColumn: 18, endLine: 5, endColumn: 21 },
    });
  });
});

describe('JSON streams', () => {
  it('reads fixtures/json-stream.json: one document per object, at its own lines', () => {
    const { resources, diagnostics, documents } = parseManifests([
      { file: 's.json', text: fixture('json-stream.json') },
    ]);
    const lines = ({ location }: { location: SourceLocation }) => {
      const { range } = locator(documents)(location);
      return [range.startLine, range.endLine];
    };
    expect(diagnostics).toEqual([]);
    expect(resources.namespaces.map((n) => n.name)).toEqual(['stream']);
    expect(resources.workloads.map((w) => [w.name, ...lines(w)])).toEqual([['api', 2, 7]]);
    expect(resources.workloads[0]?.ports).toEqual([{ name: 'http', port: 8080 }]);
    expect(resources.policies.map((p) => [p.name, ...lines(p)])).toEqual([['api-http', 8, 16]]);
  });

  it('reads several JSON objects one after another, as kubectl does, with their own lines', () => {
    const namespace = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } });
    const workload = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'a' },
        spec: { containers: [{ name: 'main', image: 'nginx' }] },
      },
      null,
      2,
    );
    const result = parseManifests([{ file: 's.json', text: `${namespace}\n${workload}\n` }]);
    expect(result.diagnostics).toEqual([]);
    expect(result.resources.namespaces.map((n) => n.name)).toEqual(['a']);
    const locate = locator(result.documents);
    expect(result.resources.workloads.map((w) => [w.name, locate(w.location).range.startLine])).toEqual([['p', 2]]);
  });
});
