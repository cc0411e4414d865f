/**
 * Analyses successive revisions of one cluster, redoing only what a revision changed. An editor
 * keystroke changes one policy or one workload; everything else is taken from the previous
 * analysis:
 * - policies are compiled, and endpoints built, once per resource object (the model hands
 *   unchanged objects back as the same objects); a policy whose document only moved (an edit
 *   above it added or removed lines) gets its previous compilation with the new locations, and
 *   keeps its previous match and everything computed from it;
 * - when the namespaces and the endpoint list are the same as before (same ids, same order), each
 *   previous policy match is kept, re-testing only the endpoints whose labels, ports or addresses
 *   changed; any other change of the endpoint list matches every policy afresh;
 * - an endpoint's side (what it allows in a direction) is rebuilt only when its isolating policies
 *   or the ports it depends on changed, and only the connections through rebuilt sides are redone.
 * Results that did not change keep their identity, so consumers can skip them by `===`.
 * `analyze()` is this with no previous revision: there is one evaluator, not two.
 */
import type { Diagnostic } from '../model/source';
import type { ClusterResources, IpBlockPeer, NetworkPolicyResource, WorkloadResource } from '../model/types';
import type { Analysis, EndpointIsolation, PolicySummary } from './analyze';
import { compilePolicy, policyId, relocatePolicy, type CompiledPolicy } from './compile';
import { buildSides, connectionRows } from './connectivity';
import { updateConnectivity, type Connectivity } from './connectivity-update';
import {
  EndpointIndex,
  matchPolicy,
  rebindMatch,
  rematchPolicy,
  tablesOf,
  type MatchTables,
  type MatchedPolicy,
} from './matching';
import { diagnosticsOfPolicy } from './policy-diagnostics';
import { keepEqual, universeChange, type UniverseChange } from './revision-diff';
import { LOCATION_KEYS, sameData, sameItems } from './same-data';
import {
  buildNamespaces,
  byId,
  externalEndpoints,
  groupWorkloads,
  ipBlocksOf,
  workloadEndpoint,
  type WorkloadGroup,
} from './topology';
import type { Endpoint, EndpointId, ExternalEndpoint, WorkloadEndpoint } from './types';

/** What a policy resource gives, whatever the rest of the cluster. */
interface PolicyWork {
  readonly compiled: CompiledPolicy;
  readonly blocks: readonly IpBlockPeer[];
  /** The previous revision's compilation of the same text, when the document only moved. */
  readonly movedFrom?: CompiledPolicy;
}

/** What a group of workloads gives. */
interface GroupWork {
  readonly members: readonly WorkloadResource[];
  readonly endpoint: WorkloadEndpoint;
  readonly diagnostics: readonly Diagnostic[];
}

/** What one revision leaves for the next. */
interface Memory extends Connectivity {
  readonly analysis: Analysis;
  readonly policyWork: ReadonlyMap<NetworkPolicyResource, PolicyWork>;
  readonly groupWork: ReadonlyMap<EndpointId, GroupWork>;
  readonly blocks: readonly IpBlockPeer[];
  readonly externals: readonly ExternalEndpoint[];
  readonly index: EndpointIndex;
  readonly matched: ReadonlyMap<CompiledPolicy, MatchedPolicy>;
  /** For a match carried over from a moved policy, the match it stands for in sides and rows. */
  readonly original: ReadonlyMap<MatchedPolicy, MatchedPolicy>;
  readonly policyById: ReadonlyMap<string, NetworkPolicyResource>;
  readonly summaries: ReadonlyMap<MatchedPolicy, PolicySummary>;
  readonly policyDiagnostics: ReadonlyMap<MatchedPolicy, readonly Diagnostic[]>;
}

export class Analyzer {
  private memory: Memory | undefined;

  update(resources: ClusterResources): Analysis {
    const before = this.memory;
    const previous = before?.analysis;

    const policyWork = new Map(resources.policies.map((policy) => [policy, this.policyWork(policy)]));
    const blocks = [...policyWork.values()].flatMap((work) => work.blocks);
    const externals = before && sameItems(blocks, before.blocks) ? before.externals : externalEndpoints(blocks);

    const groupWork = new Map(groupWorkloads(resources).map((group) => [group.id, this.groupWork(group)]));
    const workloadEndpoints = [...groupWork.values()].map((work) => work.endpoint).sort(byId);
    const namespaces = buildNamespaces(resources);
    const endpoints = keepEqual<Endpoint>([...workloadEndpoints, ...externals], (e) => {
      const i = previous?.endpointIndex.get(e.id);
      return i === undefined ? undefined : previous!.endpoints[i];
    });

    // Previous matches, sides and rows are indexed by endpoint: reusable only over the same list.
    const change = previous && universeChange(previous, namespaces, endpoints);
    const reusable = change && before;
    const index =
      reusable && change.changed.length === 0 && change.namespacesUnchanged
        ? reusable.index
        : new EndpointIndex(endpoints, namespaces);
    const { matched, original } = this.match(policyWork, index, reusable && change);
    const originalOf = (m: MatchedPolicy) => original.get(m) ?? before?.original.get(m) ?? m;
    const tables = tablesOf(matched, endpoints.length);
    const endpointIndex: ReadonlyMap<EndpointId, number> = reusable
      ? reusable.analysis.endpointIndex
      : new Map(endpoints.map((e, i) => [e.id, i]));
    const { sides, rows } = reusable
      ? updateConnectivity({ ...reusable, tables: reusable.analysis.tables }, tables, change!.changed, {
          endpoints,
          index: endpointIndex,
          same: (a, b) => originalOf(a) === originalOf(b),
        })
      : fresh(endpoints, tables);

    const summaries = new Map(
      matched.map((m) => [m, reusable?.summaries.get(m) ?? { ref: m.policy.ref, selects: m.selected.map((i) => endpoints[i]!.id) }]),
    );
    const policyDiagnostics = this.policyDiagnostics(matched, endpoints, reusable && change);

    const isolation = isolationOf(endpoints, tables, previous, reusable?.analysis.tables);

    const previousNamespaces = new Map(previous?.namespaces.map((ns) => [ns.name, ns]));
    const analysis: Analysis = {
      namespaces: keepEqual(namespaces, (ns) => previousNamespaces.get(ns.name)),
      endpoints,
      // Rows handed back whole: so are their connections (flattening is O(connections)).
      connections: before && rows === before.rows ? before.analysis.connections : rows.flat(),
      policies: [...summaries.values()],
      isolation,
      diagnostics: [
        ...[...groupWork.values()].flatMap((work) => work.diagnostics),
        ...[...policyDiagnostics.values()].flat(),
      ],
      endpointIndex,
      tables,
    };
    this.memory = {
      analysis,
      policyWork,
      groupWork,
      blocks,
      externals,
      index,
      matched: new Map(matched.map((m) => [m.policy, m])),
      original,
      policyById: new Map(resources.policies.map((p) => [policyId(p.namespace, p.name), p])),
      sides,
      rows,
      summaries,
      policyDiagnostics,
    };
    return analysis;
  }

  /**
   * Each policy matched: the previous match re-tested against the changed endpoints, a moved
   * twin's match rebound to the new compilation, else matched afresh. `original` maps a
   * rebound match to the match whose sides and rows it reuses.
   */
  private match(
    policyWork: ReadonlyMap<NetworkPolicyResource, PolicyWork>,
    index: EndpointIndex,
    change: UniverseChange | undefined,
  ): { matched: MatchedPolicy[]; original: Map<MatchedPolicy, MatchedPolicy> } {
    const memory = change && this.memory;
    const original = new Map<MatchedPolicy, MatchedPolicy>();
    const matched = [...policyWork.values()].map(({ compiled, movedFrom }) => {
      if (!memory) return matchPolicy(compiled, index);
      const earlier = memory.matched.get(compiled);
      const twin = movedFrom && memory.matched.get(movedFrom);
      const reused = earlier ?? (twin && rebindMatch(twin, compiled));
      if (!reused) return matchPolicy(compiled, index);
      const rematched = rematchPolicy(reused, change!.changed, index);
      const standsFor = earlier ? memory.original.get(earlier) : (memory.original.get(twin!) ?? twin);
      if (rematched === reused && standsFor) original.set(reused, standsFor);
      return rematched;
    });
    return { matched, original };
  }

  /** A policy's compilation: the previous one for the same object; noting a moved twin. */
  private policyWork(policy: NetworkPolicyResource): PolicyWork {
    const memory = this.memory;
    const earlier = memory?.policyWork.get(policy);
    if (earlier) return earlier;
    const twin = memory?.policyById.get(policyId(policy.namespace, policy.name));
    const moved = twin && sameData(twin, policy, LOCATION_KEYS) ? memory!.policyWork.get(twin) : undefined;
    if (moved) return { compiled: relocatePolicy(moved.compiled, policy), blocks: moved.blocks, movedFrom: moved.compiled };
    return { compiled: compilePolicy(policy), blocks: ipBlocksOf(policy) };
  }

  /** A group's endpoint, the previous one when the group has the same member objects. */
  private groupWork(group: WorkloadGroup): GroupWork {
    const earlier = this.memory?.groupWork.get(group.id);
    if (earlier && sameItems(earlier.members, group.members)) return earlier;
    return { members: group.members, ...workloadEndpoint(group) };
  }

  /** Per matched policy, its diagnostics: the previous ones while neither it nor any port changed. */
  private policyDiagnostics(
    matched: readonly MatchedPolicy[],
    endpoints: readonly Endpoint[],
    change: UniverseChange | undefined,
  ): Map<MatchedPolicy, readonly Diagnostic[]> {
    const reusable = change && !change.portsChanged ? this.memory?.policyDiagnostics : undefined;
    return new Map(matched.map((m) => [m, reusable?.get(m) ?? diagnosticsOfPolicy(m, endpoints)]));
  }
}

/**
 * Per workload endpoint, the policies isolating it; an entry equal to the previous one is the
 * previous object (over the same tables, without comparing).
 */
function isolationOf(
  endpoints: readonly Endpoint[],
  tables: MatchTables,
  previous: Analysis | undefined,
  previousTables: MatchTables | undefined,
): Map<EndpointId, EndpointIsolation> {
  const isolation = new Map<EndpointId, EndpointIsolation>();
  endpoints.forEach((endpoint, i) => {
    if (endpoint.type !== 'workload') return;
    const [ingress, egress] = [tables.ingressIsolation[i]!, tables.egressIsolation[i]!];
    const earlier = previous?.isolation.get(endpoint.id);
    const sameTables =
      previousTables &&
      sameItems(ingress, previousTables.ingressIsolation[i]!) &&
      sameItems(egress, previousTables.egressIsolation[i]!);
    const entry =
      earlier && sameTables
        ? earlier
        : { ingress: ingress.map((m) => m.policy.ref.id), egress: egress.map((m) => m.policy.ref.id) };
    isolation.set(endpoint.id, earlier && sameData(earlier, entry) ? earlier : entry);
  });
  return isolation;
}

function fresh(endpoints: readonly Endpoint[], tables: MatchTables): Connectivity {
  const sides = buildSides(endpoints, tables);
  const row = connectionRows(endpoints, sides);
  return { sides, rows: endpoints.map((_, s) => row(s)) };
}
