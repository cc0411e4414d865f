/**
 * ConnectivityExpectations (netpol-canvas/v1alpha1) as the model reads them: every form of
 * pattern and ports, and a diagnostic with a range for everything else (issue 12).
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from './index';

const HEAD = 'apiVersion: netpol-canvas/v1alpha1\nkind: ConnectivityExpectations\nmetadata:\n  name: shop\n';
const parse = (text: string) => parseManifests([{ file: 'e.yaml', text }]);
const doc = (items: string) => `${HEAD}spec:\n  expectations:\n${items}`;
const problems = (text: string) => parse(text).diagnostics.map((d) => `${d.severity} ${d.code} ${d.location.range.startLine}`);

/** Strips locations, to compare what was read. */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'location' ? undefined : typeof v === 'bigint' ? `${v}` : v)));

describe('a valid document', () => {
  const text = doc(`  - from: default/client[Pod]
    to: {namespace: default, labels: {app: nginx}}
    ports: [TCP/80, UDP/53, TCP/8000-8080, SCTP]
    expect: allowed
  - to: {labels: {app: db}}
    only: [{namespace: shop, labels: {app: api}}, 10.0.0.0/8, 192.168.1.7]
    ports: [TCP/5432]
  - from: {}
    to: 0.0.0.0-255.255.255.255
    expect: denied
`);

  it('is read whole, outside the cluster resources, without a diagnostic', () => {
    const { expectations, diagnostics, resources } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(resources).toEqual({ namespaces: [], workloads: [], policies: [], clusterPolicies: [] });
    expect(expectations.map((e) => e.name)).toEqual(['shop']);
    expect(plain(expectations[0]!.expectations)).toEqual([
      {
        from: { type: 'endpoint', id: 'default/client[Pod]' },
        to: { type: 'selector', namespace: 'default', labels: { app: 'nginx' } },
        ports: [
          { protocol: 'TCP', first: 80, last: 80 },
          { protocol: 'UDP', first: 53, last: 53 },
          { protocol: 'TCP', first: 8000, last: 8080 },
          { protocol: 'SCTP', first: 1, last: 65535 },
        ],
        expect: 'allowed',
        index: 0,
      },
      {
        to: { type: 'selector', labels: { app: 'db' } },
        ports: [{ protocol: 'TCP', first: 5432, last: 5432 }],
        only: [
          { type: 'selector', namespace: 'shop', labels: { app: 'api' } },
          { type: 'addresses', range: { family: 4, first: '167772160', last: '184549375' }, text: '10.0.0.0/8' },
          { type: 'addresses', range: { family: 4, first: '3232235783', last: '3232235783' }, text: '192.168.1.7' },
        ],
        index: 1,
      },
      {
        from: { type: 'selector', labels: {} },
        to: { type: 'endpoint', id: '0.0.0.0-255.255.255.255' },
        expect: 'denied',
        index: 2,
      },
    ]);
  });

  it('points each expectation at its list item', () => {
    const [first, second] = parse(text).expectations[0]!.expectations;
    expect(first!.location.range.startLine).toBe(7);
    expect(second!.location.range.startLine).toBe(11);
  });
});

describe('what an expectation must say', () => {
  it('exactly one of expect and only', () => {
    expect(problems(doc('  - {from: "a/b[Pod]", to: "a/c[Pod]"}\n'))).toEqual(['error invalid-expectation 7']);
    expect(problems(doc('  - {to: "a/c[Pod]", expect: denied, only: ["a/b[Pod]"]}\n'))).toEqual(['error invalid-expectation 7']);
  });

  it('only needs a to, and at least one source', () => {
    expect(problems(doc('  - {only: ["a/b[Pod]"]}\n'))).toEqual(['error invalid-expectation 7']);
    expect(problems(doc('  - {to: "a/c[Pod]", only: []}\n'))).toEqual(['error invalid-expectation 7']);
  });

  it('expect is allowed or denied', () => {
    const text = doc('  - from: "a/b[Pod]"\n    expect: allow\n');
    expect(problems(text)).toEqual(['error invalid-expectation 8']);
    expect(parse(text).diagnostics[0]!.message).toContain('write allowed or denied');
  });

  it('a document needs expectations', () => {
    expect(problems(`${HEAD}spec:\n  expectations: []\n`)).toEqual(['error missing-field 6']);
    expect(problems(HEAD)).toEqual(['error missing-field 1']);
  });

  it('a bad document is left out whole, and says so', () => {
    const { expectations, diagnostics } = parse(doc('  - {from: "a/b[Pod]"}\n'));
    expect(expectations).toEqual([]);
    expect(diagnostics[0]!.message).toMatch(/none of the expectations in this document is checked$/);
  });
});

describe('patterns and ports that do not read', () => {
  it('a pattern that is no id, address or selector', () => {
    const text = doc('  - {from: client, to: "a/c[Pod]", expect: allowed}\n');
    expect(problems(text)).toEqual(['error invalid-endpoint-pattern 7']);
    expect(parse(text).diagnostics[0]!.message).toContain('namespace/name[Kind]');
    expect(problems(doc('  - {from: 10.0.0.0/33, to: "a/c[Pod]", expect: allowed}\n'))).toEqual([
      'error invalid-endpoint-pattern 7',
    ]);
  });

  it('selector fields and labels are checked', () => {
    expect(problems(doc('  - {from: {ns: x}, to: "a/c[Pod]", expect: allowed}\n'))).toEqual([
      'error unknown-expectation-field 7',
    ]);
    expect(problems(doc('  - {from: {labels: {"a b": x}}, to: "a/c[Pod]", expect: allowed}\n'))).toEqual([
      'error invalid-label-key 7',
    ]);
  });

  it.each([['tcp/80'], ['TCP/0'], ['TCP/90-80'], ['TCP/70000'], ['80'], ['HTTP/80'], ['TCP/http']])(
    'ports item %s',
    (written) => {
      const text = doc(`  - from: "a/b[Pod]"\n    ports: ["${written}"]\n    expect: denied\n`);
      expect(problems(text)).toEqual(['error invalid-expected-ports 8']);
    },
  );

  it('an empty ports list, and a misspelt field, are errors: both would check something else', () => {
    expect(problems(doc('  - {from: "a/b[Pod]", ports: [], expect: denied}\n'))).toEqual(['error invalid-expected-ports 7']);
    expect(problems(doc('  - {from: "a/b[Pod]", expects: denied}\n'))).toEqual([
      'error unknown-expectation-field 7',
      'error invalid-expectation 7',
    ]);
  });
});

describe('an endpoint id in flow style', () => {
  it('unquoted, breaks the YAML: the first error teaches the quoting, once', () => {
    for (const items of ['  - {from: default/client[Pod], expect: denied}\n', '  - {to: "a/b[Pod]", only: [shop/api[Deployment]]}\n']) {
      const errors = parse(doc(items)).diagnostics.filter((d) => d.code === 'yaml-syntax');
      const taught = errors.filter((d) => d.message.includes('quote the endpoint id'));
      expect(taught).toHaveLength(1);
      expect(taught[0]).toBe(errors[0]);
      expect(taught[0]!.message).toMatch(/YAML reads the brackets of [a-z/]+\[\w+\] as a list: quote the endpoint id, "[a-z/]+\[\w+\]"/);
    }
  });

  it('quoted, or in block style, reads; other syntax errors are not taught it', () => {
    expect(problems(doc('  - {from: "default/client[Pod]", expect: denied}\n'))).toEqual([]);
    expect(problems(doc('  - from: default/client[Pod]\n    expect: denied\n'))).toEqual([]);
    const other = parse(doc('  - {from: "default/client[Pod]", expect: denied\n')).diagnostics;
    expect(other.some((d) => d.code === 'yaml-syntax')).toBe(true);
    expect(other.some((d) => d.message.includes('quote the endpoint id'))).toBe(false);
  });
});

describe('as a kind', () => {
  it('another version is not served', () => {
    const text = `apiVersion: netpol-canvas/v1\nkind: ConnectivityExpectations\nmetadata: {name: x}\nspec: {expectations: [{expect: denied}]}\n`;
    expect(problems(text)).toEqual(['error unsupported-api-version 1']);
  });

  it('two documents with one name are one too many', () => {
    const one = doc('  - {expect: denied}\n');
    const { diagnostics } = parse(`${one}---\n${one}`);
    expect(diagnostics.map((d) => d.code)).toEqual(['duplicate-object']);
    expect(diagnostics[0]!.message).toContain('duplicate of the object at line 4 of e.yaml');
  });
});
