/**
 * The schemas of the cluster-wide policies, through the language service the editor runs
 * (testLanguageService.ts): the valid fixture gets no warning, representative mistakes get
 * exactly the warning meant, and hover and completion say what each field and value means.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, type Document } from 'yaml';
import type { JSONSchema } from 'monaco-yaml';
import { manifestSchema } from '.';
import { clusterNetworkPolicySchema } from './clusterNetworkPolicy';
import { adminNetworkPolicySchema, baselineAdminNetworkPolicySchema } from './adminNetworkPolicy';
import { testLanguageService, type TestLanguageService } from './testLanguageService';

const SCHEMAS: Readonly<Record<string, JSONSchema>> = {
  ClusterNetworkPolicy: clusterNetworkPolicySchema,
  AdminNetworkPolicy: adminNetworkPolicySchema,
  BaselineAdminNetworkPolicy: baselineAdminNetworkPolicySchema,
};

const VALID = readFileSync(new URL('../../../../fixtures/cluster-policies.yaml', import.meta.url), 'utf8');

/** A fresh copy of the fixture's document named `name`, to change. */
function fixtureDocument(name: string): Document {
  const named = (doc: ReturnType<typeof parseAllDocuments>[number]) =>
    !('offset' in doc) && doc.getIn(['metadata', 'name']) === name;
  const document = parseAllDocuments(VALID).find(named);
  if (document === undefined || 'offset' in document) throw new Error(`no document ${name} in the fixture`);
  return document;
}

let manifest: TestLanguageService;
const byKind = new Map<string, TestLanguageService>();

beforeAll(async () => {
  manifest = await testLanguageService(manifestSchema);
  for (const [kind, schema] of Object.entries(SCHEMAS)) byKind.set(kind, await testLanguageService(schema));
});

/** The schema warnings of `document` against its own kind's schema. */
async function warnings(document: Document): Promise<string[]> {
  const service = byKind.get(String(document.get('kind')))!;
  return (await service.validate(String(document))).map((problem) => problem.message);
}

describe('cluster-wide policy schemas: valid input (fixtures/cluster-policies.yaml, examples)', () => {
  it('give the whole file no warning, each document checked by its kind', async () => {
    expect(await manifest.validate(VALID)).toEqual([]);
  });

  it.each(['cluster-guardrails.yaml', 'anp-migration.yaml'])('give the example %s no warning', async (name) => {
    const example = readFileSync(new URL(`../../../../public/examples/${name}`, import.meta.url), 'utf8');
    expect(await manifest.validate(example)).toEqual([]);
  });

  it('give no warning to each document against its own kind\'s schema', async () => {
    const documents = parseAllDocuments(VALID);
    expect(documents.map((doc) => doc.get('kind'))).toEqual([
      'ClusterNetworkPolicy',
      'ClusterNetworkPolicy',
      'AdminNetworkPolicy',
      'BaselineAdminNetworkPolicy',
    ]);
    for (const document of documents) {
      if ('offset' in document) throw new Error('the fixture is no YAML stream');
      expect(document.errors).toEqual([]);
      expect(await warnings(document), String(document.getIn(['metadata', 'name']))).toEqual([]);
    }
  });
});

type Change = (doc: Document) => void;

/** `spec.ingress.0.action` → ['spec', 'ingress', 0, 'action']. */
const path = (dotted: string): (string | number)[] =>
  dotted.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key));
const set =
  (at: string, value: unknown): Change =>
  (doc) =>
    doc.setIn(path(at), doc.createNode(value));
const drop =
  (at: string): Change =>
  (doc) =>
    doc.deleteIn(path(at));

const CNP = 'admin-guardrails'; // its ingress.1 has protocols; egress.0 networks, a udp number and a tcp range
const BASELINE_CNP = 'baseline-isolation'; // its egress.0 goes to a pods peer
const ANP = 'sre-access'; // its ingress.0 has ports: a portNumber, then a portRange
const BANP = 'default';
const ONE_FIELD = /more properties than limit of 1/;
const GROUP = 'policy.networking.k8s.io';
const PORT = { number: 53 };
const RANGE = { start: 1, end: 2 };

/** [what is wrong, the fixture document, the change, the one warning expected]. */
const MISTAKES: [string, string, Change, RegExp][] = [
  ['a tier outside the enum', CNP, set('spec.tier', 'admin'), /Valid values: "Admin", "Baseline"/],
  ['priority 1001', CNP, set('spec.priority', 1001), /above the maximum of 1000/],
  ['a negative priority', CNP, set('spec.priority', -1), /below the minimum of 0/],
  ['no tier', CNP, drop('spec.tier'), /Missing property "tier"/],
  ['no subject', CNP, drop('spec.subject'), /Missing property "subject"/],
  ['a subject of namespaces and pods', CNP, set('spec.subject.pods', { podSelector: {} }), ONE_FIELD],
  ['v1alpha1 Allow', CNP, set('spec.ingress.0.action', 'Allow'), /Valid values: "Accept", "Deny", "Pass"/],
  ['a rule without action', CNP, drop('spec.ingress.0.action'), /Missing property "action"/],
  ['an ingress rule without from', CNP, drop('spec.ingress.0.from'), /Missing property "from"/],
  ['a rule name over 100 characters', CNP, set('spec.ingress.0.name', 'r'.repeat(101)), /maximum length of 100/],
  ['tcp and udp in one item', CNP, set('spec.ingress.1.protocols.0.udp', { destinationPort: PORT }), ONE_FIELD],
  ['number and range in one port', CNP, set('spec.ingress.1.protocols.0.tcp.destinationPort.range', RANGE), ONE_FIELD],
  ['tcp without destinationPort', CNP, set('spec.ingress.1.protocols.0.tcp', {}), /Missing property "destinationPort"/],
  ['port 0', CNP, set('spec.ingress.1.protocols.0.tcp.destinationPort.number', 0), /below the minimum of 1/],
  ['a range without end', CNP, drop('spec.egress.0.protocols.1.tcp.destinationPort.range.end'), /"end"/],
  ['an empty protocols list', CNP, set('spec.ingress.1.protocols', []), /too few items/],
  ['an empty networks list', CNP, set('spec.egress.0.to.0.networks', []), /too few items/],
  ['a network twice', CNP, set('spec.egress.0.to.0.networks.1', '10.0.0.0/8'), /duplicate items/],
  ['a peer of two kinds', CNP, set('spec.egress.0.to.0.namespaces', {}), ONE_FIELD],
  ['a domain name that is none', CNP, set('spec.egress.0.to.0', { domainNames: ['-bad-'] }), /Not a domain name/],
  ['26 rules', CNP, set('spec.ingress', Array(26).fill({ action: 'Deny', from: [{ namespaces: {} }] })), /25 or fewer/],
  ['a pods peer without podSelector', BASELINE_CNP, drop('spec.egress.0.to.0.pods.podSelector'), /"podSelector"/],
  ['a v1alpha1 ClusterNetworkPolicy', BASELINE_CNP, set('apiVersion', `${GROUP}/v1alpha1`), /v1alpha2 only/],
  ['v1alpha2 Accept', ANP, set('spec.ingress.0.action', 'Accept'), /Valid values: "Allow", "Deny", "Pass"/],
  ['an AdminNetworkPolicy priority 1001', ANP, set('spec.priority', 1001), /above the maximum of 1000/],
  ['an AdminNetworkPolicy without priority', ANP, drop('spec.priority'), /Missing property "priority"/],
  ['portNumber and portRange in one item', ANP, set('spec.ingress.0.ports.0.portRange', RANGE), ONE_FIELD],
  ['a portNumber without port', ANP, drop('spec.ingress.0.ports.0.portNumber.port'), /Missing property "port"/],
  ['a protocol outside the enum', ANP, set('spec.ingress.0.ports.1.portRange.protocol', 'ICMP'), /"TCP", "UDP"/],
  ['a pods peer without namespaceSelector', ANP, drop('spec.ingress.0.from.0.pods.namespaceSelector'), /Missing/],
  ['a v1alpha2 AdminNetworkPolicy', ANP, set('apiVersion', `${GROUP}/v1alpha2`), /v1alpha1 only/],
  ['a baseline not named default', BANP, set('metadata.name', 'baseline'), /Value must be "default"/],
  ['a baseline Pass', BANP, set('spec.egress.0.action', 'Pass'), /Valid values: "Allow", "Deny"\./],
  ['a baseline without subject', BANP, drop('spec.subject'), /Missing property "subject"/],
];

describe('cluster-wide policy schemas: mistakes', () => {
  it.each(MISTAKES)('warn about %s', async (_, name, change, expected) => {
    const document = fixtureDocument(name);
    change(document);
    expect(await warnings(document)).toEqual([expect.stringMatching(expected)]);
  });
});

/** The fixture with the first occurrence of `from` replaced by `to` (`|` marks the cursor). */
const edited = (from: string, to: string): string => {
  if (!VALID.includes(from)) throw new Error(`"${from}" is not in the fixture`);
  return VALID.replace(from, to);
};

const labels = async (text: string) => (await manifest.complete(text)).map((item) => item.label);

describe('cluster-wide policy schemas: hover', () => {
  it('explain the tier and its values', async () => {
    const hover = await manifest.hover(edited('  tier: Admin', '  ti|er: Admin'));
    expect(hover).toContain('Where the policy is consulted: the Admin tier, then NetworkPolicies, then the Baseline');
    expect(hover).toContain('`Baseline`: After NetworkPolicies');
  });

  it('explain Pass by tier, and Allow in v1alpha1', async () => {
    const pass = await manifest.hover(edited('action: Pass', 'act|ion: Pass'));
    expect(pass).toContain('`Pass`: Skip the rest of this tier. From the Admin tier, NetworkPolicies decide');
    const allow = await manifest.hover(edited('action: Allow', 'act|ion: Allow'));
    expect(allow).toContain('v1alpha2 calls Allow');
  });

  it('say what Netpol Canvas makes of networks and the experimental peers', async () => {
    expect(await manifest.hover(edited('- networks:', '- netw|orks:'))).toContain('pod IPs match too');
    const nodes = edited('- networks: [0.0.0.0/0]', '- no|des: {}');
    expect(await manifest.hover(nodes)).toContain('in Netpol Canvas this peer matches nothing');
  });
});

describe('cluster-wide policy schemas: completion', () => {
  it('offer the new kinds, and each kind\'s apiVersion', async () => {
    expect(await labels('kind: |\n')).toEqual(
      expect.arrayContaining(['NetworkPolicy', ...Object.keys(SCHEMAS)]),
    );
    expect(await labels('apiVersion: |\nkind: ClusterNetworkPolicy\n')).toEqual([`${GROUP}/v1alpha2`]);
    expect(await labels('apiVersion: |\nkind: AdminNetworkPolicy\n')).toEqual([`${GROUP}/v1alpha1`]);
    expect(await labels('apiVersion: |\nkind: BaselineAdminNetworkPolicy\n')).toEqual([`${GROUP}/v1alpha1`]);
  });

  it('offer each kind\'s actions, each explained', async () => {
    const items = await manifest.complete(edited('action: Deny', 'action: |'));
    expect(items.map((item) => item.label)).toEqual(['Accept', 'Deny', 'Pass']);
    expect(items.every((item) => item.documentation)).toBe(true);
    // The first Allow is the AdminNetworkPolicy's, the last the BaselineAdminNetworkPolicy's.
    expect(await labels(edited('action: Allow', 'action: |'))).toEqual(['Allow', 'Deny', 'Pass']);
    const baseline = VALID.lastIndexOf('action: Allow');
    const baselineAction = `${VALID.slice(0, baseline)}action: |${VALID.slice(baseline + 'action: Allow'.length)}`;
    expect(await labels(baselineAction)).toEqual(['Allow', 'Deny']);
  });

  it('offer the tiers, the protocols and the egress peers of the kind', async () => {
    expect(await labels(edited('tier: Admin', 'tier: |'))).toEqual(['Admin', 'Baseline']);
    const protocol = await labels(edited('    - destinationNamedPort: metrics', '    - |'));
    expect(protocol).toEqual(expect.arrayContaining(['tcp', 'udp', 'sctp', 'destinationNamedPort']));
    const cnpPeer = await labels(edited('    - networks: [0.0.0.0/0]', '    - |'));
    expect(cnpPeer).toEqual(expect.arrayContaining(['namespaces', 'pods', 'networks', 'nodes', 'domainNames']));
    const banpPeer = await labels(`${VALID.slice(0, VALID.lastIndexOf('    - namespaces: {}'))}    - |\n`);
    expect(banpPeer).toEqual(expect.arrayContaining(['namespaces', 'pods', 'networks', 'nodes']));
    expect(banpPeer).not.toContain('domainNames');
  });
});
