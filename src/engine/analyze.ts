/**
 * The engine's entry point: resources in, endpoints + connectivity + the tables behind them out.
 */
import type { Diagnostic } from '../model/source';
import type { ClusterResources } from '../model/types';
import { carveAddressSpace, rangeText } from './address-space';
import { compilePolicy } from './compile';
import { computeConnections } from './connectivity';
import { buildMatchTables, type MatchTables } from './matching';
import { policyDiagnostics } from './policy-diagnostics';
import { buildNamespaces, buildWorkloadEndpoints } from './topology';
import type {
  Connection,
  Endpoint,
  EndpointId,
  ExternalEndpoint,
  NamespaceInfo,
  PolicyId,
  PolicyRef,
} from './types';

export interface PolicySummary {
  readonly ref: PolicyRef;
  /** The workload endpoints its podSelector selects (in its namespace). */
  readonly selects: readonly EndpointId[];
}

export interface EndpointIsolation {
  readonly ingress: readonly PolicyId[];
  readonly egress: readonly PolicyId[];
}

export interface Analysis {
  readonly namespaces: readonly NamespaceInfo[];
  /** Workloads sorted by id, then external ranges in address order. */
  readonly endpoints: readonly Endpoint[];
  /** Every ordered pair of distinct endpoints with something allowed; absent pairs are denied. */
  readonly connections: readonly Connection[];
  readonly policies: readonly PolicySummary[];
  /** Per endpoint id: the policies isolating it per direction (none for external endpoints). */
  readonly isolation: ReadonlyMap<EndpointId, EndpointIsolation>;
  /** What the engine noticed: unresolved named ports, policies selecting nothing, … */
  readonly diagnostics: readonly Diagnostic[];
  readonly endpointIndex: ReadonlyMap<EndpointId, number>;
  /** The compiled, matched policies: explanations walk these. */
  readonly tables: MatchTables;
}

function externalEndpoints(resources: ClusterResources): ExternalEndpoint[] {
  const blocks = resources.policies.flatMap((policy) =>
    [...(policy.ingress ?? []), ...(policy.egress ?? [])].flatMap((rule) =>
      (rule.peers ?? []).flatMap((peer) => (peer.ipBlock ? [peer.ipBlock] : [])),
    ),
  );
  return carveAddressSpace(blocks).map((range) => ({
    type: 'external',
    id: rangeText(range) as EndpointId,
    kind: 'IPBlock',
    range,
  }));
}

export function analyze(resources: ClusterResources): Analysis {
  const namespaces = buildNamespaces(resources);
  const workloads = buildWorkloadEndpoints(resources);
  const endpoints: Endpoint[] = [...workloads.endpoints, ...externalEndpoints(resources)];
  const compiled = resources.policies.map(compilePolicy);
  const tables = buildMatchTables(compiled, endpoints, namespaces);
  const connections = computeConnections(endpoints, tables);
  const isolation = new Map<EndpointId, EndpointIsolation>();
  endpoints.forEach((endpoint, i) => {
    if (endpoint.type !== 'workload') return;
    isolation.set(endpoint.id, {
      ingress: tables.ingressIsolation[i]!.map((m) => m.policy.ref.id),
      egress: tables.egressIsolation[i]!.map((m) => m.policy.ref.id),
    });
  });
  return {
    namespaces,
    endpoints,
    connections,
    policies: tables.policies.map((m) => ({ ref: m.policy.ref, selects: m.selected.map((i) => endpoints[i]!.id) })),
    isolation,
    diagnostics: [...workloads.diagnostics, ...policyDiagnostics(tables, endpoints)],
    endpointIndex: new Map(endpoints.map((e, i) => [e.id, i])),
    tables,
  };
}
