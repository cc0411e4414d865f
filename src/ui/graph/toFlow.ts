/**
 * Analysis → React Flow nodes and edges. Pure: the same graph data gives equal output.
 * - Namespaces are group nodes (`namespace:<name>`); workloads sit inside, id = engine endpoint id.
 * - External ranges with identical connectivity form one node (ids of the ranges joined by `,`),
 *   inside the group `group:external`, so a carved-up address space does not flood the graph.
 * - Edges `<from>-><to>` are allowed connections labelled with their ports; in denied mode, the
 *   pairs of one endpoint where something is denied.
 * - Dozens of edges from other namespaces at one node are bundled per namespace (bundle.ts).
 * Positions are placeholders here; placement.ts positions nodes and sizes the groups.
 */
import { MarkerType } from '@xyflow/react';
import { ALL_CONNECTIONS_TEXT, describeConnections, isAllConnections, isNoConnections, NAMESPACE_NAME_LABEL, rangeText, sameData } from '../../engine';
import type { Connection, ConnectionSet, Endpoint, EndpointId, ExternalEndpoint, NamespaceInfo } from '../../engine/types';
import type { GraphData, Isolation } from '../../store/evaluation/protocol';
import { memoizeLast } from '../../store/memo';
import { bundleHubs, HUB_LIMIT, type BundleCache } from './bundle';
import { rangeToCidrs } from './cidr';
import {
  EXTERNAL_GROUP_ID,
  namespaceNodeId,
  type ConnectionData,
  type ExternalNode,
  type FlowEdge,
  type FlowNode,
  type WorkloadNode,
} from './flowTypes';

export interface FlowModel {
  readonly nodes: FlowNode[];
  readonly edges: FlowEdge[];
}

export interface FlowOptions {
  /** Show the denied pairs of this endpoint instead of the allowed connections. */
  readonly deniedFor: EndpointId | null;
}

/**
 * Memo of the mapping, by input object: graph deltas keep unchanged items identical, so their
 * nodes and edges come back identical and React Flow skips them. Optional; output is the same.
 */
export interface FlowCache {
  /** By namespace name: a namespace whose YAML only moved keeps its node (as workloads do). */
  namespaces: ReadonlyMap<string, { readonly namespace: NamespaceInfo; readonly node: FlowNode }>;
  /**
   * By endpoint id, from the last mapping: an endpoint that changed only where its YAML sits (a
   * line added above it) shows the same, so it keeps its node.
   */
  workloads: ReadonlyMap<EndpointId, { readonly endpoint: Endpoint; readonly isolation: Isolation | undefined; readonly node: WorkloadNode }>;
  readonly edges: WeakMap<Connection, { readonly edge: FlowEdge }>;
  /**
   * The last edges by id: a connection that is a new object only because its rules moved (lines
   * added above its policy) shows the same, so it keeps its edge.
   */
  edgesById: ReadonlyMap<string, FlowEdge>;
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
  namespaces: new Map(),
  workloads: new Map(),
  edges: new WeakMap(),
  edgesById: new Map(),
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

const labelList = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels)
    .filter(([k]) => k !== NAMESPACE_NAME_LABEL)
    .map(([k, v]) => `${k}=${v}`);

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
    const id = members.map((m) => m.id).join(',');
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

/** Whether two versions of a workload endpoint show the same on its node. */
function sameShown(a: Endpoint, b: Endpoint): boolean {
  return (
    a === b ||
    (a.type === 'workload' && b.type === 'workload' && a.kind === b.kind && a.name === b.name && a.namespace === b.namespace && sameData(a.labels, b.labels))
  );
}

function workloadNodes(graph: GraphData, cache: FlowCache): WorkloadNode[] {
  const known = new Map<EndpointId, { endpoint: Endpoint; isolation: Isolation | undefined; node: WorkloadNode }>();
  const nodes = graph.endpoints.flatMap((e): WorkloadNode[] => {
    if (e.type !== 'workload') return [];
    const isolation = graph.isolation.get(e.id);
    const cached = cache.workloads.get(e.id);
    if (cached && cached.isolation === isolation && sameShown(cached.endpoint, e)) {
      known.set(e.id, cached);
      return [cached.node];
    }
    const isolatedIngress = (isolation?.ingress.length ?? 0) > 0;
    const isolatedEgress = (isolation?.egress.length ?? 0) > 0;
    const all = labelList(e.labels);
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
    known.set(e.id, { endpoint: e, isolation, node });
    return [node];
  });
  cache.workloads = known;
  return nodes;
}

/** Arrow heads, coloured like their edge kind (CSS variables of the theme). */
const MARKERS = {
  ports: { type: MarkerType.ArrowClosed, color: 'var(--edge-ports)', width: 18, height: 18 },
  all: { type: MarkerType.ArrowClosed, color: 'var(--edge-all)', width: 18, height: 18 },
  denied: { type: MarkerType.ArrowClosed, color: 'var(--edge-denied)', width: 18, height: 18 },
} as const;

function edge(source: string, target: string, data: ConnectionData): FlowEdge {
  return {
    id: `${source}->${target}`,
    source,
    target,
    type: 'connection',
    markerEnd: MARKERS[data.kind],
    data,
    ariaLabel: `${data.from} to ${data.to}: ${data.label}`,
  };
}

const sameEdgeData = (a: ConnectionData, b: ConnectionData) =>
  a.from === b.from && a.to === b.to && a.kind === b.kind && a.label === b.label;

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
      const id = `${source}->${target}`;
      if (seen.has(id)) continue;
      seen.add(id);
    }
    const cached = cache.edges.get(c);
    if (cached && cached.edge.source === source && cached.edge.target === target) {
      edges.push(cached.edge);
      continue;
    }
    const data: ConnectionData = { from: c.from, to: c.to, kind: isAllConnections(c.allowed) ? 'all' : 'ports', label: connectionLabel(c.allowed) };
    const previous = cache.edgesById.get(`${source}->${target}`);
    const made = previous && sameEdgeData(previous.data!, data) ? previous : edge(source, target, data);
    cache.edges.set(c, { edge: made });
    edges.push(made);
  }
  cache.edgesById = new Map(edges.map((e) => [e.id, e]));
  return edges;
}

/** For `subject`: one edge per other node, each way, where not everything is allowed. */
function deniedEdges(
  subject: EndpointId,
  graph: GraphData,
  nodes: readonly FlowNode[],
  nodeOf: ReadonlyMap<EndpointId, string>,
): FlowEdge[] {
  const subjectNode = nodeOf.get(subject);
  if (!subjectNode) return [];
  const allowed = new Map(graph.connections.map((c) => [`${c.from}->${c.to}`, c.allowed]));
  // Traffic between two outside addresses never crosses the cluster: no pairs to show there.
  const subjectIsExternal = graph.endpoints.some((e) => e.id === subject && e.type === 'external');
  const label = (set: ConnectionSet | undefined) =>
    !set || isNoConnections(set) ? 'All denied' : `only ${connectionLabel(set)}`;
  return nodes.flatMap((node): FlowEdge[] => {
    if (node.type !== 'workload' && node.type !== 'external') return [];
    if (node.id === subjectNode || (subjectIsExternal && node.type === 'external')) return [];
    const other = node.type === 'external' ? node.data.members[0]! : (node.id as EndpointId);
    const out = allowed.get(`${subject}->${other}`);
    const back = allowed.get(`${other}->${subject}`);
    return [
      ...(out && isAllConnections(out) ? [] : [edge(subjectNode, node.id, { from: subject, to: other, kind: 'denied', label: label(out) })]),
      ...(back && isAllConnections(back) ? [] : [edge(node.id, subjectNode, { from: other, to: subject, kind: 'denied', label: label(back) })]),
    ];
  });
}

function flowNodes(graph: GraphData, cache: FlowCache) {
  const groups = cache.externalGroups(graph.endpoints, graph.connections);
  const key = [graph.namespaces, graph.endpoints, graph.isolation, groups.map((g) => g.map((e) => e.id).join(',')).join('|')];
  const last = cache.lastNodes;
  if (last && last.key.every((k, i) => k === key[i])) return last;
  const known = new Map<string, { namespace: NamespaceInfo; node: FlowNode }>();
  const namespaces = graph.namespaces.map((ns) => {
    const cached = cache.namespaces.get(ns.name);
    const shownAlike = cached && cached.namespace.declared === ns.declared && sameData(cached.namespace.labels, ns.labels);
    const node = shownAlike
      ? cached.node
      : {
          id: namespaceNodeId(ns.name),
          type: 'namespace' as const,
          position: ORIGIN,
          data: { name: ns.name, labels: labelList(ns.labels), declared: ns.declared },
        };
    known.set(ns.name, { namespace: ns, node });
    return node;
  });
  cache.namespaces = known;
  const externalGroup = groups.length > 0 ? [EXTERNAL_GROUP] : [];
  const nodes: FlowNode[] = [...namespaces, ...externalGroup, ...workloadNodes(graph, cache), ...externalNodes(groups, cache)];
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

export function toFlow(graph: GraphData, options: FlowOptions, cache: FlowCache = createFlowCache()): FlowModel {
  const { nodes } = flowNodes(graph, cache);
  const nodeOf = endpointNodeIds(nodes);
  const edges = options.deniedFor
    ? deniedEdges(options.deniedFor, graph, nodes, nodeOf)
    : cache.allowedEdges(graph.connections, nodeOf, cache);
  return { nodes, edges: cache.bundled(edges, cache.groupOf(nodes), HUB_LIMIT, cache.bundles) };
}
