/**
 * Compiles cluster-wide policies (ClusterNetworkPolicy, AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy) into the shape NetworkPolicies compile to, so one matcher serves
 * both. What the network-policy-api says, decided here and nowhere else:
 *
 * | written                                 | meaning                                                 |
 * |-----------------------------------------|---------------------------------------------------------|
 * | subject namespaces S                    | every pod of the namespaces S selects                   |
 * | subject pods {namespaceSelector, podSel}| matching pods of matching namespaces                    |
 * | peer namespaces / pods                  | the same, for peers: never an outside address           |
 * | peer networks (egress)                  | addresses in the CIDRs: outside ones and pod IPs; all of|
 * |                                         | IPv4 (0.0.0.0/0) also takes in pods with no known IP    |
 * | peer nodes / domainNames (egress)       | nothing the input can hold (node IPs, DNS answers)      |
 * | `ports`/`protocols` absent              | every port of every protocol                            |
 * | named port                              | the destination's container port of that name, of its  |
 * |                                         | own protocol                                            |
 * | rules                                   | the first that matches the peer and port decides:       |
 * |                                         | Accept/Allow, Deny, or Pass (on to NetworkPolicies)     |
 */
import type { ClusterPeer, ClusterPolicyResource, ClusterPort, ClusterRule } from '../model/types';
import type { CompiledPolicy, CompiledRule, NamedPort, PeerMatcher } from './compile';
import { ALL_CONNECTIONS, NO_CONNECTIONS, connectionsOf, portRange, unionConnections } from './portset';
import { compileSelector } from './selector';
import type { ConnectionSet, Direction, PolicyId, RuleAction } from './types';

/** `ClusterNetworkPolicy/guardrails`: kinds start with a capital, namespaces never do. */
export function clusterPolicyId(policy: Pick<ClusterPolicyResource, 'kind' | 'name'>): PolicyId {
  return `${policy.kind}/${policy.name}` as PolicyId;
}

const ACTIONS: Readonly<Record<ClusterRule['action'], RuleAction>> = { Accept: 'accept', Deny: 'deny', Pass: 'pass' };

/** The `networks` CIDR that covers pod-to-pod traffic too, pods with unknown IPs included. */
const ALL_IPV4 = '0.0.0.0/0';

function compilePeer(peer: ClusterPeer): PeerMatcher[] {
  switch (peer.kind) {
    case 'pods':
      return [
        { kind: 'pods', namespaces: compileSelector(peer.namespaces), ...(peer.pods ? { pods: compileSelector(peer.pods) } : {}) },
      ];
    case 'networks':
      return peer.cidrs.map((cidr) => ({
        kind: 'ipBlock',
        block: { cidr, except: [] },
        ...(cidr.text === ALL_IPV4 ? { ipLessPods: true } : {}),
      }));
    case 'nodes':
    case 'domainNames':
      return [{ kind: 'nothing' }];
  }
}

function compilePorts(ports: readonly ClusterPort[] | undefined): { fixedPorts: ConnectionSet; namedPorts: NamedPort[] } {
  if (!ports) return { fixedPorts: ALL_CONNECTIONS, namedPorts: [] };
  let fixedPorts = NO_CONNECTIONS;
  const namedPorts: NamedPort[] = [];
  for (const entry of ports) {
    if (entry.kind === 'named') namedPorts.push({ name: entry.name, location: entry.location });
    else fixedPorts = unionConnections(fixedPorts, connectionsOf(entry.protocol, portRange(entry.port, entry.endPort ?? entry.port)));
  }
  return { fixedPorts, namedPorts };
}

export function compileClusterPolicy(policy: ClusterPolicyResource): CompiledPolicy {
  const id = clusterPolicyId(policy);
  const tier = policy.tier === 'Admin' ? 'admin' : 'baseline';
  const rules = (list: readonly ClusterRule[], direction: Direction): CompiledRule[] =>
    list.map((rule, index) => ({
      ref: {
        policy: id,
        direction,
        index,
        location: rule.location,
        tier,
        action: ACTIONS[rule.action],
        ...(rule.name === undefined ? {} : { name: rule.name }),
      },
      peers: rule.peers.flatMap(compilePeer),
      ...compilePorts(rule.ports),
    }));
  return {
    ref: {
      id,
      kind: policy.kind,
      name: policy.name,
      location: policy.location,
      nameLocation: policy.nameLocation,
      tier,
      priority: policy.priority,
      policyTypes: [],
    },
    subject: {
      namespaces: compileSelector(policy.subject.namespaces),
      ...(policy.subject.pods ? { pods: compileSelector(policy.subject.pods) } : {}),
    },
    ingress: rules(policy.ingress, 'ingress'),
    egress: rules(policy.egress, 'egress'),
    ignoredDirections: [],
  };
}
