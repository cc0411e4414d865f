/**
 * Cluster-wide policies: ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2) and
 * AdminNetworkPolicy / BaselineAdminNetworkPolicy (v1alpha1), as kubernetes-sigs/network-policy-api
 * defines them (v0.2.0 and v0.1.8 CRDs: schema, CEL rules and the standard/experimental channels).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManifestParser, locator, parseManifests, splitDocuments } from './index';
import { parseDocument } from './document';
import type { DocumentId } from './source';
import type { ClusterPolicyResource } from './types';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

const parse = (text: string) => parseManifests([{ file: 'c.yaml', text }]);
const codes = (text: string) => parse(text).diagnostics.map((d) => `${d.severity} ${d.code}`);
const messages = (text: string) => parse(text).diagnostics.map((d) => `${d.severity} ${d.code}: ${d.message}`);
const kept = (text: string) => parse(text).resources.clusterPolicies.map((p) => `${p.kind} ${p.name}`);

function policyOf(text: string): ClusterPolicyResource {
  const { resources, diagnostics } = parse(text);
  const [policy] = resources.clusterPolicies;
  if (policy === undefined) throw new Error(`policy not kept: ${diagnostics.map((d) => d.message).join('; ')}`);
  return policy;
}

/** Strips locations, to compare what was read. */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'location' ? undefined : v)));

const ALL = { matchLabels: {}, matchExpressions: [] };
const CNP = 'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: p\n';
const ANP = 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: p\n';
const BANP = 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata:\n  name: default\n';
const cnp = (rules: string, subject = '    namespaces: {}\n') =>
  `${CNP}spec:\n  tier: Admin\n  priority: 10\n  subject:\n${subject}${rules}`;
const anp = (rules: string, subject = '    namespaces: {}\n') => `${ANP}spec:\n  priority: 10\n  subject:\n${subject}${rules}`;
const banp = (rules: string) => `${BANP}spec:\n  subject:\n    namespaces: {}\n${rules}`;

/** The 1-based line and column of the first `needle` in `text`, and the column after it. */
function find(text: string, needle: string) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  const column = lines[line]!.indexOf(needle) + 1;
  return { startLine: line + 1, startColumn: column, endLine: line + 1, endColumn: column + needle.length };
}

describe('valid cluster policies (fixtures/cluster-policies.yaml)', () => {
  const { resources, diagnostics } = parse(fixture('cluster-policies.yaml'));
  const [admin, baseline, anpPolicy, banpPolicy] = resources.clusterPolicies;

  it('keeps all four, in input order, without a diagnostic', () => {
    expect(diagnostics).toEqual([]);
    expect(resources.clusterPolicies.map((p) => [p.kind, p.name, p.tier, p.priority])).toEqual([
      ['ClusterNetworkPolicy', 'admin-guardrails', 'Admin', 10],
      ['ClusterNetworkPolicy', 'baseline-isolation', 'Baseline', 50],
      ['AdminNetworkPolicy', 'sre-access', 'Admin', 5],
      ['BaselineAdminNetworkPolicy', 'default', 'Baseline', 0],
    ]);
    expect(resources.policies).toEqual([]);
  });

  it('reads a v1alpha2 Admin policy: subject, actions, peers and protocols in order', () => {
    expect(plain(admin?.subject)).toEqual({ namespaces: { matchLabels: { env: 'prod' }, matchExpressions: [] } });
    expect(plain(admin?.ingress)).toEqual([
      {
        name: 'deny-untrusted',
        action: 'Deny',
        peers: [{ kind: 'pods', namespaces: { matchLabels: { team: 'untrusted' }, matchExpressions: [] } }],
      },
      {
        name: 'accept-monitoring',
        action: 'Accept',
        // An absent namespaceSelector is {}: all namespaces.
        peers: [{ kind: 'pods', namespaces: ALL, pods: { matchLabels: { app: 'prometheus' }, matchExpressions: [] } }],
        ports: [
          { kind: 'number', protocol: 'TCP', port: 9090 },
          { kind: 'named', name: 'metrics' },
        ],
      },
      { name: 'pass-the-rest', action: 'Pass', peers: [{ kind: 'pods', namespaces: ALL }] },
    ]);
    const [accept, deny] = admin?.egress ?? [];
    const [networks] = accept?.peers ?? [];
    expect(networks?.kind === 'networks' && networks.cidrs.map((c) => `${c.family} ${c.text}`)).toEqual([
      '4 10.0.0.0/8',
      '6 2001:db8::/32',
    ]);
    expect(plain(accept?.ports)).toEqual([
      { kind: 'number', protocol: 'UDP', port: 53 },
      { kind: 'number', protocol: 'TCP', port: 8000, endPort: 8100 },
    ]);
    // No `protocols`: every protocol and port.
    expect(deny && 'ports' in deny).toBe(false);
    expect(deny?.action).toBe('Deny');
  });

  it('reads a Baseline subject with both selectors', () => {
    expect(plain(baseline?.subject)).toEqual({
      namespaces: {
        matchLabels: {},
        matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] }],
      },
      pods: ALL,
    });
    expect(baseline?.egress.map((r) => r.action)).toEqual(['Accept', 'Deny']);
    expect(baseline?.ingress.map((r) => r.action)).toEqual(['Deny']);
  });

  it('reads v1alpha1: Allow as Accept, the TCP default, ranges, the kind as tier', () => {
    expect(plain(anpPolicy?.ingress)).toEqual([
      {
        name: 'allow-sre',
        action: 'Accept',
        peers: [{ kind: 'pods', namespaces: { matchLabels: { team: 'sre' }, matchExpressions: [] }, pods: ALL }],
        ports: [
          { kind: 'number', protocol: 'TCP', port: 443 },
          { kind: 'number', protocol: 'UDP', port: 5000, endPort: 5100 },
        ],
      },
    ]);
    expect(anpPolicy?.egress.map((r) => r.action)).toEqual(['Pass']);
    expect(banpPolicy?.egress.map((r) => r.action)).toEqual(['Accept']);
  });
});

describe('rejected cluster policies (fixtures/cluster-policies-invalid.yaml)', () => {
  const documents = splitDocuments(fixture('cluster-policies-invalid.yaml'));
  it.each(
    documents.map((d) => [/# expect: (\S+) \((.*)\)/.exec(d.text)?.slice(1, 3).join(': ') ?? '?', d.text]),
  )('%s', (title, text) => {
    const code = title.split(':')[0];
    const { objects, diagnostics } = parseDocument(text, 0 as DocumentId);
    expect(objects).toEqual([]);
    const error = diagnostics.find((d) => d.code === code && d.severity === 'error');
    expect(error, diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')).toBeDefined();
    const kind = /^kind: (\w+)$/m.exec(text)?.[1];
    expect(error?.message).toMatch(
      new RegExp(`the API server (would reject|accepts) this ${kind}\\b.*so it is left out of the evaluation$`),
    );
  });

  it('covers every document', () => {
    expect(documents.length).toBeGreaterThan(50);
  });
});

describe('kinds and versions', () => {
  it('rejects a group/version that does not serve the kind', () => {
    expect(messages(CNP.replace('v1alpha2', 'v1alpha1'))).toEqual([
      'error unsupported-api-version: ClusterNetworkPolicy is not served as policy.networking.k8s.io/v1alpha1: ' +
        'use apiVersion policy.networking.k8s.io/v1alpha2 — the API server would reject this ClusterNetworkPolicy, ' +
        'so it is left out of the evaluation',
    ]);
    expect(codes(BANP.replace('v1alpha1', 'v1beta1'))).toEqual(['error unsupported-api-version']);
  });

  it('ignores a kind of the same name in another API', () => {
    const text = cnp('').replace('policy.networking.k8s.io/v1alpha2', 'example.com/v1');
    expect(codes(text)).toEqual(['info ignored-kind']);
  });

  it('reads the items of List and of typed lists, which inherit kind and apiVersion', () => {
    const typed =
      'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicyList\nitems:\n' +
      '- metadata: {name: a}\n  spec: {tier: Baseline, priority: 3, subject: {namespaces: {}}}\n' +
      '- metadata: {name: b}\n  spec: {tier: Admin, priority: 4, subject: {namespaces: {}}}\n';
    expect(codes(typed)).toEqual([]);
    expect(kept(typed)).toEqual(['ClusterNetworkPolicy a', 'ClusterNetworkPolicy b']);
    const anpList =
      'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicyList\nitems:\n' +
      '- metadata: {name: a}\n  spec: {priority: 1, subject: {namespaces: {}}}\n';
    expect(kept(anpList)).toEqual(['AdminNetworkPolicy a']);
    const list =
      'apiVersion: v1\nkind: List\nitems:\n' +
      '- apiVersion: policy.networking.k8s.io/v1alpha1\n  kind: BaselineAdminNetworkPolicy\n' +
      '  metadata: {name: default}\n  spec: {subject: {namespaces: {}}}\n';
    expect(kept(list)).toEqual(['BaselineAdminNetworkPolicy default']);
  });
});

describe('metadata', () => {
  it('ignores metadata.namespace of these cluster-scoped kinds, with a note', () => {
    const text = cnp('').replace('  name: p\n', '  name: p\n  namespace: shop\n');
    expect(messages(text)).toEqual([
      'info cluster-scoped-namespace: metadata.namespace is ignored: a ClusterNetworkPolicy is cluster-scoped, and the API server clears it',
    ]);
    expect(kept(text)).toEqual(['ClusterNetworkPolicy p']);
  });

  it('names them like DNS subdomains (custom resources), so dots are fine', () => {
    expect(kept(cnp('').replace('name: p', 'name: team.a-policy'))).toEqual(['ClusterNetworkPolicy team.a-policy']);
  });

  it('identifies them by kind and name: a duplicate is left out, the same name in another kind is not one', () => {
    const result = parseManifests([
      { file: 'one.yaml', text: `${cnp('')}---\n${anp('')}` },
      { file: 'two.yaml', text: cnp('') },
    ]);
    expect(result.resources.clusterPolicies.map((p) => `${p.kind} ${p.name}`)).toEqual([
      'ClusterNetworkPolicy p',
      'AdminNetworkPolicy p',
    ]);
    expect(result.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([
      'duplicate-object: ClusterNetworkPolicy "p" is a duplicate of the object at line 4 of one.yaml; only the first ' +
        'one is evaluated (kubectl create would refuse the second; kubectl apply would overwrite the first)',
    ]);
  });

  it('keeps an edited policy at its last valid version while its document has errors', () => {
    const parser = new ManifestParser();
    parser.parse([{ file: 'c.yaml', text: cnp('') }]);
    const result = parser.parse([{ file: 'c.yaml', text: cnp('').replace('priority: 10', 'priority: 1001') }]);
    expect(result.resources.clusterPolicies.map((p) => p.priority)).toEqual([10]);
    expect(result.heldBack.map((h) => `${h.kind} ${h.name}`)).toEqual(['ClusterNetworkPolicy p']);
  });
});

describe('spec limits', () => {
  const rules = (n: number) => `  ingress:\n${'  - {action: Deny, from: [{namespaces: {}}]}\n'.repeat(n)}`;

  it('allows 25 rules per direction in v1alpha2 and 100 in v1alpha1', () => {
    expect(kept(cnp(rules(25)))).toEqual(['ClusterNetworkPolicy p']);
    expect(codes(cnp(rules(26)))).toEqual(['error too-many-items']);
    expect(kept(anp(rules(100)))).toEqual(['AdminNetworkPolicy p']);
    expect(messages(anp(rules(101)))).toEqual([
      'error too-many-items: spec.ingress: must have at most 100 items, not 101 — the API server would reject this ' +
        'AdminNetworkPolicy, so it is left out of the evaluation',
    ]);
  });

  it('points at the first item over the limit', () => {
    const text = cnp(rules(26));
    const { diagnostics, documents } = parse(text);
    expect(locator(documents)(diagnostics[0]!.location).range.startLine).toBe(text.split('\n').length - 1);
  });

  it('accepts priorities 0 and 1000, and a policy with no rules', () => {
    expect(policyOf(cnp('').replace('priority: 10', 'priority: 0')).priority).toBe(0);
    const policy = policyOf(cnp('').replace('priority: 10', 'priority: 1000'));
    expect([policy.priority, policy.ingress, policy.egress]).toEqual([1000, [], []]);
  });

  it('gives a BaselineAdminNetworkPolicy priority 0, and warns about a priority written on it', () => {
    const text = banp('').replace('spec:\n', 'spec:\n  priority: 3\n');
    expect(codes(text)).toEqual(['warning unknown-field']);
    expect(policyOf(text).priority).toBe(0);
  });

  it('reads a null list as absent, and rejects a null item', () => {
    expect(policyOf(cnp('  ingress: null\n')).ingress).toEqual([]);
    expect(codes(cnp('  ingress:\n  - action: Deny\n    from: [null]\n'))).toEqual(['error wrong-type']);
  });

  it('warns about fields of the other version, which the API server drops, saying what that costs', () => {
    const text = cnp('  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n    ports: [{portNumber: {port: 80}}]\n');
    expect(messages(text)).toEqual([
      'warning unknown-field: unknown field "spec.ingress[0].ports": the API server drops it, so this rule matches every port — ClusterNetworkPolicy rules name their ports `protocols`',
    ]);
    expect(policyOf(text).ingress[0] && 'ports' in policyOf(text).ingress[0]!).toBe(false);
  });

  it('reports every problem of a rejected policy, not just the first', () => {
    const text = `${CNP}spec:\n  tier: Top\n  priority: 2000\n  subject: {}\n`;
    expect(codes(text)).toEqual(['error invalid-tier', 'error invalid-priority', 'error invalid-subject']);
  });
});

describe('peers and subjects', () => {
  it('keeps a v1alpha1 pods selector without podSelector or namespaceSelector, read as {}, with a warning', () => {
    const text = anp(
      '  ingress:\n  - action: Allow\n    from:\n    - pods:\n        namespaceSelector: {matchLabels: {a: b}}\n',
      '    pods:\n      podSelector: {matchLabels: {app: web}}\n',
    );
    expect(messages(text)).toEqual([
      'warning missing-selector: spec.subject.pods.namespaceSelector is required: the API server would reject this ' +
        'AdminNetworkPolicy (it is still evaluated, the missing selector read as {}, which selects all namespaces, as ' +
        'netpol-analyzer reads it)',
      'warning missing-selector: spec.ingress[0].from[0].pods.podSelector is required: the API server would reject ' +
        'this AdminNetworkPolicy (it is still evaluated, the missing selector read as {}, which selects all pods, as ' +
        'netpol-analyzer reads it)',
    ]);
    const policy = policyOf(text);
    expect(plain(policy.subject)).toEqual({ namespaces: ALL, pods: { matchLabels: { app: 'web' }, matchExpressions: [] } });
    expect(plain(policy.ingress[0]?.peers)).toEqual([
      { kind: 'pods', namespaces: { matchLabels: { a: 'b' }, matchExpressions: [] }, pods: ALL },
    ]);
  });

  it('reads an absent v1alpha2 namespaceSelector as {} without a word', () => {
    const text = cnp('', '    pods:\n      podSelector: {matchLabels: {app: web}}\n');
    expect(codes(text)).toEqual([]);
    expect(plain(policyOf(text).subject)).toEqual({ namespaces: ALL, pods: { matchLabels: { app: 'web' }, matchExpressions: [] } });
  });

  it('keeps experimental nodes and domainNames peers, saying what they are read as', () => {
    const text = cnp(
      '  egress:\n  - action: Accept\n    to:\n    - nodes: {matchLabels: {role: infra}}\n' +
        '    - domainNames: ["*.example.com", api.example.org.]\n',
    );
    expect(messages(text)).toEqual([
      'info experimental-field: spec.egress[0].to[0].nodes: nodes peers exist in the experimental channel only; this ' +
        'one matches nothing here, as manifests hold no Node addresses',
      'info experimental-field: spec.egress[0].to[1].domainNames: domainNames peers exist in the experimental channel ' +
        'only; they are not evaluated here, as DNS resolves them when traffic flows',
    ]);
    expect(plain(policyOf(text).egress[0]?.peers)).toEqual([
      { kind: 'nodes', nodes: { matchLabels: { role: 'infra' }, matchExpressions: [] } },
      { kind: 'domainNames', names: ['*.example.com', 'api.example.org.'] },
    ]);
  });

  it('masks networks CIDRs as the ipBlock reader does, with the same note', () => {
    const text = cnp('  egress:\n  - action: Deny\n    to:\n    - networks: [10.1.2.3/16, "fd00::1/8"]\n');
    expect(codes(text)).toEqual(['info cidr-host-bits', 'info cidr-host-bits']);
    const [peer] = policyOf(text).egress[0]?.peers ?? [];
    expect(peer?.kind === 'networks' && peer.cidrs.map((c) => c.text)).toEqual(['10.1.0.0/16', 'fd00::/8']);
  });

  it('rejects CIDRs isCIDR rejects: leading zeros, IPv4-mapped IPv6, over 43 characters', () => {
    const networks = (cidr: string) => cnp(`  egress:\n  - action: Deny\n    to:\n    - networks: ["${cidr}"]\n`);
    expect(codes(networks('10.0.0.0/08'))).toEqual(['error invalid-cidr']);
    expect(codes(networks('::ffff:1.2.3.4/128'))).toEqual(['error invalid-cidr']);
    expect(messages(networks('::ffff:0:0/96'))[0]).toContain(
      '"::ffff:0:0/96" is not a valid CIDR: IPv4-mapped IPv6 addresses are not allowed here',
    );
    expect(messages(networks('10.0.0.0/08'))[0]).toContain('leading zeros are not allowed here');
    expect(codes(networks('2001:0db8:0000:0000:0000:0000:0000:0000/128'))).toEqual([]);
    expect(messages(networks('2001:0db8:0000:0000:0000:0000:0000:0000/1280'))).toEqual([
      'error invalid-cidr: spec.egress[0].to[0].networks[0]: must be no more than 43 characters, not 44 — the API ' +
        'server would reject this ClusterNetworkPolicy, so it is left out of the evaluation',
    ]);
  });

  it('has no networks, nodes or domainNames on ingress', () => {
    const text = cnp('  ingress:\n  - action: Deny\n    from:\n    - nodes: {}\n');
    expect(messages(text)).toEqual([
      'warning unknown-field: unknown field "spec.ingress[0].from[0].nodes": the API server drops it',
      'error invalid-peer: spec.ingress[0].from[0]: must specify one of namespaces, pods — the API server would ' +
        'reject this ClusterNetworkPolicy, so it is left out of the evaluation',
    ]);
  });

  it('says how a selector Kubernetes cannot parse differs from one the CRD rejects', () => {
    const bad = cnp('', '    namespaces:\n      matchExpressions: [{key: env, operator: In}]\n');
    expect(messages(bad)).toEqual([
      'error invalid-selector-values: spec.subject.namespaces.matchExpressions[0].values: must be specified when ' +
        'operator is In — the API server accepts this ClusterNetworkPolicy (its CRD does not check label selectors; ' +
        'Kubernetes cannot parse this one), but it cannot be evaluated as written, so it is left out of the evaluation',
    ]);
    const missing = cnp('', '    namespaces:\n      matchExpressions: [{key: env}]\n');
    expect(messages(missing)).toEqual([
      'error missing-field: spec.subject.namespaces.matchExpressions[0].operator is required — the API server would ' +
        'reject this ClusterNetworkPolicy, so it is left out of the evaluation',
    ]);
  });

  it('drops a null matchLabels value, as the API server prunes it', () => {
    const text = cnp('', '    namespaces:\n      matchLabels: {env: null, team: a}\n');
    expect(codes(text)).toEqual([]);
    expect(policyOf(text).subject.namespaces.matchLabels).toEqual({ team: 'a' });
  });
});

describe('ports', () => {
  const ingress = (ports: string, key = 'protocols') =>
    `  ingress:\n  - action: Deny\n    from: [{namespaces: {}}]\n    ${key}:\n${ports}`;

  it('reads a v1alpha1 portRange with start equal to end as that one port, with a warning', () => {
    const text = anp(ingress('    - portRange: {protocol: SCTP, start: 80, end: 80}\n', 'ports'));
    expect(messages(text)).toEqual([
      'warning single-port-range: spec.ingress[0].ports[0].portRange: start and end are both 80; the API says start ' +
        'must be less than end, but v1alpha1 does not check it: read as the single port 80',
    ]);
    expect(plain(policyOf(text).ingress[0]?.ports)).toEqual([{ kind: 'number', protocol: 'SCTP', port: 80, endPort: 80 }]);
  });

  it('leaves out a v1alpha1 policy whose range holds no port, saying the API server admits it', () => {
    const text = anp(ingress('    - portRange: {start: 90, end: 80}\n', 'ports'));
    expect(messages(text)).toEqual([
      'error invalid-port-range: spec.ingress[0].ports[0].portRange: start (90) must be less than end (80) — the API ' +
        'server accepts this AdminNetworkPolicy (v1alpha1 does not check port ranges; this one holds no port), but it ' +
        'cannot be evaluated as written, so it is left out of the evaluation',
    ]);
  });

  it('rejects a v1alpha2 range whose start is not below its end (CEL)', () => {
    expect(messages(cnp(ingress('    - tcp: {destinationPort: {range: {start: 81, end: 80}}}\n')))).toEqual([
      'error invalid-port-range: spec.ingress[0].protocols[0].tcp.destinationPort.range: start (81) must be less than ' +
        'end (80) — the API server would reject this ClusterNetworkPolicy, so it is left out of the evaluation',
    ]);
  });

  it('keeps the experimental v1alpha1 namedPort, with a note', () => {
    const text = banp(ingress('    - namedPort: http\n', 'ports'));
    expect(codes(text)).toEqual(['info experimental-field']);
    expect(plain(policyOf(text).ingress[0]?.ports)).toEqual([{ kind: 'named', name: 'http' }]);
  });

  it('keeps a named port next to a networks peer: valid in v1alpha2, a warning in v1alpha1', () => {
    const egress = (key: string, item: string) =>
      `  egress:\n  - action: Deny\n    to:\n    - networks: [10.0.0.0/8]\n    - namespaces: {}\n    ${key}:\n    - ${item}\n`;
    expect(messages(cnp(egress('protocols', 'destinationNamedPort: dns')))).toEqual([
      'info named-port-pods-only: spec.egress[0].protocols[0]: the named port "dns" applies to pod destinations only: ' +
        'the networks peers of this rule match only its numbered ports',
    ]);
    const v1alpha1 = anp(egress('ports', 'namedPort: dns'));
    expect(codes(v1alpha1)).toEqual(['info experimental-field', 'warning named-port-with-addresses']);
    expect(messages(v1alpha1)[1]).toContain(
      'the API server would reject this AdminNetworkPolicy (it is still evaluated, the named port applying to pod destinations only)',
    );
    expect(kept(v1alpha1)).toEqual(['AdminNetworkPolicy p']);
  });

  it('reads every protocol of v1alpha2, and v1alpha1 protocols case-sensitively', () => {
    const text = cnp(
      ingress(
        '    - udp: {destinationPort: {number: 53}}\n    - sctp: {destinationPort: {range: {start: 1, end: 65535}}}\n',
      ),
    );
    expect(plain(policyOf(text).ingress[0]?.ports)).toEqual([
      { kind: 'number', protocol: 'UDP', port: 53 },
      { kind: 'number', protocol: 'SCTP', port: 1, endPort: 65535 },
    ]);
    expect(codes(anp(ingress('    - portNumber: {protocol: udp, port: 53}\n', 'ports')))).toEqual(['error invalid-protocol']);
  });
});

describe('cluster policy source ranges', () => {
  const text = `# a comment\n${cnp(
    '  egress:\n  - action: Deny\n    to:\n    - networks: [10.0.0.0/8]\n    protocols:\n    - tcp: {destinationPort: {number: 80}}\n',
  )}`;
  const { resources, documents } = parse(text);
  const policy = resources.clusterPolicies[0]!;
  const at = locator(documents);

  it('covers the object, its name, the subject, each rule, peer and port', () => {
    expect(at(policy.location).range).toEqual({ startLine: 2, startColumn: 1, endLine: 16, endColumn: 43 });
    expect(at(policy.nameLocation).range).toEqual({ startLine: 5, startColumn: 9, endLine: 5, endColumn: 10 });
    expect(at(policy.subject.location).range).toMatchObject({ startLine: 10, startColumn: 5 });
    const rule = policy.egress[0]!;
    expect(at(rule.location).range).toEqual({ startLine: 12, startColumn: 5, endLine: 16, endColumn: 43 });
    expect(at(rule.peers[0]!.location).range).toEqual({ startLine: 14, startColumn: 7, endLine: 14, endColumn: 29 });
    expect(at(rule.ports![0]!.location).range).toEqual({ startLine: 16, startColumn: 7, endLine: 16, endColumn: 43 });
  });

  it('points an error at the offending value', () => {
    const bad = text.replace('10.0.0.0/8', '10.0.0.0/99');
    const { diagnostics, documents: layout } = parse(bad);
    expect(locator(layout)(diagnostics[0]!.location).range).toEqual(find(bad, '10.0.0.0/99'));
    const action = text.replace('action: Deny', 'action: Drop');
    const result = parse(action);
    expect(locator(result.documents)(result.diagnostics[0]!.location).range).toEqual(find(action, 'Drop'));
  });
});
