/**
 * Endpoints and namespaces from the resources.
 * - Each controller object is one endpoint `ns/name[Kind]`.
 * - A Pod with a controlling owner joins the group `ns/<owner>[<OwnerKind>]` (the same group as the
 *   owner object when that is in the input too); a Pod without one is `ns/name[Pod]`. A group is
 *   one endpoint when nothing in the input tells its pods apart, else one endpoint per Pod
 *   (grouping.ts decides).
 * - External endpoints: the address space cut at every ipBlock boundary of every policy.
 * - Namespaces: the declared ones plus every namespace used by a workload or a policy; each carries
 *   the automatic label `kubernetes.io/metadata.name`, as the API server adds it.
 */
import type {
  ClusterResources,
  ContainerPort,
  IpBlockPeer,
  NetworkPolicyResource,
  WorkloadResource,
} from '../model/types';
import { carveAddressSpace, rangeText, type AddressFamily } from './address-space';
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

/** The workloads that make one endpoint, or one endpoint per Pod (see grouping.ts). */
export interface WorkloadGroup {
  readonly id: EndpointId;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** Every object of the group, in input order: a controller, its Pods, or both. */
  readonly objects: readonly WorkloadResource[];
  /**
   * A Pod outside the group whose own id is the group's id (possible only for `ns/<owner>[Pod]`,
   * an owner reference without kind): then the group is shown pod by pod, so ids stay unique.
   */
  readonly shadowedBy?: WorkloadResource;
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
  const groups = new Map<EndpointId, { id: EndpointId; kind: string; namespace: string; name: string; objects: WorkloadResource[] }>();
  const groupOfPod = new Map<EndpointId, EndpointId>();
  for (const workload of resources.workloads) {
    const { kind, name } = endpointKey(workload);
    const id = workloadId(workload.namespace, name, kind);
    const group = groups.get(id);
    if (group) group.objects.push(workload);
    else groups.set(id, { id, kind, namespace: workload.namespace, name, objects: [workload] });
    if (workload.kind === 'Pod') groupOfPod.set(workloadId(workload.namespace, workload.name, 'Pod'), id);
  }
  return [...groups.values()].map((group) => {
    const holder = group.kind === 'Pod' ? groupOfPod.get(group.id) : undefined;
    if (holder === undefined || holder === group.id) return group;
    const shadowedBy = groups.get(holder)!.objects.find((o) => o.kind === 'Pod' && o.name === group.name)!;
    return { ...group, shadowedBy };
  });
}

/**
 * The objects that stand for a group: its Pods when the input has any, else its controller (whose
 * pod template is then all that is known). A controller next to its Pods is only where the
 * group's YAML is.
 */
export function membersOf(group: WorkloadGroup): readonly WorkloadResource[] {
  const pods = group.objects.filter((o) => o.kind === 'Pod');
  return pods.length > 0 ? pods : group.objects;
}

/**
 * The group as one endpoint, matched with its first member's labels: right only when its members
 * are interchangeable (grouping.ts decides), so any member would give the same answers.
 * `varyingLabels`: the label keys whose values differ between the members (sorted).
 */
export function groupEndpoint(group: WorkloadGroup, varyingLabels: readonly string[]): WorkloadEndpoint {
  const members = membersOf(group);
  return {
    type: 'workload',
    id: group.id,
    kind: group.kind,
    namespace: group.namespace,
    name: group.name,
    labels: members[0]!.labels,
    ports: uniquePorts(members),
    ips: members.flatMap((m) => m.podIPs),
    locations: group.objects.map((m) => m.location),
    ...(varyingLabels.length > 0 ? { varyingLabels } : {}),
  };
}

/** A Pod as its own endpoint `ns/name[Pod]`, with its own labels, ports and IPs. */
export function podEndpoint(pod: WorkloadResource): WorkloadEndpoint {
  return {
    type: 'workload',
    id: workloadId(pod.namespace, pod.name, 'Pod'),
    kind: 'Pod',
    namespace: pod.namespace,
    name: pod.name,
    labels: pod.labels,
    ports: uniquePorts([pod]),
    ips: pod.podIPs,
    locations: [pod.location],
  };
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

/** The external endpoints: the address space (IPv6 too when asked) cut at every boundary of `blocks`. */
export function externalEndpoints(
  blocks: readonly IpBlockPeer[],
  families?: readonly AddressFamily[],
): ExternalEndpoint[] {
  return carveAddressSpace(blocks, families).map((range) => ({
    type: 'external',
    id: rangeText(range) as EndpointId,
    kind: 'IPBlock',
    range,
  }));
}
