/**
 * Endpoints and namespaces from the resources.
 * - Each controller object is one endpoint `ns/name[Kind]`.
 * - A Pod with a controlling owner joins the endpoint `ns/<owner>[<OwnerKind>]` (the same endpoint
 *   as the owner object when that is in the input too); a Pod without one is `ns/name[Pod]`.
 * - External endpoints: the address space cut at every ipBlock boundary of every policy.
 * - Namespaces: the declared ones plus every namespace used by a workload or a policy; each carries
 *   the automatic label `kubernetes.io/metadata.name`, as the API server adds it.
 */
import type { Diagnostic } from '../model/source';
import type {
  ClusterResources,
  ContainerPort,
  IpBlockPeer,
  NetworkPolicyResource,
  WorkloadResource,
} from '../model/types';
import { diagnosticText } from './messages';
import { carveAddressSpace, rangeText } from './address-space';
import { sameData } from './same-data';
import type { EndpointId, ExternalEndpoint, NamespaceInfo, WorkloadEndpoint } from './types';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function workloadId(namespace: string, name: string, kind: string): EndpointId {
  return `${namespace}/${name}[${kind}]` as EndpointId;
}

export function buildNamespaces(resources: ClusterResources): NamespaceInfo[] {
  const byName = new Map<string, NamespaceInfo>();
  for (const ns of resources.namespaces) {
    byName.set(ns.name, {
      name: ns.name,
      labels: { ...ns.labels, [NAMESPACE_NAME_LABEL]: ns.name },
      declared: true,
      location: ns.location,
    });
  }
  const used = [
    ...resources.workloads.map((w) => w.namespace),
    ...resources.policies.map((p) => p.namespace),
  ];
  for (const name of used) {
    if (!byName.has(name)) {
      byName.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false });
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The workloads that make one endpoint: a controller, its Pods, or both. */
export interface WorkloadGroup {
  readonly id: EndpointId;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly members: readonly WorkloadResource[];
}

function endpointKey(workload: WorkloadResource): { kind: string; name: string } {
  return workload.kind === 'Pod' && workload.owner
    ? { kind: workload.owner.kind, name: workload.owner.name }
    : { kind: workload.kind, name: workload.name };
}

function uniquePorts(members: readonly WorkloadResource[]): ContainerPort[] {
  const seen = new Map<string, ContainerPort>();
  for (const port of members.flatMap((m) => m.ports)) {
    seen.set(`${port.name ?? ''}/${port.port}/${port.protocol ?? 'TCP'}`, port);
  }
  return [...seen.values()];
}

/** Groups workloads by the endpoint they belong to, in the order the groups first appear. */
export function groupWorkloads(resources: ClusterResources): WorkloadGroup[] {
  const groups = new Map<EndpointId, WorkloadGroup & { members: WorkloadResource[] }>();
  for (const workload of resources.workloads) {
    const { kind, name } = endpointKey(workload);
    const id = workloadId(workload.namespace, name, kind);
    const group = groups.get(id);
    if (group) group.members.push(workload);
    else groups.set(id, { id, kind, namespace: workload.namespace, name, members: [workload] });
  }
  return [...groups.values()];
}

/**
 * The endpoint of a group. Its labels come from its controller when that is in the input (its pod
 * template), else from its first pod; pods that disagree get a warning, because the graph then
 * shows one label set for pods that policies may treat differently.
 */
export function workloadEndpoint(group: WorkloadGroup): { endpoint: WorkloadEndpoint; diagnostics: Diagnostic[] } {
  const representative = group.members.find((m) => m.kind !== 'Pod') ?? group.members[0]!;
  const diagnostics: Diagnostic[] = group.members
    .filter((member) => member !== representative && !sameData(member.labels, representative.labels))
    .map((member) => ({
      severity: 'warning',
      code: 'owner-labels-differ',
      message: diagnosticText.ownerLabelsDiffer(member.name, group.id, `${representative.kind} ${representative.name}`),
      location: member.location,
    }));
  const endpoint: WorkloadEndpoint = {
    type: 'workload',
    id: group.id,
    kind: group.kind,
    namespace: group.namespace,
    name: group.name,
    labels: representative.labels,
    ports: uniquePorts(group.members),
    ips: group.members.flatMap((m) => m.podIPs),
    locations: group.members.map((m) => m.location),
  };
  return { endpoint, diagnostics };
}

export function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The ipBlock peers of a policy's rules, in order. */
export function ipBlocksOf(policy: NetworkPolicyResource): IpBlockPeer[] {
  return [...(policy.ingress ?? []), ...(policy.egress ?? [])].flatMap((rule) =>
    (rule.peers ?? []).flatMap((peer) => (peer.ipBlock ? [peer.ipBlock] : [])),
  );
}

/** The external endpoints: the address space cut at every boundary of `blocks`. */
export function externalEndpoints(blocks: readonly IpBlockPeer[]): ExternalEndpoint[] {
  return carveAddressSpace(blocks).map((range) => ({
    type: 'external',
    id: rangeText(range) as EndpointId,
    kind: 'IPBlock',
    range,
  }));
}
