import { describe, expect, it } from 'vitest';
import type { JSONSchema } from 'monaco-yaml';
import { manifestSchema } from '.';
import { CLUSTER_POLICY_KINDS, WORKLOAD_KINDS } from '../../../model/types';
import { networkPolicySchema } from './networkPolicy';
import { clusterNetworkPolicySchema } from './clusterNetworkPolicy';
import { adminNetworkPolicySchema, baselineAdminNetworkPolicySchema } from './adminNetworkPolicy';

const CLUSTER_SCHEMAS = {
  ClusterNetworkPolicy: clusterNetworkPolicySchema,
  AdminNetworkPolicy: adminNetworkPolicySchema,
  BaselineAdminNetworkPolicy: baselineAdminNetworkPolicySchema,
};

/** Every property path under a schema, with its schema. */
function properties(schema: JSONSchema, path = ''): [string, JSONSchema][] {
  const out: [string, JSONSchema][] = [];
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (typeof child === 'boolean') continue;
    out.push([`${path}${name}`, child], ...properties(child, `${path}${name}.`));
  }
  const items = schema.items;
  if (items && typeof items === 'object' && !Array.isArray(items)) out.push(...properties(items, `${path}[].`));
  const values = schema.additionalProperties;
  if (values && typeof values === 'object') out.push(...properties(values, `${path}*.`));
  return out;
}

describe('editor schemas', () => {
  it('describe every NetworkPolicy field, for hovers', () => {
    const fields = properties(networkPolicySchema);
    expect(fields.length).toBeGreaterThan(30);
    const undocumented = fields.filter(([, s]) => !s.description).map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it('cover the fields of the API reference', () => {
    const paths = new Set(properties(networkPolicySchema).map(([path]) => path));
    for (const path of [
      'spec.podSelector.matchExpressions.[].operator',
      'spec.policyTypes',
      'spec.ingress.[].from.[].namespaceSelector.matchLabels',
      'spec.ingress.[].from.[].ipBlock.except',
      'spec.ingress.[].ports.[].endPort',
      'spec.egress.[].to.[].podSelector',
      'spec.egress.[].ports.[].protocol',
    ]) {
      expect(paths, path).toContain(path);
    }
  });

  it.each(Object.entries(CLUSTER_SCHEMAS))('describe every %s field, for hovers', (_, schema) => {
    const fields = properties(schema);
    expect(fields.length).toBeGreaterThan(40);
    const undocumented = fields.filter(([, s]) => !s.description).map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it('describe each value of the cluster-wide enums, for completion', () => {
    const enums = Object.values(CLUSTER_SCHEMAS)
      .flatMap((schema) => properties(schema))
      .filter(([, s]) => s.enumDescriptions);
    expect(enums.map(([path]) => path)).toEqual(expect.arrayContaining(['spec.tier', 'spec.ingress.[].action']));
    for (const [path, s] of enums) expect(s.enumDescriptions, path).toHaveLength(s.enum!.length);
  });

  it('cover the fields of the network-policy-api types', () => {
    const paths = (schema: JSONSchema) => new Set(properties(schema).map(([path]) => path));
    const cnp = paths(clusterNetworkPolicySchema);
    for (const path of [
      'spec.tier',
      'spec.priority',
      'spec.subject.namespaces.matchLabels',
      'spec.subject.pods.namespaceSelector',
      'spec.subject.pods.podSelector',
      'spec.ingress.[].name',
      'spec.ingress.[].action',
      'spec.ingress.[].from.[].pods.podSelector.matchExpressions.[].operator',
      'spec.ingress.[].protocols.[].tcp.destinationPort.number',
      'spec.ingress.[].protocols.[].udp.destinationPort.range.start',
      'spec.ingress.[].protocols.[].sctp.destinationPort.range.end',
      'spec.ingress.[].protocols.[].destinationNamedPort',
      'spec.egress.[].to.[].namespaces',
      'spec.egress.[].to.[].networks',
      'spec.egress.[].to.[].nodes',
      'spec.egress.[].to.[].domainNames',
    ]) {
      expect(cnp, path).toContain(path);
    }
    // Ingress peers are pods only, in every version.
    expect([...cnp].filter((path) => path.match(/^spec\.ingress\.\[\]\.from\.\[\]\.\w+$/))).toEqual([
      'spec.ingress.[].from.[].namespaces',
      'spec.ingress.[].from.[].pods',
    ]);

    const anp = paths(adminNetworkPolicySchema);
    for (const path of [
      'spec.priority',
      'spec.egress.[].ports.[].portNumber.protocol',
      'spec.egress.[].ports.[].portNumber.port',
      'spec.egress.[].ports.[].portRange.start',
      'spec.egress.[].ports.[].namedPort',
      'spec.egress.[].to.[].domainNames',
    ]) {
      expect(anp, path).toContain(path);
    }
    expect(anp).not.toContain('spec.tier');

    const banp = paths(baselineAdminNetworkPolicySchema);
    expect(banp).toContain('spec.egress.[].to.[].networks');
    expect(banp).not.toContain('spec.egress.[].to.[].domainNames');
    expect(banp).not.toContain('spec.priority');
  });

  it('dispatch on kind for every kind the model reads', () => {
    const kinds = (manifestSchema.allOf ?? [])
      .map((s) => (s as JSONSchema).if as JSONSchema)
      .map((s) => (s.properties!.kind as JSONSchema).const);
    expect(kinds.sort()).toEqual(['Namespace', 'NetworkPolicy', ...CLUSTER_POLICY_KINDS, ...WORKLOAD_KINDS, 'ConnectivityExpectations'].sort());
  });
});
