/**
 * One schema for the whole editor model: each YAML document is checked against the schema of its
 * `kind`. Unknown kinds are accepted silently here (the model reports them).
 */
import type { JSONSchema } from 'monaco-yaml';
import { networkPolicySchema } from './networkPolicy';
import { clusterNetworkPolicySchema } from './clusterNetworkPolicy';
import { adminNetworkPolicySchema, baselineAdminNetworkPolicySchema } from './adminNetworkPolicy';
import { namespaceSchema, workloadSchemas } from './workloads';
import { connectivityExpectationsSchema } from './connectivityExpectations';

const byKind: Record<string, JSONSchema> = {
  NetworkPolicy: networkPolicySchema,
  ClusterNetworkPolicy: clusterNetworkPolicySchema,
  AdminNetworkPolicy: adminNetworkPolicySchema,
  BaselineAdminNetworkPolicy: baselineAdminNetworkPolicySchema,
  Namespace: namespaceSchema,
  ...workloadSchemas,
  ConnectivityExpectations: connectivityExpectationsSchema,
};

/**
 * The root schema, dispatching on `kind` with if/then so hover and completion follow the kind:
 * once `kind` is written, `apiVersion` completion offers that kind's version (its `const`).
 */
export const manifestSchema: JSONSchema = {
  type: 'object',
  title: 'Kubernetes manifest',
  properties: {
    apiVersion: { type: 'string', description: 'API group and version of the object.' },
    kind: {
      type: 'string',
      description: 'The kind of object.',
      examples: Object.keys(byKind),
    },
  },
  allOf: Object.entries(byKind).map(([kind, schema]) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: schema,
  })),
};
