/**
 * Collapsed namespaces (semantic zoom): a namespace drawn as one node instead of a frame of
 * workloads, and the edges of its workloads drawn as aggregates. An aggregate joins two drawn
 * nodes (a collapsed namespace and another node, or itself for traffic inside it) and stands for
 * every edge between their parts: its label is how many pairs of endpoints those are and what any
 * of them allows (`14 pairs · TCP 8080,UDP 53`); its `pairs` list each edge with its own label,
 * which is what its panel shows and what the exactness tests read back. Pure: nodes and edges of
 * toFlow in, the same with collapsed namespaces out; an unchanged aggregate keeps its object.
 */
import { isNoConnections, NO_CONNECTIONS, unionConnections } from '../../engine';
import type { EdgePair } from '../../store/types';
import { connectionLabel } from './flowEdge';
import type { CollapsedNamespaceNode, ConnectionData, FlowEdge, FlowNode, NamespaceNode } from './flowTypes';
import { denialEdgeId, edgeId, endpointsOfNode } from './ids';

/** A collapsed namespace's size: a title, a count and a line of labels. */
export const COLLAPSED_SIZE = { width: 250, height: 104 } as const;

/** Past this many characters an aggregate's summary of ports is cut at a comma: its panel has all. */
const MAX_SUMMARY = 36;

export interface CollapseCache {
  readonly nodes: WeakMap<FlowNode, { readonly key: string; readonly node: CollapsedNamespaceNode }>;
  readonly edges: Map<string, { readonly signature: string; readonly edge: FlowEdge }>;
}

export const createCollapseCache = (): CollapseCache => ({ nodes: new WeakMap(), edges: new Map() });

function collapsedNode(frame: NamespaceNode, members: readonly FlowNode[], cache: CollapseCache): CollapsedNamespaceNode {
  const ids = members.flatMap((m) => endpointsOfNode(m.id));
  const key = ids.join('\n');
  const cached = cache.nodes.get(frame);
  if (cached?.key === key) return cached.node;
  const count = `${ids.length} ${ids.length === 1 ? 'workload' : 'workloads'}`;
  const node: CollapsedNamespaceNode = {
    id: frame.id,
    type: 'collapsedNamespace',
    position: frame.position,
    ...COLLAPSED_SIZE,
    // React Flow lifts the edges of nodes inside groups (and, by one more, emphasised ones) over
    // the top-level nodes: a collapsed namespace is one of those, and its button must take clicks.
    zIndex: 2,
    ariaLabel: `Namespace ${frame.data.name}, collapsed: ${count}`,
    data: { ...frame.data, members: ids },
  };
  cache.nodes.set(frame, { key, node });
  return node;
}

/** The endpoint pairs an edge between two nodes stands for (an address group stands for each of its ranges). */
const pairCount = (e: FlowEdge) => endpointsOfNode(e.source).length * endpointsOfNode(e.target).length;

/** `TCP 80,8080,…`: a long summary cut after a whole port, so what is shown is still true. */
export function shortSummary(text: string): string {
  if (text.length <= MAX_SUMMARY) return text;
  const cut = text.lastIndexOf(',', MAX_SUMMARY - 2);
  return cut < 0 ? text : `${text.slice(0, cut)},…`;
}

/**
 * What the pairs of an aggregate allow, together: every port any of them allows (`only …` or
 * `All denied` in the denied view); a shown policy's denied pairs all say the same.
 */
function summaryOf(members: readonly FlowEdge[]): string {
  const first = members[0]!.data!;
  if (first.ofPolicy !== undefined) return first.label;
  const union = members.reduce((set, e) => unionConnections(set, e.data!.allowed ?? NO_CONNECTIONS), NO_CONNECTIONS);
  if (first.kind !== 'denied') return connectionLabel(union);
  return isNoConnections(union) ? 'All denied' : `only ${connectionLabel(union)}`;
}

function aggregate(id: string, source: string, target: string, members: readonly FlowEdge[], cache: CollapseCache): FlowEdge {
  const first = members[0]!;
  const data = first.data!;
  const count = members.reduce((n, e) => n + pairCount(e), 0);
  const summary = summaryOf(members);
  const pairs = `${count} ${count === 1 ? 'pair' : 'pairs'}`;
  const label = `${pairs} · ${shortSummary(summary)}`;
  const parts: EdgePair[] = members.map((e) => ({ source: e.source, target: e.target, label: e.data!.label }));
  const kinds = new Set(members.map((e) => e.data!.kind));
  const kind = kinds.size === 1 ? data.kind : 'ports';
  const tiers = new Set(members.flatMap((e) => (e.data!.denyTier ? [e.data!.denyTier] : [])));
  const denyTier = tiers.has('admin') ? 'admin' : tiers.has('baseline') ? 'baseline' : undefined;
  const signature = `${label}|${kind}|${denyTier}|${data.from}|${data.to}|${summary}|${parts.map((p) => `${p.source}>${p.target}:${p.label}`).join(';')}`;
  const cached = cache.edges.get(id);
  if (cached?.signature === signature) return cached.edge;
  const aggregated: ConnectionData = {
    from: data.from,
    to: data.to,
    kind,
    label,
    pairs: parts,
    title: `${pairs} drawn as one edge, together allowing ${summary}: click for each pair`,
    ...(denyTier ? { denyTier } : {}),
    ...(data.ofPolicy !== undefined ? { ofPolicy: data.ofPolicy } : {}),
  };
  const edge: FlowEdge = {
    ...first,
    id,
    source,
    target,
    data: aggregated,
    ariaLabel: `${pairs} from ${source} to ${target}: ${summary}`,
  };
  cache.edges.set(id, { signature, edge });
  return edge;
}

/**
 * The graph with the namespaces named in `collapsed` drawn as one node each (at their frame's
 * place), and every edge into or out of their workloads folded into one aggregate per pair of
 * drawn nodes (a shown policy's denied pairs into their own, beside it).
 */
export function collapseNamespaces(
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  collapsed: ReadonlySet<string>,
  cache: CollapseCache = createCollapseCache(),
): { readonly nodes: FlowNode[]; readonly edges: FlowEdge[] } {
  if (collapsed.size === 0) return { nodes: nodes as FlowNode[], edges: edges as FlowEdge[] };
  const frames = new Map<string, NamespaceNode>();
  for (const node of nodes) if (node.type === 'namespace' && collapsed.has(node.data.name)) frames.set(node.id, node);
  /** The collapsed namespace node that draws a workload. */
  const drawnAs = new Map<string, string>();
  const members = new Map<string, FlowNode[]>([...frames.keys()].map((id) => [id, []]));
  for (const node of nodes) {
    if (node.parentId === undefined || !frames.has(node.parentId)) continue;
    drawnAs.set(node.id, node.parentId);
    members.get(node.parentId)!.push(node);
  }
  const shownNodes = nodes.flatMap((node): FlowNode[] => {
    if (drawnAs.has(node.id)) return [];
    const frame = frames.get(node.id);
    return [frame ? collapsedNode(frame, members.get(node.id)!, cache) : node];
  });
  // Aggregates sit where their first edge was, so the order (and label placement) stays stable.
  const order: (FlowEdge | { readonly id: string; readonly source: string; readonly target: string; readonly members: FlowEdge[] })[] = [];
  const groups = new Map<string, { readonly id: string; readonly source: string; readonly target: string; readonly members: FlowEdge[] }>();
  for (const edge of edges) {
    const source = drawnAs.get(edge.source) ?? edge.source;
    const target = drawnAs.get(edge.target) ?? edge.target;
    if (source === edge.source && target === edge.target) {
      order.push(edge);
      continue;
    }
    const id = edge.data!.ofPolicy !== undefined ? denialEdgeId(source, target) : edgeId(source, target);
    const group = groups.get(id);
    if (group) group.members.push(edge);
    else {
      const fresh = { id, source, target, members: [edge] };
      groups.set(id, fresh);
      order.push(fresh);
    }
  }
  const known = new Set(groups.keys());
  for (const id of cache.edges.keys()) if (!known.has(id)) cache.edges.delete(id);
  return {
    nodes: shownNodes,
    edges: order.map((item) => ('members' in item ? aggregate(item.id, item.source, item.target, item.members, cache) : item)),
  };
}
