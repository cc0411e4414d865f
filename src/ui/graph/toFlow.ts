/**
 * Analysis → React Flow nodes and edges. Pure: the same analysis gives equal output. Ids come
 * from ids.ts.
 * - Namespaces are group nodes; workloads sit inside.
 * - External ranges with identical connectivity form one node, inside the outside-world group,
 *   so a carved-up address space does not flood the graph.
 * - Edges are allowed connections labelled with their ports; in denied mode, the pairs of one
 *   endpoint where something is denied.
 * - Dozens of edges from other namespaces at one node are bundled per namespace (bundle.ts).
 * Positions are placeholders here; placement.ts positions nodes and sizes the groups.
 */
import { MarkerType } from '@xyflow/react';
import { ALL_CONNECTIONS_TEXT, describeConnections, isAllConnections, isNoConnections, NAMESPACE_NAME_LABEL, rangeText } from '../../engine';
import type {
  Analysis,
  Connection,
  ConnectionSet,
  Endpoint,
  EndpointId,
  EndpointIsolation,
  ExternalEndpoint,
  NamespaceInfo,
} from '../../engine/types';
import { memoizeLast } from '../../store/memo';
import { bundleHubs, HUB_LIMIT, type BundleCache } from './bundle';
import { rangeToCidrs } from './cidr';
import type { ConnectionData, ExternalNode, FlowEdge, FlowNode, WorkloadNode } from './flowTypes';
import { EXTERNAL_GROUP_ID, edgeId, externalNodeId, namespaceNodeId } from './ids';

export interface FlowModel {
  readonly nodes: FlowNode[];
  readonly edges: FlowEdge[];
}

export interface FlowOptions {
  /** Show the denied pairs of this endpoint instead of the allowed connections. */
  readonly deniedFor: EndpointId | null;
  /** Above this many edges from other groups at one node, they are bundled (default HUB_LIMIT). */
  readonly hubLimit?: number;
}

/**
 * Memo of the mapping, by input object: analysis deltas keep unchanged items identical, so their
 * nodes and edges come back identical and React Flow skips them. Optional; output is the same.
 */
export interface FlowCache {
  readonly namespaces: WeakMap<NamespaceInfo, FlowNode>;
  /** By endpoint, with the isolation it was drawn with (isolation entries keep their identity too). */
  readonly workloads: WeakMap<Endpoint, { readonly isolation: EndpointIsolation | undefined; readonly node: WorkloadNode }>;
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
  readonly bundled: typeof bundleHubs;
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
  bundled: memoizeLast(bundleHubs),
  groupOf: memoizeLast((nodes: readonly FlowNode[]) => new Map(nodes.map((n) => [n.id, n.parentId]))),
});

const NODE_WIDTH = 230;
const MAX_LABELS = 4;
const ORIGIN = { x: 0, y: 0 };
/** The frame around external ranges: always the same, so always the same object. */
const EXTERNAL_GROUP: FlowNode = { id: EXTERNAL_GROUP_ID, type: 'externalGroup', position: ORIGIN, data: { title: 'Outside the cluster' } };

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

/** Edge labels say `All` for everything, else the engine's port spelling. */
export function connectionLabel(set: ConnectionSet): string {
  const text = describeConnections(set);
  return text === ALL_CONNECTIONS_TEXT ? 'All' : text;
}

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

function workloadNodes(analysis: Analysis, cache: FlowCache): WorkloadNode[] {
  return analysis.endpoints.flatMap((e): WorkloadNode[] => {
    if (e.type !== 'workload') return [];
    const isolation = analysis.isolation.get(e.id);
    const cached = cache.workloads.get(e);
    if (cached && cached.isolation === isolation) return [cached.node];
    const isolatedIngress = (isolation?.ingress.length ?? 0) > 0;
    const isolatedEgress = (isolation?.egress.length ?? 0) > 0;
    const all = labelList(e.labels, e.varyingLabels);
    const labels = all.length > MAX_LABELS + 1 ? [...all.slice(0, MAX_LABELS), `+ ${all.length - MAX_LABELS} more`] : all;
    const node: WorkloadNode = {
      id: e.id,
      type: 'workload',
      parentId: namespaceNodeId(e.namespace),
      expandParent: true,
      position: ORIGIN,
      width: NODE_WIDTH,
      height: workloadHeight(labels.length, isolatedIngress || isolatedEgress),
      ariaLabel: `${e.kind} ${e.name} in namespace ${e.namespace}${isolatedIngress ? ', isolated for ingress' : ''}${isolatedEgress ? ', isolated for egress' : ''}`,
      data: { name: e.name, kind: e.kind, labels, isolatedIngress, isolatedEgress },
    };
    cache.workloads.set(e, { isolation, node });
    return [node];
  });
}

/** Arrow heads, coloured like their edge kind (CSS variables of the theme). */
const MARKERS = {
  ports: { type: MarkerType.ArrowClosed, color: 'var(--edge-ports)', width: 18, height: 18 },
  all: { type: MarkerType.ArrowClosed, color: 'var(--edge-all)', width: 18, height: 18 },
  denied: { type: MarkerType.ArrowClosed, color: 'var(--edge-denied)', width: 18, height: 18 },
} as const;

function edge(source: string, target: string, data: ConnectionData): FlowEdge {
  return {
    id: edgeId(source, target),
    source,
    target,
    type: 'connection',
    markerEnd: MARKERS[data.kind],
    data,
    ariaLabel: `${data.from} to ${data.to}: ${data.label}`,
  };
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
    const data: ConnectionData = { from: c.from, to: c.to, kind: isAllConnections(c.allowed) ? 'all' : 'ports', label: connectionLabel(c.allowed) };
    const made = edge(source, target, data);
    cache.edges.set(c, { edge: made });
    edges.push(made);
  }
  return edges;
}

/** For `subject`: one edge per other node, each way, where not everything is allowed. */
function deniedEdges(
  subject: EndpointId,
  analysis: Analysis,
  nodes: readonly FlowNode[],
  nodeOf: ReadonlyMap<EndpointId, string>,
): FlowEdge[] {
  const subjectNode = nodeOf.get(subject);
  if (!subjectNode) return [];
  const toward = new Map(analysis.connections.filter((c) => c.from === subject).map((c) => [c.to, c.allowed]));
  const from = new Map(analysis.connections.filter((c) => c.to === subject).map((c) => [c.from, c.allowed]));
  // Traffic between two outside addresses never crosses the cluster: no pairs to show there.
  const subjectIsExternal = analysis.endpoints.some((e) => e.id === subject && e.type === 'external');
  const label = (set: ConnectionSet | undefined) =>
    !set || isNoConnections(set) ? 'All denied' : `only ${connectionLabel(set)}`;
  return nodes.flatMap((node): FlowEdge[] => {
    if (node.type !== 'workload' && node.type !== 'external') return [];
    if (node.id === subjectNode || (subjectIsExternal && node.type === 'external')) return [];
    const other = node.type === 'external' ? node.data.members[0]! : (node.id as EndpointId);
    const out = toward.get(other);
    const back = from.get(other);
    return [
      ...(out && isAllConnections(out) ? [] : [edge(subjectNode, node.id, { from: subject, to: other, kind: 'denied', label: label(out) })]),
      ...(back && isAllConnections(back) ? [] : [edge(node.id, subjectNode, { from: other, to: subject, kind: 'denied', label: label(back) })]),
    ];
  });
}

function namespaceNode(ns: NamespaceInfo, cache: FlowCache): FlowNode {
  let node = cache.namespaces.get(ns);
  if (!node) {
    node = { id: namespaceNodeId(ns.name), type: 'namespace', position: ORIGIN, data: { name: ns.name, labels: labelList(ns.labels), declared: ns.declared } };
    cache.namespaces.set(ns, node);
  }
  return node;
}

function flowNodes(analysis: Analysis, cache: FlowCache) {
  const groups = cache.externalGroups(analysis.endpoints, analysis.connections);
  const key = [analysis.namespaces, analysis.endpoints, analysis.isolation, groups.map((g) => externalNodeId(g.map((e) => e.id))).join('|')];
  const last = cache.lastNodes;
  if (last && last.key.every((k, i) => k === key[i])) return last;
  const namespaces = analysis.namespaces.map((ns) => namespaceNode(ns, cache));
  const externalGroup = groups.length > 0 ? [EXTERNAL_GROUP] : [];
  const nodes: FlowNode[] = [...namespaces, ...externalGroup, ...workloadNodes(analysis, cache), ...externalNodes(groups, cache)];
  cache.lastNodes = { key, nodes };
  return cache.lastNodes;
}

const nodeIndexes = new WeakMap<readonly FlowNode[], ReadonlyMap<EndpointId, string>>();

/**
 * The node that shows each endpoint: a workload's own, or the external node grouping its range.
 * Once per node list (kept while the list is), as edges and emphasis both ask for every result.
 */
export function endpointNodeIds(nodes: readonly FlowNode[]): ReadonlyMap<EndpointId, string> {
  let index = nodeIndexes.get(nodes);
  if (!index) {
    const built = new Map<EndpointId, string>();
    for (const node of nodes) {
      if (node.type === 'workload') built.set(node.id as EndpointId, node.id);
      if (node.type === 'external') for (const m of node.data.members) built.set(m, node.id);
    }
    nodeIndexes.set(nodes, (index = built));
  }
  return index;
}

export function toFlow(analysis: Analysis, options: FlowOptions, cache: FlowCache = createFlowCache()): FlowModel {
  const { nodes } = flowNodes(analysis, cache);
  const nodeOf = endpointNodeIds(nodes);
  const edges = options.deniedFor
    ? deniedEdges(options.deniedFor, analysis, nodes, nodeOf)
    : cache.allowedEdges(analysis.connections, nodeOf, cache);
  return { nodes, edges: cache.bundled(edges, cache.groupOf(nodes), options.hubLimit ?? HUB_LIMIT, cache.bundles) };
}
