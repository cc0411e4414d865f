/**
 * The engine's entry point: resources in, endpoints + connectivity + the tables behind them out.
 */
import type { Diagnostic } from '../model/source';
import type { ClusterResources } from '../model/types';
import { Analyzer } from './analyzer';
import type { MatchTables } from './matching';
import type { Connection, Endpoint, EndpointId, NamespaceInfo, PolicyId, PolicyRef } from './types';

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

/** One analysis from scratch: an Analyzer with no previous revision to reuse. */
export function analyze(resources: ClusterResources): Analysis {
  return new Analyzer().update(resources);
}
