/**
 * What the graph's marks share (checkMarks.ts: failing expectations; compare/compareMarks.ts: what
 * changed since Compare's baseline): finding the edge that draws a pair, and the tally of a mark
 * drawn as an edge of its own beside the pair's (`✗ expected <ports>`, `− <ports>`), its ports
 * united over the pairs between the same two nodes; and the cache that keeps a mark's edge object
 * while the mark says the same, revision after revision (useFlowModel.ts hands React Flow the same
 * array when every edge is the same object). Pure but for that cache.
 */
import { unionConnections } from '../../engine';
import type { ConnectionSet, EndpointId } from '../../engine/types';
import { drawnBeside } from './edgeGeometry';
import { connectionLabel, flowEdge } from './flowEdge';
import type { ConnectionData, EdgeKind, FlowEdge } from './flowTypes';
import { edgeId } from './ids';

/**
 * Each edge that draws connections, by the (source node, target node) pairs it stands for: itself,
 * a bundle's members, an aggregate's ends. Edges drawn beside a pair's (a shown policy's denials,
 * the marks) draw none.
 */
export function edgesByPair(edges: readonly FlowEdge[]): Map<string, FlowEdge> {
  const index = new Map<string, FlowEdge>();
  for (const edge of edges) {
    const data = edge.data!;
    if (drawnBeside(data)) continue;
    index.set(edgeId(edge.source, edge.target), edge);
    for (const [source, target] of data.members ?? []) index.set(edgeId(source, target), edge);
  }
  return index;
}

/** The marked edges of the last call, so that an unchanged mark keeps its object (one cache per kind of mark). */
export interface MarkCache {
  /** By the edge a mark is put on: what the mark says (its key), and the marked edge. */
  readonly on: WeakMap<FlowEdge, { readonly key: string; readonly edge: FlowEdge }>;
  /** The marks drawn as edges of their own, by id. */
  own: ReadonlyMap<string, FlowEdge>;
}

export function createMarkCache(): MarkCache {
  return { on: new WeakMap(), own: new Map() };
}

/** `edge` with `mark` added to its data: the same object as last time when `key` (what `mark` says) is. */
export function markedEdge(cache: MarkCache, edge: FlowEdge, key: string, mark: Partial<ConnectionData>): FlowEdge {
  const known = cache.on.get(edge);
  if (known?.key === key) return known.edge;
  const marked = { ...edge, data: { ...edge.data!, ...mark } };
  cache.on.set(edge, { key, edge: marked });
  return marked;
}

/** One mark's pairs: the nodes it is drawn between, its first pair's endpoints, their ports, what it says of each. */
export interface MarkTally {
  readonly source: string;
  readonly target: string;
  readonly from: EndpointId;
  readonly to: EndpointId;
  ports: ConnectionSet;
  readonly lines: string[];
}

/** Adds a pair's ports and sentences to the mark with id `id` (the first pair names its ends). */
export function tallyMark(
  into: Map<string, MarkTally>,
  id: string,
  pair: Omit<MarkTally, 'lines'>,
  lines: readonly string[],
): void {
  const known = into.get(id);
  if (!known) into.set(id, { ...pair, lines: [...lines] });
  else {
    known.ports = unionConnections(known.ports, pair.ports);
    known.lines.push(...lines);
  }
}

/** The marks as edges of their own: labelled `<prefix><ports>`, titled `heading` then one line per pair. */
export function markEdges(
  marks: ReadonlyMap<string, MarkTally>,
  kind: EdgeKind,
  prefix: string,
  heading: string,
  cache: MarkCache,
): FlowEdge[] {
  const edges = [...marks].map(([id, { source, target, from, to, ports, lines }]) => {
    const label = `${prefix}${connectionLabel(ports)}`;
    const title = [heading, ...lines].join('\n');
    const known = cache.own.get(id);
    const same = known && known.source === source && known.target === target;
    const data = known?.data;
    if (same && data?.from === from && data.to === to && data.label === label && data.title === title) return known;
    return flowEdge(source, target, { from, to, kind, label, title }, id);
  });
  cache.own = new Map(edges.map((edge) => [edge.id, edge]));
  return edges;
}
