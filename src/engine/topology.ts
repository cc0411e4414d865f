/**
 * Endpoints and namespaces from the resources.
 * - Each controller object is one endpoint `ns/name[Kind]`.
 * - A Pod with a controlling owner joins the endpoint `ns/<owner>[<OwnerKind>]` (the same endpoint
 *   as the owner object when that is in the input too); a Pod without one is `ns/name[Pod]`.
 * - Namespaces: the declared ones plus every namespace used by a workload or a policy; each carries
 *   the automatic label `kubernetes.io/metadata.name`, as the API server adds it.
 */
import type { Diagnostic } from '../model/source';
import type { ClusterResources, ContainerPort, Labels, WorkloadResource } from '../model/types';
import { diagnosticText } from './messages';
import type { EndpointId, NamespaceInfo, WorkloadEndpoint } from './types';

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

interface EndpointDraft {
  id: EndpointId;
  kind: string;
  namespace: string;
  name: string;
  members: WorkloadResource[];
}

function endpointKey(workload: WorkloadResource): { kind: string; name: string } {
  return workload.kind === 'Pod' && workload.owner
    ? { kind: workload.owner.kind, name: workload.owner.name }
    : { kind: workload.kind, name: workload.name };
}

function sameLabels(a: Labels, b: Labels): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

function uniquePorts(members: readonly WorkloadResource[]): ContainerPort[] {
  const seen = new Map<string, ContainerPort>();
  for (const port of members.flatMap((m) => m.ports)) {
    seen.set(`${port.name ?? ''}/${port.port}/${port.protocol ?? 'TCP'}`, port);
  }
  return [...seen.values()];
}

/**
 * Groups workloads into endpoints. The labels of a group come from its controller when that is in
 * the input (its pod template), else from its first pod; pods that disagree get a warning, because
 * the graph then shows one label set for pods that policies may treat differently.
 */
export function buildWorkloadEndpoints(resources: ClusterResources): {
  endpoints: WorkloadEndpoint[];
  diagnostics: Diagnostic[];
} {
  const drafts = new Map<EndpointId, EndpointDraft>();
  for (const workload of resources.workloads) {
    const { kind, name } = endpointKey(workload);
    const id = workloadId(workload.namespace, name, kind);
    const draft = drafts.get(id) ?? { id, kind, namespace: workload.namespace, name, members: [] };
    draft.members.push(workload);
    drafts.set(id, draft);
  }
  const diagnostics: Diagnostic[] = [];
  const endpoints = [...drafts.values()].map((draft): WorkloadEndpoint => {
    const representative = draft.members.find((m) => m.kind !== 'Pod') ?? draft.members[0]!;
    for (const member of draft.members) {
      if (member !== representative && !sameLabels(member.labels, representative.labels)) {
        diagnostics.push({
          severity: 'warning',
          code: 'owner-labels-differ',
          message: diagnosticText.ownerLabelsDiffer(member.name, draft.id, `${representative.kind} ${representative.name}`),
          location: member.location,
        });
      }
    }
    return {
      type: 'workload',
      id: draft.id,
      kind: draft.kind,
      namespace: draft.namespace,
      name: draft.name,
      labels: representative.labels,
      ports: uniquePorts(draft.members),
      ips: draft.members.flatMap((m) => m.podIPs),
      locations: draft.members.map((m) => m.location),
    };
  });
  endpoints.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { endpoints, diagnostics };
}
