/**
 * Analysis → React Flow nodes and edges. Pure: the same analysis gives equal output. Ids come
 * from ids.ts.
 * - Namespaces are group nodes; workloads sit inside.
 * - External ranges with identical connectivity form one node, inside the outside-world group,
 *   so a carved-up address space does not flood the graph.
 * - Workloads carry their isolation and the cluster-wide tiers with rules for them (badges).
 * - Edges are allowed connections labelled with their ports, plus the pairs a shown cluster-wide
 *   policy denies; in denied mode, the pairs of one endpoint where something is denied (denials.ts).
 * - Namespaces named in `collapsed` are one node each, their edges aggregated (collapse.ts).
 * - With a focus, only the focused node, its neighbours and the edges between them (focus.ts).
 * - Dozens of edges from other namespaces at one node are bundled per namespace (bundle.ts).
 * Positions are placeholders here; placement.ts positions nodes and sizes the groups.
 */
import { describeConnections, isAllConnections, NAMESPACE_NAME_LABEL, policyName, rangeText, tierName } from '../../engine';
import type {
  Analysis,
  Connection,
  Endpoint,
  EndpointId,
  EndpointIsolation,
  ExternalEndpoint,
  NamespaceInfo,
  PolicyId,
  PolicyRef,
} from '../../engine/types';
import { memoizeLast } from '../../store/memo';
import type { ClusterDenial } from '../../store/evaluation/protocol';
import type { GraphFocus } from '../../store/types';
import { bundleHubs, HUB_LIMIT, type BundleCache } from './bundle';
import { rangeToCidrs } from './cidr';
import { collapseNamespaces, createCollapseCache, type CollapseCache } from './collapse';
import { focusOn } from './focus';
import { gotchaTitles } from './gotchaMarks';
import { deniedEdges, policyDenialEdges, type PolicyDenials } from './denials';
import { connectionLabel, flowEdge } from './flowEdge';
import type { ClusterTier, ConnectionData, ExternalNode, FlowEdge, FlowNode, WorkloadData, WorkloadNode } from './flowTypes';
import { EXTERNAL_GROUP_ID, edgeId, externalNodeId, namespaceNodeId } from './ids';

export { connectionLabel };

export interface FlowModel {
  readonly nodes: FlowNode[];
  readonly edges: FlowEdge[];
}

export interface FlowOptions {
  /** Show the denied pairs of this endpoint instead of the allowed connections. */
  readonly deniedFor: EndpointId | null;
  /** In the denied view: the cluster-wide Deny rules behind pairs of `deniedFor` (the session's answer). */
  readonly clusterDenials?: readonly ClusterDenial[];
  /** Outside the denied view: a shown cluster-wide policy's denied pairs, drawn beside the allowed edges. */
  readonly policyDenials?: PolicyDenials;
  /** Above this many edges from other groups at one node, they are bundled (default HUB_LIMIT). */
  readonly hubLimit?: number;
  /** The namespaces drawn collapsed (store/graphView.ts `collapsedNamespaces`). */
  readonly collapsed?: ReadonlySet<string>;
  /** Only this node, its neighbours and the edges between them. */
  readonly focus?: GraphFocus | null;
  /** False: no gotcha badges (a lesson's start holds the trap the student is to find). */
  readonly gotchas?: boolean;
}

/**
 * Memo of the mapping, by input object: analysis deltas keep unchanged items identical, so their
 * nodes and edges come back identical and React Flow skips them. Optional; output is the same.
 */
export interface FlowCache {
  readonly namespaces: WeakMap<NamespaceInfo, FlowNode>;
  /**
   * By endpoint, with the isolation it was drawn with (isolation entries keep their identity too)
   * and its cluster-wide badge's words (a policy may change tier without changing who it isolates).
   */
  readonly workloads: WeakMap<
    Endpoint,
    {
      readonly isolation: EndpointIsolation | undefined;
      readonly cluster: string;
      readonly gotchas: string | undefined;
      readonly node: WorkloadNode;
    }
  >;
  readonly edges: WeakMap<Connection, { readonly edge: FlowEdge }>;
  /** By node id (its member ranges): a range group that shows the same keeps its node. */
  externals: ReadonlyMap<string, ExternalNode>;
  readonly bundles: BundleCache;
  /**
   * Whole-list steps by the identity of their inputs: most results change either the nodes or
   * the edges, and a step whose inputs are the same objects gives back its last output.
   */
  readonly externalGroups: typeof groupExternals;
  readonly allowedEdges: typeof allowedEdges;
  readonly policyDenialEdges: typeof policyDenialEdges;
  readonly withDenials: (allowed: FlowEdge[], denials: readonly FlowEdge[]) => FlowEdge[];
  readonly bundled: typeof bundleHubs;
  readonly collapse: CollapseCache;
  readonly collapsed: typeof collapseNamespaces;
  readonly focused: typeof focusOn;
  readonly groupOf: (nodes: readonly FlowNode[]) => ReadonlyMap<string, string | undefined>;
  /** The last node list and what it was made from: most keystrokes change no node at all. */
  lastNodes?: { readonly key: readonly unknown[]; readonly nodes: FlowNode[] };
}

export const createFlowCache = (): FlowCache => ({
  namespaces: new WeakMap(),
  workloads: new WeakMap(),
  edges: new WeakMap(),
  externals: new Map(),
  bundles: new Map(),
  externalGroups: memoizeLast(groupExternals),
  allowedEdges: memoizeLast(allowedEdges),
  policyDenialEdges: memoizeLast(policyDenialEdges),
  withDenials: memoizeLast((allowed: FlowEdge[], denials: readonly FlowEdge[]) => (denials.length > 0 ? [...allowed, ...denials] : allowed)),
  bundled: memoizeLast(bundleHubs),
  collapse: createCollapseCache(),
  collapsed: memoizeLast(collapseNamespaces),
  focused: memoizeLast(focusOn),
  groupOf: memoizeLast((nodes: readonly FlowNode[]) => new Map(nodes.map((n) => [n.id, n.parentId]))),
});

const NODE_WIDTH = 230;
const NO_EDGES: readonly FlowEdge[] = [];
const NOTHING_COLLAPSED: ReadonlySet<string> = new Set();
const MAX_LABELS = 4;
const ORIGIN = { x: 0, y: 0 };
/** The frame around external ranges: always the same, so always the same object. */
const EXTERNAL_GROUP: FlowNode = {
  id: EXTERNAL_GROUP_ID,
  type: 'externalGroup',
  position: ORIGIN,
  ariaLabel: 'Outside the cluster',
  data: { title: 'Outside the cluster' },
};

/** Height of a workload node: header, label lines, badge row. */
function workloadHeight(labelCount: number, badges: boolean): number {
  return 66 + 22 * Math.min(labelCount, MAX_LABELS + 1) + (badges ? 30 : 0);
}

function externalHeight(lines: number): number {
  return 46 + 22 * lines;
}

/** What a label shows whose value differs between the pods one endpoint stands for. */
const VARIES = '(varies)';

/** `key=value` per label; a key whose value differs between the pods of a workload is `key=(varies)`. */
export const labelList = (labels: Readonly<Record<string, string>>, varying: readonly string[] = []) =>
  Object.entries(labels)
    .filter(([k]) => k !== NAMESPACE_NAME_LABEL)
    .map(([k, v]) => `${k}=${varying.includes(k) ? VARIES : v}`);

function rangeLines(range: ExternalEndpoint['range']): string[] {
  const cidrs = rangeToCidrs(range);
  if (cidrs[0] === '0.0.0.0/0') return ['0.0.0.0/0 (any IPv4)'];
  if (cidrs[0] === '::/0') return ['::/0 (any IPv6)'];
  return cidrs.length <= 2 ? cidrs : [rangeText(range).replace('-', ' – ')];
}

/** Groups external endpoints whose connections (peer and ports, both ways) are the same. */
function groupExternals(endpoints: readonly Endpoint[], connections: readonly Connection[]) {
  const externals = endpoints.filter((e): e is ExternalEndpoint => e.type === 'external');
  const signature = new Map<EndpointId, string[]>(externals.map((e) => [e.id, [`v${e.range.family}`]]));
  if (externals.length === 0) return [];
  for (const c of connections) {
    if (!signature.has(c.from) && !signature.has(c.to)) continue;
    signature.get(c.from)?.push(`>${c.to}:${describeConnections(c.allowed)}`);
    signature.get(c.to)?.push(`<${c.from}:${describeConnections(c.allowed)}`);
  }
  const groups = new Map<string, ExternalEndpoint[]>();
  for (const e of externals) {
    const key = signature.get(e.id)!.sort().join('|');
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()];
}

function externalNodes(groups: readonly ExternalEndpoint[][], cache: FlowCache): ExternalNode[] {
  const known = new Map<string, ExternalNode>();
  const nodes = groups.map((members) => {
    // A range's id is its first and last address: the same id shows the same ranges.
    const id = externalNodeId(members.map((m) => m.id));
    const node = cache.externals.get(id) ?? externalNode(id, members);
    known.set(id, node);
    return node;
  });
  cache.externals = known;
  return nodes;
}

function externalNode(id: string, members: readonly ExternalEndpoint[]): ExternalNode {
  const lines = members.flatMap((m) => rangeLines(m.range));
  const ranges = lines.length > 4 ? [...lines.slice(0, 3), `+ ${lines.length - 3} more ranges`] : lines;
  return {
    id,
    type: 'external',
    parentId: EXTERNAL_GROUP_ID,
    expandParent: true,
    position: ORIGIN,
    width: NODE_WIDTH,
    height: externalHeight(ranges.length),
    ariaLabel: `Outside the cluster: ${lines.join(', ')}`,
    data: { ranges, members: members.map((m) => m.id) },
  };
}

/** The cluster-wide tiers with rules for an endpoint, and who, which way: its badge. */
function clusterMark(isolation: EndpointIsolation | undefined, policies: ReadonlyMap<PolicyId, PolicyRef>): WorkloadData['cluster'] {
  const cluster = isolation?.cluster;
  if (!cluster || cluster.ingress.length + cluster.egress.length === 0) return undefined;
  const directions = new Map<PolicyId, string[]>();
  for (const direction of ['ingress', 'egress'] as const)
    for (const id of cluster[direction]) directions.set(id, [...(directions.get(id) ?? []), direction]);
  const tierOf = (id: PolicyId): ClusterTier => (policies.get(id)?.tier === 'baseline' ? 'baseline' : 'admin');
  const ordered = [...directions].sort(([a], [b]) => (tierOf(a) === tierOf(b) ? 0 : tierOf(a) === 'admin' ? -1 : 1));
  const lines = ordered.map(([id, ways]) => {
    const ref = policies.get(id);
    return `${tierName(tierOf(id))}: ${ref ? policyName(ref) : id} (${ways.join(', ')})`;
  });
  const tiers = (['admin', 'baseline'] as const).filter((t) => ordered.some(([id]) => tierOf(id) === t));
  return { tiers, title: `Cluster-wide rules apply. ${lines.join('; ')}` };
}

function workloadNodes(analysis: Analysis, cache: FlowCache, gotchas: ReadonlyMap<EndpointId, string>): WorkloadNode[] {
  let policies: ReadonlyMap<PolicyId, PolicyRef> | undefined;
  const policyIndex = () => (policies ??= new Map(analysis.policies.map((p) => [p.ref.id, p.ref])));
  return analysis.endpoints.flatMap((e): WorkloadNode[] => {
    if (e.type !== 'workload') return [];
    const isolation = analysis.isolation.get(e.id);
    const cluster = isolation?.cluster ? clusterMark(isolation, policyIndex()) : undefined;
    const clusterKey = cluster ? `${cluster.tiers.join()}|${cluster.title}` : '';
    const gotcha = gotchas.get(e.id);
    const cached = cache.workloads.get(e);
    if (cached && cached.isolation === isolation && cached.cluster === clusterKey && cached.gotchas === gotcha) return [cached.node];
    const isolatedIngress = (isolation?.ingress.length ?? 0) > 0;
    const isolatedEgress = (isolation?.egress.length ?? 0) > 0;
    const all = labelList(e.labels, e.varyingLabels);
    const labels = all.length > MAX_LABELS + 1 ? [...all.slice(0, MAX_LABELS), `+ ${all.length - MAX_LABELS} more`] : all;
    const tiers = cluster ? `, ${cluster.tiers.map(tierName).join(' and ')} rules apply` : '';
    const node: WorkloadNode = {
      id: e.id,
      type: 'workload',
      parentId: namespaceNodeId(e.namespace),
      expandParent: true,
      position: ORIGIN,
      width: NODE_WIDTH,
      height: workloadHeight(labels.length, isolatedIngress || isolatedEgress),
      ariaLabel: `${e.kind} ${e.name} in namespace ${e.namespace}${isolatedIngress ? ', isolated for ingress' : ''}${isolatedEgress ? ', isolated for egress' : ''}${tiers}${gotcha ? ', has a gotcha' : ''}`,
      data: {
        name: e.name,
        kind: e.kind,
        labels,
        isolatedIngress,
        isolatedEgress,
        ...(cluster ? { cluster } : {}),
        ...(gotcha ? { gotchas: gotcha } : {}),
      },
    };
    cache.workloads.set(e, { isolation, cluster: clusterKey, gotchas: gotcha, node });
    return [node];
  });
}

function allowedEdges(
  connections: readonly Connection[],
  nodeOf: ReadonlyMap<EndpointId, string>,
  cache: FlowCache,
): FlowEdge[] {
  // Grouped external ranges share connectivity: their connections to a node are one edge.
  const grouped = new Set<string>();
  const seen = new Set<string>();
  for (const [endpoint, node] of nodeOf) if (endpoint !== node) grouped.add(node);
  const edges: FlowEdge[] = [];
  for (const c of connections) {
    const source = nodeOf.get(c.from)!;
    const target = nodeOf.get(c.to)!;
    if (grouped.has(source) || grouped.has(target)) {
      const id = edgeId(source, target);
      if (seen.has(id)) continue;
      seen.add(id);
    }
    const cached = cache.edges.get(c);
    if (cached && cached.edge.source === source && cached.edge.target === target) {
      edges.push(cached.edge);
      continue;
    }
    const kind = isAllConnections(c.allowed) ? 'all' : 'ports';
    const data: ConnectionData = { from: c.from, to: c.to, kind, label: connectionLabel(c.allowed), allowed: c.allowed };
    const made = flowEdge(source, target, data);
    cache.edges.set(c, { edge: made });
    edges.push(made);
  }
  return edges;
}

function namespaceNode(ns: NamespaceInfo, cache: FlowCache): FlowNode {
  let node = cache.namespaces.get(ns);
  if (!node) {
    node = {
      id: namespaceNodeId(ns.name),
      type: 'namespace',
      position: ORIGIN,
      // The frame is a node like any other, focusable: a screen reader needs its name.
      ariaLabel: `Namespace ${ns.name}`,
      data: { name: ns.name, labels: labelList(ns.labels), declared: ns.declared },
    };
    cache.namespaces.set(ns, node);
  }
  return node;
}

const NO_GOTCHAS: ReadonlyMap<EndpointId, string> = new Map();

function flowNodes(analysis: Analysis, cache: FlowCache, showGotchas = true) {
  const groups = cache.externalGroups(analysis.endpoints, analysis.connections);
  // Tiers too: a cluster-wide policy that changes tier changes badges, maybe nothing else.
  const tiers = analysis.policies.flatMap((p) => (p.ref.tier === 'networkPolicy' ? [] : [`${p.ref.id}:${p.ref.tier}`])).join();
  // Gotcha badges too: their text is the key (the diagnostics list is new with every revision).
  const gotchas = showGotchas ? gotchaTitles(analysis) : NO_GOTCHAS;
  const gotchaKey = [...gotchas].join('\u0000');
  const key = [analysis.namespaces, analysis.endpoints, analysis.isolation, groups.map((g) => externalNodeId(g.map((e) => e.id))).join('|'), tiers, gotchaKey];
  const last = cache.lastNodes;
  if (last && last.key.every((k, i) => k === key[i])) return last;
  const namespaces = analysis.namespaces.map((ns) => namespaceNode(ns, cache));
  const externalGroup = groups.length > 0 ? [EXTERNAL_GROUP] : [];
  const nodes: FlowNode[] = [...namespaces, ...externalGroup, ...workloadNodes(analysis, cache, gotchas), ...externalNodes(groups, cache)];
  cache.lastNodes = { key, nodes };
  return cache.lastNodes;
}

const nodeIndexes = new WeakMap<readonly FlowNode[], ReadonlyMap<EndpointId, string>>();

/**
 * The node that shows each endpoint: a workload's own, the collapsed namespace it is in, or the
 * external node grouping its range. Once per node list (kept while the list is), as edges and
 * emphasis both ask for every result.
 */
export function endpointNodeIds(nodes: readonly FlowNode[]): ReadonlyMap<EndpointId, string> {
  let index = nodeIndexes.get(nodes);
  if (!index) {
    const built = new Map<EndpointId, string>();
    for (const node of nodes) {
      if (node.type === 'workload') built.set(node.id as EndpointId, node.id);
      if (node.type === 'external' || node.type === 'collapsedNamespace') for (const m of node.data.members) built.set(m, node.id);
    }
    nodeIndexes.set(nodes, (index = built));
  }
  return index;
}

export function toFlow(analysis: Analysis, options: FlowOptions, cache: FlowCache = createFlowCache()): FlowModel {
  const { nodes } = flowNodes(analysis, cache, options.gotchas);
  const nodeOf = endpointNodeIds(nodes);
  const { deniedFor, policyDenials } = options;
  const edges = deniedFor
    ? deniedEdges(deniedFor, analysis, nodes, nodeOf, options.clusterDenials)
    : cache.withDenials(
        cache.allowedEdges(analysis.connections, nodeOf, cache),
        policyDenials ? cache.policyDenialEdges(policyDenials, nodeOf) : NO_EDGES,
      );
  const collapsed = cache.collapsed(nodes, edges, options.collapsed ?? NOTHING_COLLAPSED, cache.collapse);
  const shown = options.focus ? cache.focused(collapsed.nodes, collapsed.edges, options.focus) : collapsed;
  return { nodes: shown.nodes, edges: cache.bundled(shown.edges, cache.groupOf(shown.nodes), options.hubLimit ?? HUB_LIMIT, cache.bundles) };
}
