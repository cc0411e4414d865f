/**
 * JSON Schema of ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2, network-policy-api
 * v0.2.0): tiers, priorities, Accept / Deny / Pass rules and `protocols`. Limits are the standard
 * CRD's, plus the experimental channel's `nodes` and `domainNames` peers (which Netpol Canvas
 * reads, with a note); descriptions are ours, after the API's Go doc comments.
 */
import type { JSONSchema } from 'monaco-yaml';
import { clusterPolicyMeta } from './meta';
import { portNumber, rules, subject, type ClusterApi } from './clusterPeers';

const API: ClusterApi = {
  kind: 'ClusterNetworkPolicy',
  version: 'v1alpha2',
  maxItems: 25,
  allow: 'Accept',
  egressPeers: ['namespaces', 'pods', 'networks', 'nodes', 'domainNames'],
};

const API_VERSION = 'policy.networking.k8s.io/v1alpha2';

const action: JSONSchema = {
  enum: ['Accept', 'Deny', 'Pass'],
  description: 'What happens to the traffic this rule matches.',
  enumDescriptions: [
    'Let it through: no later rule, tier or NetworkPolicy is consulted for this direction (for egress, the destination\'s own ingress rules still apply).',
    'Drop it: no later rule, tier or NetworkPolicy is consulted.',
    'Skip the rest of this tier. From the Admin tier, NetworkPolicies decide (or, if none selects the pod for this direction, the Baseline tier); from the Baseline tier, it is allowed, as by default.',
  ],
};

const destinationPort: JSONSchema = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  description:
    'The destination port: exactly one of `number` or `range`. Every port of the protocol is the range 1-65535.',
  properties: {
    number: portNumber('One port number, 1-65535.'),
    range: {
      type: 'object',
      description: 'Every port from `start` to `end`, both included. `start` must be less than `end`.',
      required: ['start', 'end'],
      properties: {
        start: portNumber('The first port of the range, 1-65535; less than `end`.'),
        end: portNumber('The last port of the range (included), 1-65535; greater than `start`.'),
      },
    },
  },
};

const byProtocol = (protocol: string): JSONSchema => ({
  type: 'object',
  description: `${protocol} traffic to \`destinationPort\`, which is required.`,
  required: ['destinationPort'],
  properties: { destinationPort },
});

const protocols: JSONSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 25,
  description:
    'The traffic this rule matches by protocol and destination port: any item will do. Absent: all traffic, every protocol and port. Not empty; at most 25.',
  items: {
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    description: 'One protocol match: exactly one of `tcp`, `udp`, `sctp` or `destinationNamedPort`.',
    properties: {
      tcp: byProtocol('TCP'),
      udp: byProtocol('UDP'),
      sctp: byProtocol('SCTP'),
      destinationNamedPort: {
        type: 'string',
        description:
          'A port by name: the destination pod\'s container port of that name, with that port\'s protocol (for ingress, the subject pod\'s). It matches pods only: for `networks` destinations of the same rule, only the numbered items count.',
      },
    },
  },
};

const tierRules = (direction: 'ingress' | 'egress'): JSONSchema =>
  rules(API, direction, { action, portsKey: 'protocols', ports: protocols });

/** The ClusterNetworkPolicy kind. */
export const clusterNetworkPolicySchema: JSONSchema = {
  type: 'object',
  description:
    'A cluster-wide policy: for the pods of its subject, rules that Accept, Deny or Pass traffic, before NetworkPolicies (Admin tier) or after them (Baseline tier).',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: {
      const: API_VERSION,
      errorMessage:
        `ClusterNetworkPolicy is served in ${API_VERSION} only (v1alpha1 had AdminNetworkPolicy and BaselineAdminNetworkPolicy instead).`,
      description: `API group and version of ClusterNetworkPolicy: \`${API_VERSION}\`.`,
    },
    kind: { const: 'ClusterNetworkPolicy', description: 'The kind of object: `ClusterNetworkPolicy`.' },
    metadata: clusterPolicyMeta('ClusterNetworkPolicy'),
    spec: {
      type: 'object',
      description: 'Where the policy sits among the others, the pods it applies to, and its rules.',
      required: ['tier', 'priority', 'subject'],
      properties: {
        tier: {
          enum: ['Admin', 'Baseline'],
          description:
            'Where the policy is consulted: the Admin tier, then NetworkPolicies, then the Baseline tier. Traffic no tier decides is allowed (the Kubernetes default).',
          enumDescriptions: [
            'Before NetworkPolicies: its Accept and Deny are final, and NetworkPolicies cannot override them.',
            'After NetworkPolicies: it decides what the Admin tier passed or left undecided, for pods no NetworkPolicy isolates in that direction. Defaults that NetworkPolicies override.',
          ],
        },
        priority: {
          type: 'integer',
          minimum: 0,
          maximum: 1000,
          description:
            'Order within the tier, 0 to 1000: lower numbers are consulted first. Policies of one tier with equal priorities may be applied in any order; Netpol Canvas takes them by name and warns.',
        },
        subject: subject(API),
        ingress: tierRules('ingress'),
        egress: tierRules('egress'),
      },
    },
  },
};
