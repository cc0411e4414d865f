/**
 * "All" edges bundled (view.allTraffic `bundled`): the connections that allow everything into one
 * node run together into a short trunk in front of it, which carries their one `All` label and
 * one arrowhead. Nine labels saying `All` become one per receiving node, and the lines a policy
 * restricts stand out; every connection is still a line of its own from its source.
 *
 * The trunk's junction sits outside the receiving node, on the side its sources are (toward their
 * centroid), so the lines meet before they arrive. Only plain edges join a fan: a bundle or an
 * aggregate already stands for many, and a marked edge (failing expectation, Compare) keeps its
 * own label. Pure: positioned nodes and edges in; edges whose fan did not change keep their object.
 */
import type { EdgeFan, FlowEdge, FlowNode } from './flowTypes';
import { absoluteRects } from './labelPlacement';
import type { Rect } from './edgeGeometry';

/** How far in front of the receiving node's border the lines meet. */
export const TRUNK_LENGTH = 56;

const joins = (edge: FlowEdge) => {
  const data = edge.data!;
  return data.kind === 'all' && !data.members && !data.pairs && !data.failing && !data.gained && edge.source !== edge.target;
};

const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const round = (n: number) => Math.round(n * 10) / 10;

/** The junction in front of `target`, toward the centre of `sources`. */
export function junctionOf(target: Rect, sources: readonly Rect[]): { x: number; y: number } {
  const t = centre(target);
  const centres = sources.map(centre);
  const c = { x: centres.reduce((s, p) => s + p.x, 0) / centres.length, y: centres.reduce((s, p) => s + p.y, 0) / centres.length };
  const length = Math.hypot(c.x - t.x, c.y - t.y);
  // Sources all around the node (or on it): the trunk comes in from above.
  const [ux, uy] = length < 1 ? [0, -1] : [(c.x - t.x) / length, (c.y - t.y) / length];
  const toBorder = Math.min(ux === 0 ? Infinity : target.width / 2 / Math.abs(ux), uy === 0 ? Infinity : target.height / 2 / Math.abs(uy));
  return { x: round(t.x + ux * (toBorder + TRUNK_LENGTH)), y: round(t.y + uy * (toBorder + TRUNK_LENGTH)) };
}

export type FanCache = WeakMap<FlowEdge, { readonly fan: EdgeFan; readonly edge: FlowEdge }>;

const sameFan = (a: EdgeFan, b: EdgeFan) => a.x === b.x && a.y === b.y && a.lead === b.lead && a.size === b.size;

/** The edges with the fan each joins (two or more `All` edges into one node make a fan). */
export function applyFans(nodes: readonly FlowNode[], edges: readonly FlowEdge[], cache: FanCache): FlowEdge[] {
  const byTarget = new Map<string, FlowEdge[]>();
  for (const edge of edges) {
    if (!joins(edge)) continue;
    const into = byTarget.get(edge.target);
    if (into) into.push(edge);
    else byTarget.set(edge.target, [edge]);
  }
  const rects = absoluteRects(nodes);
  const fans = new Map<FlowEdge, EdgeFan>();
  for (const [target, members] of byTarget) {
    const into = rects.get(target);
    const from = members.flatMap((e) => rects.get(e.source) ?? []);
    if (members.length < 2 || !into || from.length < members.length) continue;
    const { x, y } = junctionOf(into, from);
    // The lead (first by id, so it stays put as edges come and go) carries the label.
    const lead = members.reduce((a, b) => (b.id < a.id ? b : a)).id;
    for (const edge of members) fans.set(edge, { x, y, lead, size: members.length });
  }
  return edges.map((edge) => {
    const fan = fans.get(edge);
    if (!fan) return edge;
    const cached = cache.get(edge);
    if (cached && sameFan(cached.fan, fan)) return cached.edge;
    const made = { ...edge, data: { ...edge.data!, fan } };
    cache.set(edge, { fan, edge: made });
    return made;
  });
}
