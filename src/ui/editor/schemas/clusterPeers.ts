/**
 * Pieces shared by the schemas of the cluster-wide policies of kubernetes-sigs/network-policy-api
 * (ClusterNetworkPolicy v1alpha2; AdminNetworkPolicy and BaselineAdminNetworkPolicy v1alpha1):
 * subjects, peers and the shape of a rule. Limits are the CRDs'; descriptions are ours, after the
 * API's Go doc comments, and say where Netpol Canvas reads a field its own way (the table in
 * src/engine/compile-cluster.ts).
 */
import type { JSONSchema } from 'monaco-yaml';
import { labelSelector } from './meta';

export type EgressPeerField = 'namespaces' | 'pods' | 'networks' | 'nodes' | 'domainNames';

/** What differs between the three kinds, for the shared pieces. */
export interface ClusterApi {
  readonly kind: 'ClusterNetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
  /** v1alpha1's `pods` requires both selectors; v1alpha2's only podSelector. */
  readonly version: 'v1alpha1' | 'v1alpha2';
  /** MaxItems of the rule lists and of each rule's peers (25 in v1alpha2, 100 before). */
  readonly maxItems: number;
  /** The action that lets traffic through: v1alpha2's Accept, v1alpha1's Allow. */
  readonly allow: 'Accept' | 'Allow';
  readonly egressPeers: readonly EgressPeerField[];
}

/** Exactly one of the object's fields: the CRDs' MinProperties = MaxProperties = 1. */
const exactlyOne = { minProperties: 1, maxProperties: 1 } as const;
/** `networks` and `domainNames`: sets of 1 to 25 values. */
const SET_LIMITS = { minItems: 1, maxItems: 25, uniqueItems: true } as const;
/** DomainName's pattern, verbatim from the CRD (its `A-z` admits a few punctuation marks). */
const DOMAIN_NAME =
  '^(\\*\\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.?$';
/** The API leaves out host-network pods; manifests read here do not say which pods those are. */
const HOST_NETWORK = 'Host-network pods are never included (Netpol Canvas does not tell them apart).';

/** A NamespacedPod: pods chosen by namespace AND pod labels. */
function namespacedPod(api: ClusterApi, whose: string): JSONSchema {
  const v1alpha1 = api.version === 'v1alpha1';
  const keptWithWarning = ' Required in v1alpha1: left out, Netpol Canvas reads `{}` and warns.';
  return {
    type: 'object',
    description:
      `${whose}: the pods matching podSelector, in the namespaces matching namespaceSelector. ${HOST_NETWORK}`,
    required: v1alpha1 ? ['namespaceSelector', 'podSelector'] : ['podSelector'],
    properties: {
      namespaceSelector: labelSelector(
        `The namespaces to look in, by their labels. ${v1alpha1 ? `\`{}\`: every namespace.${keptWithWarning}` : 'Absent or `{}`: every namespace.'}`,
      ),
      podSelector: labelSelector(
        `The pods to pick in those namespaces, by their labels. \`{}\`: every pod.${v1alpha1 ? keptWithWarning : ' Required.'}`,
      ),
    },
  };
}

/** `spec.subject`: the pods the policy's rules are about. */
export function subject(api: ClusterApi): JSONSchema {
  return {
    type: 'object',
    ...exactlyOne,
    description:
      `The pods this policy applies to: exactly one of \`namespaces\` or \`pods\`. ${HOST_NETWORK} Being selected does not isolate a pod: traffic no rule matches goes on to the next tier.`,
    properties: {
      namespaces: labelSelector('Every pod of the namespaces whose labels match. `{}`: every pod in the cluster.'),
      pods: namespacedPod(api, 'The pods this policy applies to'),
    },
  };
}

const namespacesPeer = (side: string): JSONSchema =>
  labelSelector(`${side}: every pod of the namespaces whose labels match; \`{}\`: every namespace. ${HOST_NETWORK}`);

/** One item of `from`: pods only. */
function ingressPeer(api: ClusterApi): JSONSchema {
  return {
    type: 'object',
    ...exactlyOne,
    description:
      'One source: exactly one of `namespaces` or `pods`. Only pods match: traffic from outside the cluster or from nodes never matches a cluster-wide ingress rule (only NetworkPolicies can limit it).',
    properties: {
      namespaces: namespacesPeer('Sources'),
      pods: namespacedPod(api, 'Sources'),
    },
  };
}

function egressPeerFields(api: ClusterApi): Record<EgressPeerField, JSONSchema> {
  return {
    namespaces: namespacesPeer('Destinations'),
    pods: namespacedPod(api, 'Destinations'),
    networks: {
      type: 'array',
      ...SET_LIMITS,
      items: {
        type: 'string',
        maxLength: 43,
        description: 'An address range in CIDR notation, IPv4 or IPv6: `10.0.0.0/8`, `fd00::/8`.',
      },
      description:
        `Destinations by address: 1 to 25 distinct CIDRs. Meant for the outside world, but pod IPs match too: ${api.allow} or Deny of \`0.0.0.0/0\` also decides IPv4 pod-to-pod traffic (Pass pod traffic in an earlier rule if that is not meant). Netpol Canvas lets all of IPv4 (\`0.0.0.0/0\`) also cover pods whose IP it does not know.`,
    },
    nodes: labelSelector(
      'Experimental channel. The addresses of the nodes whose labels match (host-network pods on them too); `{}`: every node. Manifests hold no Node addresses: in Netpol Canvas this peer matches nothing.',
    ),
    domainNames: {
      type: 'array',
      ...SET_LIMITS,
      items: {
        type: 'string',
        pattern: DOMAIN_NAME,
        patternErrorMessage:
          'Not a domain name: labels of letters, digits, "-" and "_" joined by dots, optionally after "*.".',
        description:
          'A domain name, exact (`kubernetes.io`) or after `*.`, which stands for one or more whole labels (`*.kubernetes.io` matches `www.kubernetes.io`, not `kubernetes.io`).',
      },
      description:
        `Experimental channel. Destinations by DNS name, for ${api.allow} rules only (an allowlist that a later Deny closes). DNS answers decide when traffic flows: in Netpol Canvas this peer matches nothing.`,
    },
  };
}

/** One item of `to`. */
function egressPeer(api: ClusterApi): JSONSchema {
  const fields = egressPeerFields(api);
  const names = api.egressPeers.map((field) => `\`${field}\``);
  return {
    type: 'object',
    ...exactlyOne,
    description: `One destination: exactly one of ${names.slice(0, -1).join(', ')} or ${names.at(-1)}.`,
    properties: Object.fromEntries(api.egressPeers.map((field) => [field, fields[field]])),
  };
}

/** What a kind's rules have of their own. */
export interface RuleParts {
  readonly action: JSONSchema;
  /** `protocols` (v1alpha2) or `ports` (v1alpha1). */
  readonly portsKey: 'protocols' | 'ports';
  readonly ports: JSONSchema;
}

/** `spec.ingress` or `spec.egress`: rules in order of precedence. */
export function rules(api: ClusterApi, direction: 'ingress' | 'egress', parts: RuleParts): JSONSchema {
  const ingress = direction === 'ingress';
  const peersKey = ingress ? 'from' : 'to';
  const peers: JSONSchema = {
    type: 'array',
    minItems: 1,
    maxItems: api.maxItems,
    items: ingress ? ingressPeer(api) : egressPeer(api),
    description:
      `The ${ingress ? 'sources' : 'destinations'} this rule is about: it matches traffic ${ingress ? 'from' : 'to'} any of them. At least 1, at most ${api.maxItems}.`,
  };
  const rule: JSONSchema = {
    type: 'object',
    description:
      `One rule: \`action\` for traffic ${ingress ? 'from' : 'to'} one of \`${peersKey}\` on one of \`${parts.portsKey}\`.`,
    required: ['action', peersKey],
    properties: {
      name: {
        type: 'string',
        maxLength: 100,
        description:
          'A name for the rule, up to 100 characters, for people and logs. Optional, need not be unique, and never changes what the rule matches.',
      },
      action: parts.action,
      [peersKey]: peers,
      [parts.portsKey]: parts.ports,
    },
  };
  return {
    type: 'array',
    maxItems: api.maxItems,
    items: rule,
    description:
      `Rules for traffic ${ingress ? 'coming into' : 'leaving'} the subject's pods, in order of precedence: the first rule that matches a connection decides it. Absent or empty: this policy leaves that traffic alone. At most ${api.maxItems}.`,
  };
}

/** A port number, 1 to 65535. */
export function portNumber(description: string): JSONSchema {
  return { type: 'integer', minimum: 1, maximum: 65535, description };
}
