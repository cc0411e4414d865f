/**
 * JSON Schemas of AdminNetworkPolicy and BaselineAdminNetworkPolicy
 * (policy.networking.k8s.io/v1alpha1, network-policy-api v0.1.x): the kinds ClusterNetworkPolicy
 * replaced, still served by the v0.1 CRDs. Limits are the standard CRDs', plus the experimental
 * channel's `namedPort`, `nodes` and `domainNames`; descriptions are ours, after the Go doc comments.
 */
import type { JSONSchema } from 'monaco-yaml';
import { clusterPolicyMeta } from './meta';
import { portNumber, rules, subject, type ClusterApi } from './clusterPeers';

const API_VERSION = 'policy.networking.k8s.io/v1alpha1';

const ADMIN: ClusterApi = {
  kind: 'AdminNetworkPolicy',
  version: 'v1alpha1',
  maxItems: 100,
  allow: 'Allow',
  egressPeers: ['namespaces', 'pods', 'networks', 'nodes', 'domainNames'],
};

const BASELINE: ClusterApi = {
  ...ADMIN,
  kind: 'BaselineAdminNetworkPolicy',
  egressPeers: ['namespaces', 'pods', 'networks', 'nodes'],
};

const protocol: JSONSchema = {
  enum: ['TCP', 'UDP', 'SCTP'],
  description: 'TCP, UDP or SCTP; when absent, TCP. The CRD admits other values, which no traffic can match.',
};

const ports: JSONSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 100,
  description:
    'The destination ports this rule matches: any item will do. Absent: every port of every protocol. Not empty; at most 100.',
  items: {
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    description: 'One port match: exactly one of `portNumber`, `portRange` or `namedPort`.',
    properties: {
      portNumber: {
        type: 'object',
        description: 'One port of one protocol.',
        required: ['port'],
        properties: { protocol, port: portNumber('The port number, 1-65535.') },
      },
      portRange: {
        type: 'object',
        description:
          'Every port from `start` to `end`, both included, of one protocol. `start` should be less than `end`: v1alpha1 does not check it; Netpol Canvas reads `start` = `end` as one port (with a warning) and leaves out a policy with a reversed range.',
        required: ['start', 'end'],
        properties: {
          protocol,
          start: portNumber('The first port of the range, 1-65535.'),
          end: portNumber('The last port of the range (included), 1-65535.'),
        },
      },
      namedPort: {
        type: 'string',
        description:
          'Experimental channel. A port by name: the destination pod\'s container port of that name, with that port\'s protocol (for ingress, the subject pod\'s). Not allowed with `networks` or `nodes` peers in one egress rule.',
      },
    },
  },
};

const ALLOW = 'Let it through: no later rule is consulted';
const DENY = 'Drop it: no later rule is consulted';

const adminAction: JSONSchema = {
  enum: ['Allow', 'Deny', 'Pass'],
  description: 'What happens to the traffic this rule matches (v1alpha2 calls Allow `Accept`).',
  enumDescriptions: [
    `${ALLOW}, and NetworkPolicies and the BaselineAdminNetworkPolicy cannot deny it (for egress, the destination's own ingress rules still apply).`,
    `${DENY}, nor NetworkPolicies or the BaselineAdminNetworkPolicy.`,
    'Skip the remaining AdminNetworkPolicy rules: NetworkPolicies decide (or, if none selects the pod for this direction, the BaselineAdminNetworkPolicy).',
  ],
};

const baselineAction: JSONSchema = {
  enum: ['Allow', 'Deny'],
  description:
    'What happens to the traffic this rule matches. No Pass: the baseline is the last tier, and traffic it leaves undecided is allowed.',
  enumDescriptions: [`${ALLOW}.`, `${DENY}.`],
};

const ruleLists = (api: ClusterApi, action: JSONSchema): Record<'ingress' | 'egress', JSONSchema> => ({
  ingress: rules(api, 'ingress', { action, portsKey: 'ports', ports }),
  egress: rules(api, 'egress', { action, portsKey: 'ports', ports }),
});

function kindSchema(kind: ClusterApi['kind'], description: string, metadata: JSONSchema, spec: JSONSchema): JSONSchema {
  return {
    type: 'object',
    description,
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: {
        const: API_VERSION,
        errorMessage: `${kind} is served in ${API_VERSION} only (v1alpha2 replaced it with ClusterNetworkPolicy).`,
        description: `API group and version of ${kind}: \`${API_VERSION}\`.`,
      },
      kind: { const: kind, description: `The kind of object: \`${kind}\`.` },
      metadata,
      spec,
    },
  };
}

/** The AdminNetworkPolicy kind: the Admin tier of v1alpha1. */
export const adminNetworkPolicySchema: JSONSchema = kindSchema(
  'AdminNetworkPolicy',
  'A cluster-wide policy consulted before NetworkPolicies: for the pods of its subject, rules that Allow, Deny or Pass traffic.',
  clusterPolicyMeta('AdminNetworkPolicy'),
  {
    type: 'object',
    description: 'The policy\'s place among the others, the pods it applies to, and its rules.',
    required: ['priority', 'subject'],
    properties: {
      priority: {
        type: 'integer',
        minimum: 0,
        maximum: 1000,
        description:
          'Order among AdminNetworkPolicies, 0 to 1000: lower numbers are consulted first, and every one of them before NetworkPolicies. Equal priorities may be applied in any order; Netpol Canvas takes them by name and warns.',
      },
      subject: subject(ADMIN),
      ...ruleLists(ADMIN, adminAction),
    },
  },
);

/** The BaselineAdminNetworkPolicy kind: the one Baseline policy of v1alpha1. */
export const baselineAdminNetworkPolicySchema: JSONSchema = kindSchema(
  'BaselineAdminNetworkPolicy',
  'The cluster\'s one baseline policy, consulted after NetworkPolicies: it decides what AdminNetworkPolicies passed or left undecided, for pods no NetworkPolicy isolates in that direction.',
  clusterPolicyMeta('BaselineAdminNetworkPolicy', {
    const: 'default',
    description: 'Always `default`: a cluster has at most one BaselineAdminNetworkPolicy.',
  }),
  {
    type: 'object',
    description: 'The pods the baseline applies to, and its rules. It has no priority: there is only one.',
    required: ['subject'],
    properties: {
      subject: subject(BASELINE),
      ...ruleLists(BASELINE, baselineAction),
    },
  },
);
