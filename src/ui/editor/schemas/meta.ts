/**
 * Shared pieces of the editor's JSON Schemas: object metadata and label selectors.
 * Descriptions are ours, written after the Kubernetes API reference; they show up as hovers.
 */
import type { JSONSchema } from 'monaco-yaml';

const labelMap: JSONSchema = {
  type: 'object',
  additionalProperties: { type: 'string' },
};

/** `metadata` of a namespaced object. */
export const objectMeta: JSONSchema = {
  type: 'object',
  description: 'Standard object metadata: the name, namespace and labels that identify this object.',
  required: ['name'],
  properties: {
    name: {
      type: 'string',
      description: 'Name of the object, unique among objects of this kind in its namespace.',
    },
    namespace: {
      type: 'string',
      description:
        'Namespace the object lives in. When absent, Netpol Canvas uses `default`, as kubectl does.',
    },
    labels: {
      ...labelMap,
      description:
        'Key/value labels. Selectors in NetworkPolicies (podSelector, namespaceSelector) match against these.',
    },
    annotations: {
      ...labelMap,
      description: 'Free-form key/value notes. They never affect which traffic is allowed.',
    },
  },
};

/** `metadata` of a cluster-scoped object (Namespace). */
export const clusterObjectMeta: JSONSchema = {
  ...objectMeta,
  properties: {
    name: objectMeta.properties!.name!,
    labels: {
      ...labelMap,
      description:
        'Labels of the namespace. A namespaceSelector matches these, plus the automatic `kubernetes.io/metadata.name: <name>`.',
    },
    annotations: objectMeta.properties!.annotations!,
  },
};

/**
 * `metadata` of a cluster-wide policy (ClusterNetworkPolicy and the v1alpha1 kinds): cluster-scoped,
 * so a namespace written here goes nowhere. `name` may be narrowed (BaselineAdminNetworkPolicy).
 */
export function clusterPolicyMeta(kind: string, name?: JSONSchema): JSONSchema {
  return {
    ...objectMeta,
    properties: {
      name: name ?? { type: 'string', description: `Name of the ${kind}, unique in the cluster.` },
      namespace: {
        type: 'string',
        description:
          `A ${kind} is cluster-scoped: a namespace written here is dropped by the API server (and noted by Netpol Canvas).`,
      },
      labels: {
        ...labelMap,
        description:
          'Key/value labels of the policy itself, to find and group policies. They never affect which traffic is allowed.',
      },
      annotations: objectMeta.properties!.annotations!,
    },
  };
}

const labelRequirement: JSONSchema = {
  type: 'object',
  description: 'One condition on a label: a key, an operator and (for In / NotIn) a list of values.',
  required: ['key', 'operator'],
  properties: {
    key: { type: 'string', description: 'The label key the condition is about.' },
    operator: {
      enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'],
      description:
        'How the label is tested. `In`: its value is one of `values`. `NotIn`: it is absent or not one of `values`. `Exists`: the key is present (values must be empty). `DoesNotExist`: the key is absent (values must be empty).',
    },
    values: {
      type: 'array',
      items: { type: 'string' },
      description: 'Candidate values. Required and non-empty for In and NotIn; must be empty for Exists and DoesNotExist.',
    },
  },
};

/** A metav1.LabelSelector, with the subject it selects woven into its description. */
export function labelSelector(description: string): JSONSchema {
  return {
    type: 'object',
    description,
    properties: {
      matchLabels: {
        ...labelMap,
        description:
          'Labels that must all be present with exactly these values. Combined with matchExpressions by AND.',
      },
      matchExpressions: {
        type: 'array',
        items: labelRequirement,
        description: 'Conditions that must all hold. Combined with matchLabels by AND.',
      },
    },
  };
}
