/**
 * Where nodes go, without a layout engine: stable placement across edits.
 * - Known nodes keep their stored position (layout result or where the user dragged them).
 * - A new workload goes below the lowest node of its namespace; the workloads of a namespace that
 *   has none placed yet (one just opened) form a near-square grid in it; a new group or collapsed
 *   namespace goes to the right of all.
 * - Groups are sized to fit their children; a top-level box (group or collapsed namespace) is
 *   pushed down when one that grew (a namespace opened) would overlap it.
 * All pure: positions in, positions out.
 */
import type { XY } from '../../store/types';
import type { FlowNode } from './flowTypes';
import { Position, type NodeHandle } from '@xyflow/react';

export const GROUP_PAD = 20;
/** Room for a group's title and labels above its children. */
export const GROUP_HEADER = 64;
export const GAP = 28;
export const GROUP_GAP = 60;
const MIN_GROUP = { width: 270, height: 110 };

type Box = { x: number; y: number; width: number; height: number };

export const isGroup = (node: FlowNode) => node.type === 'namespace' || node.type === 'externalGroup';

/** Groups, and the leaves outside any group (collapsed namespaces): what overlaps are settled between. */
export const isTopLevel = (node: FlowNode) => node.parentId === undefined;

export function childrenByGroup(nodes: readonly FlowNode[]): Map<string, FlowNode[]> {
  const byGroup = new Map<string, FlowNode[]>();
  for (const node of nodes) if (isGroup(node)) byGroup.set(node.id, []);
  for (const node of nodes) if (node.parentId) byGroup.get(node.parentId)?.push(node);
  return byGroup;
}

/** A group's size from its children's positions. */
export function groupSize(children: readonly FlowNode[], positions: Readonly<Record<string, XY>>) {
  let width = MIN_GROUP.width;
  let height = MIN_GROUP.height;
  for (const child of children) {
    const p = positions[child.id];
    if (!p) continue;
    width = Math.max(width, p.x + (child.width ?? 0) + GROUP_PAD);
    height = Math.max(height, p.y + (child.height ?? 0) + GROUP_PAD);
  }
  return { width, height };
}

/**
 * True when most leaf nodes have nowhere to go: no position, and no placed group to go into
 * (first load, a big paste of new namespaces). Placing them one by one would make a poor picture.
 * The workloads of a namespace that opens have their group's place: they never ask for one.
 */
export function needsFullLayout(nodes: readonly FlowNode[], positions: Readonly<Record<string, XY>>): boolean {
  const leaves = nodes.filter((n) => !isGroup(n));
  const homeless = leaves.filter((n) => !positions[n.id] && !(n.parentId !== undefined && positions[n.parentId]));
  return homeless.length * 2 > leaves.length;
}

/** Children in a grid below their group's header (near-square by default): positions, relative to the group. */
export function gridOfChildren(children: readonly FlowNode[], columns = Math.ceil(Math.sqrt(children.length))): Record<string, XY> {
  const positions: Record<string, XY> = {};
  const cellWidth = Math.max(0, ...children.map((c) => c.width ?? 0)) + GAP;
  const cellHeight = Math.max(0, ...children.map((c) => c.height ?? 0)) + GAP;
  children.forEach((child, i) => {
    positions[child.id] = { x: GROUP_PAD + (i % Math.max(1, columns)) * cellWidth, y: GROUP_HEADER + Math.floor(i / Math.max(1, columns)) * cellHeight };
  });
  return positions;
}

/** The size of a top-level box: a group's from its children, a leaf's own. */
export function boxSize(node: FlowNode, children: readonly FlowNode[] | undefined, positions: Readonly<Record<string, XY>>) {
  return children ? groupSize(children, positions) : { width: node.width ?? 0, height: node.height ?? 0 };
}

/** Positions for the nodes that have none yet; known nodes are never moved. */
export function placeMissing(
  nodes: readonly FlowNode[],
  positions: Readonly<Record<string, XY>>,
): Record<string, XY> {
  const placed: Record<string, XY> = {};
  // The common case while typing: nothing new.
  if (nodes.every((n) => positions[n.id])) return placed;
  const all = (id: string) => placed[id] ?? positions[id];
  const byGroup = childrenByGroup(nodes);
  for (const children of byGroup.values()) {
    // A namespace just opened: a grid taller than wide, as the graph's pane is (it opens centred,
    // at the largest zoom that shows it whole: 3 columns of 20 workloads read at 0.5, 5 at 0.35).
    if (children.length > 0 && !children.some((c) => all(c.id))) {
      Object.assign(placed, gridOfChildren(children, Math.ceil(Math.sqrt(children.length / 3))));
      continue;
    }
    let bottom = GROUP_HEADER - GAP;
    for (const child of children) {
      const p = all(child.id);
      if (p) bottom = Math.max(bottom, p.y + (child.height ?? 0));
    }
    for (const child of children) {
      if (all(child.id)) continue;
      placed[child.id] = { x: GROUP_PAD, y: bottom + GAP };
      bottom += GAP + (child.height ?? 0);
    }
  }
  let right = -GROUP_GAP;
  const tops = nodes.filter(isTopLevel);
  const merged = { ...positions, ...placed };
  for (const top of tops) {
    const p = all(top.id);
    if (p) right = Math.max(right, p.x + boxSize(top, byGroup.get(top.id), merged).width);
  }
  for (const top of tops) {
    if (all(top.id)) continue;
    placed[top.id] = { x: right + GROUP_GAP, y: 0 };
    right += GROUP_GAP + boxSize(top, byGroup.get(top.id), merged).width;
  }
  return placed;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;

/** A handle's size (app.css `.react-flow__handle`); handles sit centred on the top and bottom edges. */
const HANDLE = 6;

/**
 * The handles every node draws (nodes.tsx), declared up front: React Flow otherwise renders every
 * node once, on or off screen, to measure them; at 2000 workloads that mounted, measured and
 * unmounted 2000 nodes (about a second of main thread) after each whole-graph layout.
 */
function nodeHandles(width: number, height: number): NodeHandle[] {
  const x = width / 2 - HANDLE / 2;
  return [
    { type: 'target', position: Position.Top, x, y: -HANDLE / 2, width: HANDLE, height: HANDLE },
    { type: 'source', position: Position.Bottom, x, y: height - HANDLE / 2, width: HANDLE, height: HANDLE },
  ];
}

/** Placed nodes by the unplaced node they were made from: an unmoved node stays the same object. */
export type PlacementCache = WeakMap<FlowNode, FlowNode>;

function placed(node: FlowNode, box: { x: number; y: number; width?: number; height?: number }, cache?: PlacementCache): FlowNode {
  const old = cache?.get(node);
  if (old && old.position.x === box.x && old.position.y === box.y && old.width === (box.width ?? node.width) && old.height === (box.height ?? node.height)) {
    return old;
  }
  const width = box.width ?? node.width;
  const height = box.height ?? node.height;
  // `measured` too: React Flow fits (fitView) only measured nodes, and never measures the ones
  // it does not render (large graphs render what is in view); their declared size is their size.
  const sized = width !== undefined && height !== undefined ? { width, height, measured: { width, height }, handles: nodeHandles(width, height) } : {};
  const made = { ...node, position: { x: box.x, y: box.y }, ...sized } as FlowNode;
  cache?.set(node, made);
  return made;
}

/**
 * Nodes with positions and group sizes applied. A top-level box that would overlap one above it
 * (because one grew) is shown moved down; its stored position is untouched.
 */
export function applyPlacement(
  nodes: readonly FlowNode[],
  positions: Readonly<Record<string, XY>>,
  cache?: PlacementCache,
): FlowNode[] {
  const byGroup = childrenByGroup(nodes);
  const boxes = new Map<string, Box>();
  const groups = nodes.filter(isTopLevel).map((top): Box & { id: string } => ({
    id: top.id,
    ...(positions[top.id] ?? { x: 0, y: 0 }),
    ...boxSize(top, byGroup.get(top.id), positions),
  }));
  const settled: Box[] = [];
  for (const box of [...groups].sort((a, b) => a.y - b.y || a.x - b.x)) {
    let clash = settled.find((other) => overlaps(box, other));
    while (clash) {
      box.y = clash.y + clash.height + GAP;
      clash = settled.find((other) => overlaps(box, other));
    }
    settled.push(box);
    boxes.set(box.id, box);
  }
  return nodes.map((node) => placed(node, boxes.get(node.id) ?? positions[node.id] ?? { x: GROUP_PAD, y: GROUP_HEADER }, cache));
}
