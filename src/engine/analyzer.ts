/**
 * Analyses successive revisions of one cluster, redoing only what a revision changed. An editor
 * keystroke changes one policy or one workload; everything else is taken from the previous
 * analysis:
 * - policies are compiled, and endpoints built, once per resource object (the model hands
 *   unchanged objects back as the same objects, also when their document moved: locations are
 *   relative to their document); only a group of pods that differ from one another is looked at
 *   again when the policies change, since they decide whether it is one endpoint or one per pod;
 * - when the namespaces and the endpoint list are the same as before (same ids, same order), each
 *   previous policy match is kept, re-testing only the endpoints whose labels, ports or addresses
 *   changed; any other change of the endpoint list matches every policy afresh;
 * - an endpoint's side (what it allows in a direction) is rebuilt only when its isolating policies
 *   or the ports it depends on changed, and only the connections through rebuilt sides are redone.
 * Results that did not change keep their identity, so consumers can skip them by `===`.
 * `analyze()` is this with no previous revision: there is one evaluator, not two.
 *
 * The match tables stay in here: the Analysis is plain data, and questions about it (explain a
 * pair, a policy's footprint) are asked of the Analyzer, which walks the tables of its latest
 * revision.
 */
import type { Diagnostic } from '../model/source';
import type {
  ClusterPolicyResource,
  ClusterResources,
  IpBlockPeer,
  NetworkPolicyResource,
  WorkloadResource,
} from '../model/types';
import type { AddressFamily } from './address-space';
import { compilePolicy, type CompiledPolicy } from './compile';
import { compileClusterPolicy } from './compile-cluster';
import { buildSides, connectionRows } from './connectivity';
import { updateConnectivity, type Connectivity } from './connectivity-update';
import { explainPair } from './explain';
import { footprintOf } from './footprint';
import {
  Distinctions,
  groupOutcome,
  policyDistinctions,
  variationOf,
  type PolicyDistinctions,
  type Variation,
} from './grouping';
import {
  EndpointIndex,
  hasClusterTiers,
  matchPolicy,
  sameSideRules,
  rematchPolicy,
  tablesOf,
  type MatchTables,
  type MatchedPolicy,
  type MatchedRevision,
} from './matching';
import { diagnosticsOfPolicy, priorityTies } from './policy-diagnostics';
import { gotchasOfPolicy, localGotchas, unsilenced } from './gotchas';
import { policyWordsOf, type PolicyWords } from './policy-words';
import { keepEqual, universeChange, type UniverseChange } from './revision-diff';
import { sameData, sameItems } from './same-data';
import {
  buildNamespaces,
  byId,
  externalEndpoints,
  groupWorkloads,
  ipBlocksOf,
  membersOf,
  type WorkloadGroup,
} from './topology';
import type {
  Analysis,
  Endpoint,
  EndpointId,
  EndpointIsolation,
  ExternalEndpoint,
  PairExplanation,
  PolicyFootprint,
  PolicyId,
  PolicySummary,
  PortQuery,
  StreamedAnalysis,
  WorkloadEndpoint,
} from './types';

/** A NetworkPolicy or a cluster-wide policy, as the model read it. */
type PolicyResource = NetworkPolicyResource | ClusterPolicyResource;

/** What a policy resource gives, whatever the rest of the cluster. */
interface PolicyWork {
  readonly compiled: CompiledPolicy;
  readonly blocks: readonly IpBlockPeer[];
  readonly distinctions: PolicyDistinctions;
}

/** What a group of workloads gives: its endpoints (one, or one per Pod). */
interface GroupWork {
  readonly objects: readonly WorkloadResource[];
  readonly shadowedBy: WorkloadResource | undefined;
  /** How its members differ; `undefined` when they do not, and the policies cannot split them. */
  readonly variation: Variation | undefined;
  /** What the endpoints were decided against (meaningful only with a variation). */
  readonly distinctions: Distinctions;
  readonly endpoints: readonly WorkloadEndpoint[];
  readonly diagnostics: readonly Diagnostic[];
}

/** A NetworkPolicy's gotchas, and what its local ones were worked out from. */
interface GotchaWork {
  readonly matched: MatchedPolicy;
  readonly index: EndpointIndex;
  readonly local: readonly Diagnostic[];
  readonly all: readonly Diagnostic[];
}

/** The work of a revision that the next one reuses where its inputs are the same. */
interface RevisionWork {
  readonly policyWork: ReadonlyMap<PolicyResource, PolicyWork>;
  readonly groupWork: ReadonlyMap<EndpointId, GroupWork>;
  readonly blocks: readonly IpBlockPeer[];
  readonly distinctions: Distinctions;
  readonly externals: readonly ExternalEndpoint[];
  readonly index: EndpointIndex;
  readonly summaries: ReadonlyMap<MatchedPolicy, PolicySummary>;
  readonly policyDiagnostics: ReadonlyMap<MatchedPolicy, readonly Diagnostic[]>;
  readonly gotchas: ReadonlyMap<PolicyResource, GotchaWork>;
}

/** What one revision leaves for the next. */
interface Memory extends Connectivity, RevisionWork {
  readonly revision: MatchedRevision;
  readonly matched: ReadonlyMap<CompiledPolicy, MatchedPolicy>;
}

/** A revision worked out up to its connectivity (what `update` and `stream` share). */
interface Revised extends RevisionWork {
  readonly matched: readonly MatchedPolicy[];
  readonly tables: MatchTables;
  readonly endpointIndex: ReadonlyMap<EndpointId, number>;
  /** The previous revision's memory when it is indexed like this one (its sides and rows reusable). */
  readonly reusable: Memory | undefined;
  readonly change: UniverseChange | undefined;
  /** The analysis but its connections. */
  readonly analysis: Omit<Analysis, 'connections'>;
}

/** How an Analyzer carves what it analyses. */
export interface AnalyzerOptions {
  /**
   * Address families whose space is an endpoint even when no ipBlock names it (IPv4 always is):
   * `[6]` for two evaluations to be compared address by address (connectivity-diff.ts), when only
   * one of them names IPv6 addresses.
   */
  readonly addressFamilies?: readonly AddressFamily[];
}

export class Analyzer {
  private memory: Memory | undefined;

  constructor(private readonly options: AnalyzerOptions = {}) {}

  update(resources: ClusterResources): Analysis {
    const before = this.memory;
    const revised = this.revise(resources);
    const { reusable, change, tables, endpointIndex } = revised;
    const { namespaces, endpoints, policies, isolation, diagnostics } = revised.analysis;
    const { sides, rows } = reusable
      ? updateConnectivity({ ...reusable, tables: reusable.revision.tables }, tables, change!.changed, {
          endpoints,
          index: endpointIndex,
        })
      : fresh(endpoints, tables);
    const analysis: Analysis = {
      namespaces,
      endpoints,
      // Rows handed back whole: so are their connections (flattening is O(connections)).
      connections: before && rows === before.rows ? before.revision.analysis.connections : rows.flat(),
      policies,
      isolation,
      diagnostics,
    };
    this.memory = {
      revision: { analysis, endpointIndex, tables },
      policyWork: revised.policyWork,
      groupWork: revised.groupWork,
      blocks: revised.blocks,
      distinctions: revised.distinctions,
      externals: revised.externals,
      index: revised.index,
      matched: new Map(revised.matched.map((m) => [m.policy, m])),
      sides,
      rows,
      summaries: revised.summaries,
      policyDiagnostics: revised.policyDiagnostics,
      gotchas: revised.gotchas,
    };
    return analysis;
  }

  /**
   * The analysis of `resources` for output that streams (the CLI): its connections computed
   * source by source as they are read and dropped after, so that millions of open pairs are never
   * held at once. The same connections in the same order as `update` gives; the revision does
   * not become the one this Analyzer answers questions about.
   */
  stream(resources: ClusterResources): StreamedAnalysis {
    const { analysis, tables } = this.revise(resources);
    const { endpoints } = analysis;
    const row = connectionRows(endpoints, buildSides(endpoints, tables));
    return {
      ...analysis,
      connections: {
        *[Symbol.iterator]() {
          for (let s = 0; s < endpoints.length; s++) yield* row(s);
        },
      },
    };
  }

  /** Everything but the connectivity, reusing what the previous revision worked out. */
  private revise(resources: ClusterResources): Revised {
    const before = this.memory;
    const previous = before?.revision;

    const policyResources: readonly PolicyResource[] = [...resources.policies, ...resources.clusterPolicies];
    const policyWork = new Map(policyResources.map((policy) => [policy, this.policyWork(policy)]));
    const blocks = [...policyWork.values()].flatMap((work) => work.blocks);
    const sameBlocks = before && sameItems(blocks, before.blocks);
    const externals = sameBlocks ? before.externals : externalEndpoints(blocks, this.options.addressFamilies);

    const parts = [...policyWork.values()].map((work) => work.distinctions);
    const distinctions =
      before && sameItems(parts, before.distinctions.parts) ? before.distinctions : new Distinctions(parts);
    const groupWork = new Map(groupWorkloads(resources).map((group) => [group.id, this.groupWork(group, distinctions)]));
    const workloadEndpoints = [...groupWork.values()].flatMap((work) => work.endpoints).sort(byId);
    const namespaces = buildNamespaces(resources);
    const endpoints = keepEqual<Endpoint>([...workloadEndpoints, ...externals], (e) => {
      const i = previous?.endpointIndex.get(e.id);
      return i === undefined ? undefined : previous!.analysis.endpoints[i];
    });

    // Previous matches, sides and rows are indexed by endpoint: reusable only over the same list.
    const change = previous && universeChange(previous.analysis, namespaces, endpoints);
    const reusable = change && before;
    const index =
      reusable && change.changed.length === 0 && change.namespacesUnchanged
        ? reusable.index
        : new EndpointIndex(endpoints, namespaces);
    const matched = this.match(policyWork, index, reusable && change);
    const tables = tablesOf(matched, endpoints.length);
    const endpointIndex: ReadonlyMap<EndpointId, number> = reusable
      ? reusable.revision.endpointIndex
      : new Map(endpoints.map((e, i) => [e.id, i]));

    const summaries = new Map(
      matched.map((m) => [m, reusable?.summaries.get(m) ?? { ref: m.policy.ref, selects: m.selected.map((i) => endpoints[i]!.id) }]),
    );
    const policyDiagnostics = this.policyDiagnostics(matched, endpoints, reusable && change);
    const gotchas = new Map(
      [...policyWork.keys()].map((policy, i) => [policy, this.gotchas(policy, matched[i]!, index, tables)]),
    );

    const isolation = isolationOf(endpoints, tables, previous?.analysis, reusable?.revision.tables);

    const previousNamespaces = new Map(previous?.analysis.namespaces.map((ns) => [ns.name, ns]));
    return {
      policyWork,
      groupWork,
      blocks,
      distinctions,
      externals,
      index,
      matched,
      tables,
      endpointIndex,
      summaries,
      policyDiagnostics,
      gotchas,
      reusable,
      change,
      analysis: {
        namespaces: keepEqual(namespaces, (ns) => previousNamespaces.get(ns.name)),
        endpoints,
        policies: [...summaries.values()],
        isolation,
        diagnostics: [
          ...[...groupWork.values()].flatMap((work) => work.diagnostics),
          ...[...policyWork.keys()].flatMap((policy, i) => unsilenced(policy, policyDiagnostics.get(matched[i]!) ?? [])),
          ...priorityTies([...policyWork.values()].map((work) => work.compiled)),
          ...[...gotchas.values()].flatMap((work) => work.all),
        ],
      },
    };
  }

  /**
   * Why the latest revision allows what it does from `from` to `to` (for `query`, or anything);
   * `undefined` before the first revision, for an unknown id, or for a pair of one endpoint.
   */
  explain(from: EndpointId, to: EndpointId, query?: PortQuery): PairExplanation | undefined {
    return this.memory && explainPair(this.memory.revision, from, to, query);
  }

  /** What a policy of the latest revision selects and helps allow; `undefined` for an unknown id. */
  footprint(policy: PolicyId): PolicyFootprint | undefined {
    return this.memory && footprintOf(this.memory.revision, policy);
  }

  /** A policy of the latest revision in plain words (policy-words.ts); `undefined` for an unknown id. */
  policyWords(policy: PolicyId): PolicyWords | undefined {
    return this.memory && policyWordsOf(this.memory.revision, policy);
  }

  /** Each policy matched: the previous match re-tested against the changed endpoints, else matched afresh. */
  private match(
    policyWork: ReadonlyMap<PolicyResource, PolicyWork>,
    index: EndpointIndex,
    change: UniverseChange | undefined,
  ): MatchedPolicy[] {
    const memory = change && this.memory;
    return [...policyWork.values()].map(({ compiled }) => {
      const earlier = memory?.matched.get(compiled);
      return earlier ? rematchPolicy(earlier, change!.changed, index) : matchPolicy(compiled, index);
    });
  }

  /** A policy's compilation: the previous one for the same object. */
  private policyWork(policy: PolicyResource): PolicyWork {
    const earlier = this.memory?.policyWork.get(policy);
    if (earlier) return earlier;
    if ('tier' in policy) {
      const compiled = compileClusterPolicy(policy);
      return { compiled, blocks: blocksOfCompiled(compiled), distinctions: policyDistinctions(compiled) };
    }
    const compiled = compilePolicy(policy);
    return { compiled, blocks: ipBlocksOf(policy), distinctions: policyDistinctions(compiled) };
  }

  /**
   * A group's endpoints: the previous ones for the same objects, unless their members differ and
   * the policies changed, which may split or join them (then equal results keep their identity).
   */
  private groupWork(group: WorkloadGroup, distinctions: Distinctions): GroupWork {
    const earlier = this.memory?.groupWork.get(group.id);
    const same = earlier && sameItems(earlier.objects, group.objects) && earlier.shadowedBy === group.shadowedBy;
    if (same && (!earlier.variation || earlier.distinctions === distinctions)) return earlier;
    const variation = same ? earlier.variation : variationOf(membersOf(group));
    const outcome = groupOutcome(group, variation, distinctions);
    if (same && sameData(outcome, { endpoints: earlier.endpoints, diagnostics: earlier.diagnostics })) {
      return { ...earlier, distinctions };
    }
    return { objects: group.objects, shadowedBy: group.shadowedBy, variation, distinctions, ...outcome };
  }

  /**
   * A NetworkPolicy's gotchas: its local ones kept while its match and the endpoint index are the
   * same objects; the whole list kept when equal, so unchanged revisions keep identity.
   */
  private gotchas(policy: PolicyResource, matched: MatchedPolicy, index: EndpointIndex, tables: MatchTables): GotchaWork {
    const none = { matched, index, local: [], all: [] };
    if ('tier' in policy) return none;
    const earlier = this.memory?.gotchas.get(policy);
    const local =
      earlier && earlier.matched === matched && earlier.index === index ? earlier.local : localGotchas(policy, matched, index);
    const all = gotchasOfPolicy(policy, matched, local, tables, index.endpoints);
    return { matched, index, local, all: earlier && sameData(earlier.all, all) ? earlier.all : all };
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

/** One analysis from scratch: an Analyzer with no previous revision to reuse. */
export function analyze(resources: ClusterResources, options?: AnalyzerOptions): Analysis {
  return new Analyzer(options).update(resources);
}

/** `analyze`, its connections computed as they are read (see `Analyzer.stream`). */
export function analyzeStream(resources: ClusterResources, options?: AnalyzerOptions): StreamedAnalysis {
  return new Analyzer(options).stream(resources);
}

/** The address blocks a compiled policy's peers name: what cuts the outside into endpoints. */
function blocksOfCompiled(policy: CompiledPolicy): IpBlockPeer[] {
  return [...(policy.ingress ?? []), ...(policy.egress ?? [])].flatMap((rule) =>
    rule.peers.flatMap((peer) => (peer.kind === 'ipBlock' ? [peer.block] : [])),
  );
}

/** The ids of the policies in `lists`, in the order they are consulted. */
const idsOf = (...lists: (readonly MatchedPolicy[])[]): PolicyId[] => lists.flat().map((m) => m.policy.ref.id);

/**
 * Per workload endpoint, the policies deciding it; an entry equal to the previous one is the
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
    const [ingress, egress] = [tables.ingress[i]!, tables.egress[i]!];
    const earlier = previous?.isolation.get(endpoint.id);
    const sameTables =
      previousTables && sameSideRules(ingress, previousTables.ingress[i]!) && sameSideRules(egress, previousTables.egress[i]!);
    const cluster = hasClusterTiers(ingress) || hasClusterTiers(egress);
    const entry: EndpointIsolation =
      earlier && sameTables
        ? earlier
        : {
            ingress: idsOf(ingress.isolation),
            egress: idsOf(egress.isolation),
            ...(cluster
              ? { cluster: { ingress: idsOf(ingress.admin, ingress.baseline), egress: idsOf(egress.admin, egress.baseline) } }
              : {}),
          };
    isolation.set(endpoint.id, earlier && sameData(earlier, entry) ? earlier : entry);
  });
  return isolation;
}

function fresh(endpoints: readonly Endpoint[], tables: MatchTables): Connectivity {
  const sides = buildSides(endpoints, tables);
  const row = connectionRows(endpoints, sides);
  return { sides, rows: endpoints.map((_, s) => row(s)) };
}
