/**
 * A whole-graph layout without ELK, for graphs ELK lays out slowly or badly: each group a
 * near-square grid of its children; the top-level boxes (groups, collapsed namespaces) in rows
 * that wrap so the whole is about as wide as it is high. Hubs — boxes that a large share of the
 * others have edges with, as every namespace has with kube-system's DNS and the outside world —
 * get a row of their own in the middle, the other boxes above and below it, so that their many
 * edges stay short and spread out instead of crossing the whole picture. Pure.
 */
import type { XY } from '../../store/types';
import type { FlowEdge, FlowNode } from './flowTypes';
import { boxSize, childrenByGroup, gridOfChildren, GROUP_GAP, isTopLevel } from './placement';

/**
 * Above this many top-level boxes, a layered layout puts most of them in one layer, a picture
 * dozens of screens wide (a hundred collapsed namespaces over kube-system): the grid reads better.
 */
const MAX_LAYERED_BOXES = 40;
/** Room around the hubs' row for the labels of the edges that meet there. */
const HUB_MARGIN = 220;
const HUB_GAP = 260;

export function prefersGrid(nodes: readonly FlowNode[]): boolean {
  return nodes.filter(isTopLevel).length > MAX_LAYERED_BOXES;
}

interface Box {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

/** Boxes in rows of at most `rowWidth`, from (0, 0): their places and the block's height. */
function rows(boxes: readonly Box[], rowWidth: number): { readonly at: Record<string, XY>; readonly height: number } {
  const at: Record<string, XY> = {};
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const box of boxes) {
    if (x > 0 && x + box.width > rowWidth) {
      x = 0;
      y += rowHeight + GROUP_GAP;
      rowHeight = 0;
    }
    at[box.id] = { x, y };
    x += box.width + GROUP_GAP;
    rowHeight = Math.max(rowHeight, box.height);
  }
  return { at, height: boxes.length === 0 ? 0 : y + rowHeight };
}

/** The boxes most others have edges with (a fifth of them at least), most connected first. */
function hubsOf(boxes: readonly Box[], nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Box[] {
  const topOf = new Map(nodes.map((n) => [n.id, n.parentId ?? n.id]));
  const peers = new Map<string, Set<string>>();
  for (const e of edges) {
    const [a, b] = [topOf.get(e.source), topOf.get(e.target)];
    if (a === undefined || b === undefined || a === b) continue;
    peers.set(a, (peers.get(a) ?? new Set()).add(b));
    peers.set(b, (peers.get(b) ?? new Set()).add(a));
  }
  const degree = (box: Box) => peers.get(box.id)?.size ?? 0;
  const least = Math.max(4, boxes.length / 5);
  return boxes.filter((box) => degree(box) >= least).sort((a, b) => degree(b) - degree(a));
}

export function gridLayout(nodes: readonly FlowNode[], edges: readonly FlowEdge[] = []): Record<string, XY> {
  const positions: Record<string, XY> = {};
  const byGroup = childrenByGroup(nodes);
  const boxes: Box[] = nodes.filter(isTopLevel).map((top) => {
    const children = byGroup.get(top.id);
    if (children) Object.assign(positions, gridOfChildren(children));
    return { id: top.id, ...boxSize(top, children, positions) };
  });
  const area = boxes.reduce((sum, b) => sum + (b.width + GROUP_GAP) * (b.height + GROUP_GAP), 0);
  const hubs = hubsOf(boxes, nodes, edges);
  const hubRowWidth = hubs.reduce((sum, h) => sum + h.width, 0) + HUB_GAP * Math.max(0, hubs.length - 1);
  const rowWidth = Math.max(hubRowWidth, ...boxes.map((b) => b.width), Math.sqrt(area) * 1.2);
  const others = boxes.filter((b) => !hubs.includes(b));
  const place = (at: Record<string, XY>, dy: number) => {
    for (const [id, p] of Object.entries(at)) positions[id] = { x: p.x, y: p.y + dy };
  };
  if (hubs.length === 0) {
    place(rows(others, rowWidth).at, 0);
    return positions;
  }
  const above = rows(others.slice(0, Math.ceil(others.length / 2)), rowWidth);
  const below = rows(others.slice(Math.ceil(others.length / 2)), rowWidth);
  place(above.at, 0);
  const hubY = above.height + HUB_MARGIN;
  let x = (rowWidth - hubRowWidth) / 2;
  for (const hub of hubs) {
    positions[hub.id] = { x: Math.round(x), y: hubY };
    x += hub.width + HUB_GAP;
  }
  place(below.at, hubY + Math.max(...hubs.map((h) => h.height)) + HUB_MARGIN);
  return positions;
}
