import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifests, splitDocuments } from './index';
import { parseDocument } from './document';
import type { DocumentId } from './source';
import type { NetworkPolicyResource } from './types';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

function parse(text: string) {
  return parseManifests([{ file: 'np.yaml', text }]);
}

function policyOf(text: string): NetworkPolicyResource {
  const { resources, diagnostics } = parse(text);
  const [policy] = resources.policies;
  if (policy === undefined)
    throw new Error(`policy not kept: ${diagnostics.map((d) => d.message).join('; ')}`);
  return policy;
}

const header =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: shop\n';

describe('invalid NetworkPolicies (fixtures/policies-invalid.yaml)', () => {
  const documents = splitDocuments(fixture('policies-invalid.yaml'));
  it.each(
    documents.map((d) => [/# expect: (\S+) \((.*)\)/.exec(d.text)?.slice(1, 3).join(': ') ?? '?', d.text]),
  )('%s', (title, text) => {
    const code = title.split(':')[0];
    const { objects, diagnostics } = parseDocument(text, 0 as DocumentId);
    expect(objects).toEqual([]);
    const error = diagnostics.find((d) => d.code === code);
    expect(error?.severity).toBe('error');
    expect(error?.message).toContain(
      'the API server would reject this NetworkPolicy, so it is left out of the evaluation',
    );
  });
  it('covers every document', () => {
    expect(documents.length).toBeGreaterThan(30);
  });
});

describe('valid NetworkPolicies (fixtures/policies-valid.yaml)', () => {
  const { resources, diagnostics } = parse(fixture('policies-valid.yaml'));
  const byName = new Map(resources.policies.map((p) => [p.name, p]));

  it('keeps them all, with only the host-bits note', () => {
    expect(resources.policies).toHaveLength(7);
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['info cidr-host-bits']);
    expect(diagnostics[0]?.message).toContain('evaluated as 10.1.0.0/16');
  });

  it('keeps absent fields absent', () => {
    const policy = byName.get('default-deny-ingress');
    expect(policy?.podSelector).toEqual({ matchLabels: {}, matchExpressions: [] });
    expect(policy && ['policyTypes', 'ingress', 'egress'].filter((k) => k in policy)).toEqual([]);
    const rule = byName.get('allow-all-to-web')?.ingress?.[0];
    expect(rule && Object.keys(rule)).toEqual(['location']);
  });

  it('keeps empty lists empty', () => {
    const policy = byName.get('empty-lists');
    expect(policy?.ingress?.[0]?.peers).toEqual([]);
    expect(policy?.ingress?.[0]?.ports).toEqual([]);
    expect(policy?.egress).toEqual([]);
  });

  it('reads selectors, peers and ports', () => {
    const policy = byName.get('api-from-frontend');
    expect(policy?.policyTypes).toEqual(['Ingress']);
    expect(policy?.podSelector.matchExpressions).toEqual([
      { key: 'app', operator: 'In', values: ['api', 'api-canary'] },
      { key: 'deprecated', operator: 'DoesNotExist', values: [] },
    ]);
    const [both, podOnly] = policy?.ingress?.[0]?.peers ?? [];
    expect(both?.namespaceSelector?.matchLabels).toEqual({ team: 'payments' });
    expect(both?.podSelector?.matchLabels).toEqual({ app: 'frontend' });
    expect(podOnly && 'namespaceSelector' in podOnly).toBe(false);
    expect(policy?.ingress?.[0]?.ports?.map(({ location: _, ...port }) => port)).toEqual([
      { port: 'http' },
      { protocol: 'TCP', port: 8000, endPort: 8100 },
      { protocol: 'UDP', port: 53 },
      { protocol: 'SCTP' },
    ]);
  });

  it('reads ipBlocks of both families', () => {
    const [v4, v6] = byName.get('egress-to-internet')?.egress?.[0]?.peers ?? [];
    expect(v4?.ipBlock?.cidr.text).toBe('0.0.0.0/0');
    expect(v4?.ipBlock?.except.map((c) => c.text)).toEqual(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']);
    expect(v6?.ipBlock?.cidr).toMatchObject({ family: 6, text: '2001:db8::/32' });
    expect(v6?.ipBlock?.except.map((c) => c.text)).toEqual(['2001:db8:ffff::/48']);
  });
});

describe('NetworkPolicy source ranges', () => {
  const text = `# leading comment
${header}spec:
  podSelector: {}
  ingress:
  - from:
    - podSelector: {}
    ports:
    - port: 80
`;
  const policy = policyOf(text);

  it('covers the whole object, the name, each rule, peer and port', () => {
    // One document from the first line: relative lines are the file's.
    expect(policy.location).toEqual({
      document: expect.any(Number),
      range: { startLine: 2, startColumn: 1, endLine: 13, endColumn: 15 },
    });
    expect(policy.nameLocation.range).toEqual({ startLine: 5, startColumn: 9, endLine: 5, endColumn: 10 });
    const rule = policy.ingress?.[0];
    expect(rule?.location.range).toEqual({ startLine: 10, startColumn: 5, endLine: 13, endColumn: 15 });
    expect(rule?.peers?.[0]?.location.range).toEqual({
      startLine: 11,
      startColumn: 7,
      endLine: 11,
      endColumn: 22,
    });
    expect(rule?.ports?.[0]?.location.range).toEqual({
      startLine: 13,
      startColumn: 7,
      endLine: 13,
      endColumn: 15,
    });
  });

  it('points an error at the offending value', () => {
    const { diagnostics } = parse(text.replace('port: 80', 'port: 99999'));
    expect(diagnostics.map((d) => d.location.range)).toEqual([
      { startLine: 13, startColumn: 13, endLine: 13, endColumn: 18 },
    ]);
  });
});

describe('NetworkPolicy leniency', () => {
  it('warns about unknown fields and keeps the policy', () => {
    const { resources, diagnostics } = parse(
      `${header}spec:\n  podSelector: {}\n  ingres: []\n  ingress:\n  - ports:\n    - port: 80\n      name: web\n`,
    );
    expect(resources.policies).toHaveLength(1);
    expect(diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      ['warning', 'unknown-field', 'unknown field "spec.ingres": the API server drops it'],
      ['warning', 'unknown-field', 'unknown field "spec.ingress[0].ports[0].name": the API server drops it'],
    ]);
  });

  it('reads a null rule as {} with a warning, and an absent podSelector as {}', () => {
    const { resources, diagnostics } = parse(`${header}spec:\n  ingress:\n  -\n`);
    expect(resources.policies[0]?.ingress?.map((r) => Object.keys(r))).toEqual([['location']]);
    expect(resources.policies[0]?.podSelector).toEqual({ matchLabels: {}, matchExpressions: [] });
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning empty-item']);
  });

  it('accepts non-standard CIDRs with a warning', () => {
    const { resources, diagnostics } = parse(
      `${header}spec:\n  ingress:\n  - from:\n    - ipBlock: {cidr: 010.0.0.0/8}\n`,
    );
    expect(resources.policies[0]?.ingress?.[0]?.peers?.[0]?.ipBlock?.cidr.text).toBe('10.0.0.0/8');
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning non-standard-cidr']);
  });

  it('ignores NetworkPolicies of other APIs (Calico) with an info', () => {
    const { resources, diagnostics } = parse(
      'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: x}\n',
    );
    expect(resources.policies).toEqual([]);
    expect(diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['info ignored-kind']);
  });

  it('reports every problem of a rejected policy, not just the first', () => {
    const { diagnostics } = parse(
      `${header}spec:\n  policyTypes: [ingress]\n  ingress:\n  - ports:\n    - protocol: tcp\n`,
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-policy-type', 'invalid-protocol']);
  });
});
