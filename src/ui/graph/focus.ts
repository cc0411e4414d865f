/**
 * The focus view: one node, its neighbours and the edges between them, laid out to be read from
 * left to right — what reaches it on the left, the node in the middle (with what it exchanges
 * traffic with both ways below it), what it reaches on the right. Pure.
 */
import type { GraphFocus, XY } from '../../store/types';
import type { FlowEdge, FlowNode } from './flowTypes';
import { GROUP_GAP, gridOfChildren, groupSize } from './placement';

/** Room between the columns for the edges' labels. */
const COLUMN_GAP = 220;

/**
 * The nodes and edges of the focus view: the edges out of the focused node (`out`), into it
 * (`in`) or both; the nodes they join; the groups those sit in. Works on unbundled edges (toFlow
 * bundles after), so every edge that touches the node is one of its own. A focus on a node the
 * graph does not draw leaves the graph whole.
 */
export function focusOn(
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  focus: GraphFocus,
): { readonly nodes: FlowNode[]; readonly edges: FlowEdge[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  if (!byId.has(focus.node)) return { nodes: nodes as FlowNode[], edges: edges as FlowEdge[] };
  const kept = edges.filter(
    (e) => (focus.direction !== 'in' && e.source === focus.node) || (focus.direction !== 'out' && e.target === focus.node),
  );
  const keep = new Set([focus.node, ...kept.flatMap((e) => [e.source, e.target])]);
  for (const id of [...keep]) {
    const parent = byId.get(id)?.parentId;
    if (parent !== undefined) keep.add(parent);
  }
  return { nodes: nodes.filter((n) => keep.has(n.id)), edges: kept };
}

type Side = 'in' | 'out' | 'centre';

interface Unit {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

/** Units stacked in columns no taller than `height` (one at least), left to right: their places. */
function columns(units: readonly Unit[], height: number): { readonly at: Map<string, XY>; readonly width: number; readonly height: number } {
  const at = new Map<string, XY>();
  let x = 0;
  let y = 0;
  let columnWidth = 0;
  let tallest = 0;
  for (const unit of units) {
    if (y > 0 && y + unit.height > height) {
      x += columnWidth + GROUP_GAP;
      y = 0;
      columnWidth = 0;
    }
    at.set(unit.id, { x, y });
    y += unit.height + GROUP_GAP;
    columnWidth = Math.max(columnWidth, unit.width);
    tallest = Math.max(tallest, y - GROUP_GAP);
  }
  return { at, width: units.length === 0 ? 0 : x + columnWidth, height: tallest };
}

/**
 * Positions for the focus view (`focusOn`'s output, bundled or not): each top-level box (a group
 * with the nodes kept in it, in a grid, or a collapsed namespace) in the column of its side.
 */
export function focusLayout(nodes: readonly FlowNode[], edges: readonly FlowEdge[], focus: GraphFocus): Record<string, XY> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const topOf = (id: string) => byId.get(id)?.parentId ?? id;
  const sides = new Map<string, Set<Side>>();
  const mark = (id: string, side: Side) => sides.set(topOf(id), (sides.get(topOf(id)) ?? new Set<Side>()).add(side));
  mark(focus.node, 'centre');
  for (const e of edges) {
    if (e.target === focus.node && e.source !== focus.node) mark(e.source, 'in');
    if (e.source === focus.node && e.target !== focus.node) mark(e.target, 'out');
  }
  const positions: Record<string, XY> = {};
  const children = new Map<string, FlowNode[]>();
  for (const node of nodes) if (node.parentId !== undefined) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  const units = nodes
    .filter((n) => n.parentId === undefined)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((top): Unit & { readonly side: Side } => {
      const inside = children.get(top.id);
      const marks = sides.get(top.id) ?? new Set<Side>();
      const side: Side = marks.has('centre') || (marks.has('in') && marks.has('out')) ? 'centre' : marks.has('in') ? 'in' : 'out';
      if (!inside) return { id: top.id, width: top.width ?? 0, height: top.height ?? 0, side };
      Object.assign(positions, gridOfChildren(inside));
      return { id: top.id, ...groupSize(inside, positions), side };
    });
  // The focused node's own box first in the middle column.
  const centreFirst = (a: Unit, b: Unit) => Number(b.id === topOf(focus.node)) - Number(a.id === topOf(focus.node));
  const bySide = (side: Side) => units.filter((u) => u.side === side).sort(centreFirst);
  const area = units.reduce((sum, u) => sum + (u.width + GROUP_GAP) * (u.height + GROUP_GAP), 0);
  const height = Math.max(Math.sqrt(area), ...units.map((u) => u.height));
  let x = 0;
  const blocks = (['in', 'centre', 'out'] as const).map((side) => ({ side, ...columns(bySide(side), height) }));
  const tallest = Math.max(...blocks.map((b) => b.height));
  for (const block of blocks) {
    if (block.width === 0) continue;
    const top = (tallest - block.height) / 2;
    for (const [id, at] of block.at) positions[id] = { x: x + at.x, y: top + at.y };
    x += block.width + COLUMN_GAP;
  }
  return positions;
}
