/**
 * Compiles NetworkPolicies once into matchers that carry their provenance. All of Kubernetes'
 * defaults are decided here and nowhere else:
 *
 * | written                               | meaning                                                   |
 * |---------------------------------------|-----------------------------------------------------------|
 * | policyTypes absent or []              | Ingress, plus Egress when `egress` has at least one rule  |
 * | `from`/`to` absent or []              | every peer: all pods in all namespaces and all addresses  |
 * | peer { podSelector }                  | matching pods in the policy's own namespace               |
 * | peer { namespaceSelector }            | all pods in matching namespaces                           |
 * | peer { namespaceSelector, podSelector}| matching pods in matching namespaces (AND)                |
 * | several peers                         | any of them (OR)                                          |
 * | peer { ipBlock }                      | addresses in cidr minus except: external ranges, pod IPs  |
 * | `ports` absent or []                  | every port of every protocol                              |
 * | port entry without protocol           | TCP                                                       |
 * | port entry without port               | every port of its protocol                                |
 * | port + endPort                        | the inclusive range                                       |
 * | named port                            | the destination pod's container port of that name+protocol|
 */
import type {
  IpBlockPeer,
  NetworkPolicyResource,
  PolicyPeer,
  PolicyPort,
  PolicyRule,
  PolicyType,
  Protocol,
} from '../model/types';
import type { SourceLocation } from '../model/source';
import { compileSelector, type CompiledSelector } from './selector';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  ALL_PORTS,
  connectionsOf,
  portRange,
  unionConnections,
} from './portset';
import type { ConnectionSet, Direction, PolicyId, PolicyRef, RuleRef } from './types';

export type PeerMatcher =
  | { readonly kind: 'everything' }
  /** Matches no endpoint: a cluster-wide `nodes` or `domainNames` peer (see compile-cluster.ts). */
  | { readonly kind: 'nothing' }
  | {
      readonly kind: 'pods';
      /** `undefined`: only the policy's own namespace. */
      readonly namespaces?: CompiledSelector;
      /** `undefined`: every pod of those namespaces. */
      readonly pods?: CompiledSelector;
    }
  | {
      readonly kind: 'ipBlock';
      readonly block: IpBlockPeer;
      /**
       * Whether pods with no known IP are taken to be inside: a cluster-wide `networks` entry
       * covering all of IPv4 (0.0.0.0/0), which the API says covers pod-to-pod traffic.
       */
      readonly ipLessPods?: boolean;
    };

export interface NamedPort {
  /** `undefined`: any protocol, the container port's own (cluster-wide `destinationNamedPort`). */
  readonly protocol?: Protocol;
  readonly name: string;
  readonly location: SourceLocation;
}

export interface CompiledRule {
  readonly ref: RuleRef;
  readonly peers: readonly PeerMatcher[];
  /** Numeric ports (and whole protocols) the rule allows whatever the destination. */
  readonly fixedPorts: ConnectionSet;
  /** Named ports, resolved against each destination's container ports. */
  readonly namedPorts: readonly NamedPort[];
}

/** The pods a policy applies to: in its own namespace (NetworkPolicy) or in matching ones. */
export interface CompiledSubject {
  /** `undefined`: the policy's own namespace. */
  readonly namespaces?: CompiledSelector;
  /** `undefined`: every pod of those namespaces. */
  readonly pods?: CompiledSelector;
}

export interface CompiledPolicy {
  readonly ref: PolicyRef;
  /** A NetworkPolicy's namespace: its subjects, and `pods` peers without namespaceSelector, are there. */
  readonly namespace?: string;
  readonly subject: CompiledSubject;
  /**
   * Rules per direction, in the order written. A NetworkPolicy's is `undefined` when it does not
   * isolate that direction; a cluster-wide policy's is `[]` when it has no rules for it.
   */
  readonly ingress?: readonly CompiledRule[];
  readonly egress?: readonly CompiledRule[];
  /** Directions with rules written but left out of policyTypes: those rules have no effect. */
  readonly ignoredDirections: readonly Direction[];
}

export function policyId(namespace: string, name: string): PolicyId {
  return `${namespace}/${name}` as PolicyId;
}

export function effectivePolicyTypes(policy: NetworkPolicyResource): PolicyType[] {
  if (policy.policyTypes && policy.policyTypes.length > 0) return [...new Set(policy.policyTypes)];
  // The API server's defaulting: Ingress always; Egress only if there is an egress rule.
  return policy.egress && policy.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

const EVERYTHING: readonly PeerMatcher[] = [{ kind: 'everything' }];

function compilePeer(peer: PolicyPeer): PeerMatcher {
  if (peer.ipBlock) return { kind: 'ipBlock', block: peer.ipBlock };
  return {
    kind: 'pods',
    ...(peer.namespaceSelector ? { namespaces: compileSelector(peer.namespaceSelector) } : {}),
    ...(peer.podSelector ? { pods: compileSelector(peer.podSelector) } : {}),
  };
}

function compilePorts(ports: readonly PolicyPort[] | undefined): {
  fixedPorts: ConnectionSet;
  namedPorts: NamedPort[];
} {
  if (!ports || ports.length === 0) return { fixedPorts: ALL_CONNECTIONS, namedPorts: [] };
  let fixedPorts = NO_CONNECTIONS;
  const namedPorts: NamedPort[] = [];
  for (const entry of ports) {
    const protocol = entry.protocol ?? 'TCP';
    if (typeof entry.port === 'string') {
      namedPorts.push({ protocol, name: entry.port, location: entry.location });
      continue;
    }
    const allowed =
      entry.port === undefined ? ALL_PORTS : portRange(entry.port, entry.endPort ?? entry.port);
    fixedPorts = unionConnections(fixedPorts, connectionsOf(protocol, allowed));
  }
  return { fixedPorts, namedPorts };
}

function compileRule(
  rule: PolicyRule,
  index: number,
  direction: Direction,
  policy: PolicyId,
): CompiledRule {
  const peers = rule.peers && rule.peers.length > 0 ? rule.peers.map(compilePeer) : EVERYTHING;
  return {
    ref: { policy, direction, index, location: rule.location, tier: 'networkPolicy', action: 'accept' },
    peers,
    ...compilePorts(rule.ports),
  };
}

export function compilePolicy(policy: NetworkPolicyResource): CompiledPolicy {
  const id = policyId(policy.namespace, policy.name);
  const types = effectivePolicyTypes(policy);
  const rules = (list: readonly PolicyRule[] | undefined, direction: Direction) =>
    (list ?? []).map((rule, index) => compileRule(rule, index, direction, id));
  return {
    ref: {
      id,
      kind: 'NetworkPolicy',
      namespace: policy.namespace,
      name: policy.name,
      location: policy.location,
      nameLocation: policy.nameLocation,
      tier: 'networkPolicy',
      policyTypes: types,
    },
    namespace: policy.namespace,
    subject: { pods: compileSelector(policy.podSelector) },
    ...(types.includes('Ingress') ? { ingress: rules(policy.ingress, 'ingress') } : {}),
    ...(types.includes('Egress') ? { egress: rules(policy.egress, 'egress') } : {}),
    ignoredDirections: (['Ingress', 'Egress'] as const)
      .filter((type) => !types.includes(type) && (policy[type === 'Ingress' ? 'ingress' : 'egress'] ?? []).length > 0)
      .map((type) => (type === 'Ingress' ? 'ingress' : 'egress')),
  };
}
