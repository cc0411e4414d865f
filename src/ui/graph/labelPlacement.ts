/**
 * Where each edge label sits along its edge, so that labels do not cover each other or the
 * workloads. Labels are placed one edge at a time (in id order, so the result is stable): each
 * takes the first spot along its edge that is free, or the least covered one. Pure: positioned
 * nodes and edges in, edges with `labelAt` out; edges whose spot did not change keep their object.
 */
import { DEFAULT_LABEL_AT, drawnBeside, edgeOffset, floatingEdge, labelSize, type Rect } from './edgeGeometry';
import type { FlowEdge, FlowNode } from './flowTypes';
import { isGroup } from './placement';
import { LARGE_GRAPH } from './viewport';

/** Spots tried along an edge, from the default outwards. */
const SPOTS = [DEFAULT_LABEL_AT, 0.45, 0.72, 0.33, 0.82, 0.25];
/**
 * Where many edges meet at one node (every namespace's DNS into kube-system), their labels would
 * crowd around it: they go near the other end instead, spread out as those ends are.
 */
const HUB_EDGES = 8;
const NEAR_SOURCE = [0.22, 0.32, 0.15, 0.42, 0.52];
const NEAR_TARGET = [0.78, 0.68, 0.85, 0.58, 0.48];
/**
 * Beyond this many edges the quadratic search costs more than it helps; large graphs (see
 * viewport.ts) keep the default spots too: they are read zoomed in, a namespace at a time.
 */
const MAX_PLACED_LABELS = 400;
const MARGIN = 2;

function overlap(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) + MARGIN;
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) + MARGIN;
  return width > 0 && height > 0 ? width * height : 0;
}

/** Every node's box in graph coordinates (children are positioned relative to their group). */
export function absoluteRects(nodes: readonly FlowNode[]): Map<string, Rect> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rects = new Map<string, Rect>();
  for (const node of nodes) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    rects.set(node.id, {
      x: node.position.x + (parent?.position.x ?? 0),
      y: node.position.y + (parent?.position.y ?? 0),
      width: node.width ?? 0,
      height: node.height ?? 0,
    });
  }
  return rects;
}

/** `labelAt` per edge id, for the edges whose label has somewhere to go. */
export function labelSpots(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Map<string, number> {
  const rects = absoluteRects(nodes);
  // Labels must not hide workloads; group frames are big and mostly empty, so they do not count.
  const taken: Rect[] = nodes.filter((n) => !isGroup(n)).map((n) => rects.get(n.id)!);
  const spots = new Map<string, number>();
  const [into, outOf] = [new Map<string, number>(), new Map<string, number>()];
  for (const e of edges) {
    into.set(e.target, (into.get(e.target) ?? 0) + 1);
    outOf.set(e.source, (outOf.get(e.source) ?? 0) + 1);
  }
  const spotsOf = (e: FlowEdge) => {
    const [toHub, fromHub] = [into.get(e.target)! >= HUB_EDGES, outOf.get(e.source)! >= HUB_EDGES];
    return toHub === fromHub ? SPOTS : toHub ? NEAR_SOURCE : NEAR_TARGET;
  };
  // A fan's label sits at its junction (fans.ts): taken first, and its lines need no spot.
  for (const edge of edges) {
    const fan = edge.data?.fan;
    if (fan?.lead !== edge.id) continue;
    const size = labelSize(edge.data!.label);
    taken.push({ x: fan.x - size.width / 2, y: fan.y - size.height / 2, ...size });
  }
  // Edges drawn beside a pair's edge come last, so the labels of the allowed edges keep their spots.
  const later = (e: FlowEdge) => (e.data && drawnBeside(e.data) ? 1 : 0);
  for (const edge of [...edges].sort((a, b) => later(a) - later(b) || (a.id < b.id ? -1 : 1))) {
    const source = rects.get(edge.source);
    const target = rects.get(edge.target);
    // A loop's label has one place, at its far end (edgeGeometry.ts loopEdge).
    if (!source || !target || !edge.data || edge.source === edge.target || edge.data.fan) continue;
    const size = labelSize(edge.data.label, edge.data.note, edge.data.gained?.label);
    const offset = edgeOffset(edge.data);
    const boxAt = (at: number): Rect => {
      const { labelX, labelY } = floatingEdge(source, target, offset, at);
      return { x: labelX - size.width / 2, y: labelY - size.height / 2, ...size };
    };
    const tried = spotsOf(edge);
    let best = { at: tried[0]!, box: boxAt(tried[0]!), covered: Infinity };
    for (const at of tried) {
      const box = boxAt(at);
      const covered = taken.reduce((sum, other) => sum + overlap(box, other), 0);
      if (covered < best.covered) best = { at, box, covered };
      if (covered === 0) break;
    }
    spots.set(edge.id, best.at);
    taken.push(best.box);
  }
  return spots;
}

/** Edges with their label spot; an edge whose spot is unchanged is the same object. */
export function applyLabelSpots(
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  cache: WeakMap<FlowEdge, { readonly at: number; readonly edge: FlowEdge }>,
): FlowEdge[] {
  if (edges.length > MAX_PLACED_LABELS || nodes.length > LARGE_GRAPH) return [...edges];
  const spots = labelSpots(nodes, edges);
  return edges.map((edge) => {
    const at = spots.get(edge.id);
    if (at === undefined || at === DEFAULT_LABEL_AT) return edge;
    const cached = cache.get(edge);
    if (cached?.at === at) return cached.edge;
    const made = { ...edge, data: { ...edge.data!, labelAt: at } };
    cache.set(edge, { at, edge: made });
    return made;
  });
}
