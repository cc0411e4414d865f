/**
 * JSON Schema of networking.k8s.io/v1 NetworkPolicy, with a hover description on every field.
 * The wording is ours, following the Kubernetes API reference and its documented defaults.
 */
import type { JSONSchema } from 'monaco-yaml';
import { labelSelector, objectMeta } from './meta';

const port: JSONSchema = {
  type: 'object',
  description:
    'One port (or port range) and protocol. Traffic matches when its destination port and protocol match.',
  properties: {
    protocol: {
      enum: ['TCP', 'UDP', 'SCTP'],
      description: 'The protocol, TCP, UDP or SCTP. When absent: TCP.',
    },
    port: {
      type: ['integer', 'string'],
      description:
        'A port number (1-65535) or the name of a port declared by the destination pod\'s containers. When absent: every port of the protocol.',
    },
    endPort: {
      type: 'integer',
      minimum: 1,
      maximum: 65535,
      description:
        'Turns `port` into a range: every port from `port` to `endPort`, both included. Needs a numeric `port` and must not be below it.',
    },
  },
};

const ports = (side: string): JSONSchema => ({
  type: 'array',
  items: port,
  description: `${side} ports this rule allows. Absent or empty: every port and protocol. Otherwise the traffic must match at least one entry.`,
});

const peer = (role: 'source' | 'destination'): JSONSchema => ({
  type: 'object',
  description: `One allowed ${role}: pods chosen by podSelector and/or namespaceSelector, or an ipBlock. An ipBlock cannot be combined with the selectors.`,
  properties: {
    podSelector: labelSelector(
      'Pods allowed by this peer. Alone, it picks pods in the policy\'s own namespace; together with namespaceSelector, pods that match it in the namespaces that selector picks. `{}` picks every pod.',
    ),
    namespaceSelector: labelSelector(
      'Namespaces whose pods are allowed by this peer. Alone, every pod of the matching namespaces; together with podSelector, only the pods matching it there. `{}` picks every namespace.',
    ),
    ipBlock: {
      type: 'object',
      description:
        'A range of IP addresses with optional holes. Meant for endpoints outside the cluster: pod IPs change and may be rewritten on the way, so do not rely on it for pod-to-pod traffic.',
      required: ['cidr'],
      properties: {
        cidr: {
          type: 'string',
          description: 'The address range in CIDR notation, for example `10.0.0.0/16` or `2001:db8::/64`.',
        },
        except: {
          type: 'array',
          items: { type: 'string' },
          description: 'Ranges (CIDR) cut out of `cidr`. Each must lie inside `cidr`.',
        },
      },
    },
  },
});

const ingressRule: JSONSchema = {
  type: 'object',
  description:
    'One rule for incoming traffic. It allows traffic that comes from one of `from` AND goes to one of `ports`.',
  properties: {
    from: {
      type: 'array',
      items: peer('source'),
      description:
        'Sources this rule allows. Absent or empty: every source, inside or outside the cluster. Otherwise the traffic must come from at least one peer listed.',
    },
    ports: ports('Destination'),
  },
};

const egressRule: JSONSchema = {
  type: 'object',
  description:
    'One rule for outgoing traffic. It allows traffic that goes to one of `to` AND to one of `ports`.',
  properties: {
    to: {
      type: 'array',
      items: peer('destination'),
      description:
        'Destinations this rule allows. Absent or empty: every destination, inside or outside the cluster. Otherwise the traffic must go to at least one peer listed.',
    },
    ports: ports('Destination'),
  },
};

/** The NetworkPolicy kind (apiVersion networking.k8s.io/v1). */
export const networkPolicySchema: JSONSchema = {
  type: 'object',
  description: 'A NetworkPolicy: which traffic the pods it selects may receive and send.',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: {
      const: 'networking.k8s.io/v1',
      description: 'API group and version of NetworkPolicy: `networking.k8s.io/v1`.',
    },
    kind: { const: 'NetworkPolicy', description: 'The kind of object: `NetworkPolicy`.' },
    metadata: objectMeta,
    spec: {
      type: 'object',
      description: 'What the policy selects and which traffic it allows.',
      required: ['podSelector'],
      properties: {
        podSelector: labelSelector(
          'The pods this policy applies to, in the policy\'s own namespace. `{}` selects every pod of the namespace. A selected pod becomes isolated for the directions in policyTypes: only traffic some rule allows gets through.',
        ),
        policyTypes: {
          type: 'array',
          items: { enum: ['Ingress', 'Egress'] },
          description:
            'The directions this policy isolates. When absent: Ingress always, plus Egress if the policy has an `egress` section. Listing a direction without rules denies all traffic in that direction.',
        },
        ingress: {
          type: 'array',
          items: ingressRule,
          description:
            'Rules for traffic coming into the selected pods. Traffic is allowed if any rule of any policy selecting the pod allows it: rules only ever add. Empty: nothing is allowed in.',
        },
        egress: {
          type: 'array',
          items: egressRule,
          description:
            'Rules for traffic leaving the selected pods. Traffic is allowed if any rule of any policy selecting the pod allows it: rules only ever add. Empty: nothing is allowed out.',
        },
      },
    },
  },
};
