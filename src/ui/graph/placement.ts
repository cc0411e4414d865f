/**
 * Where nodes go, without a layout engine: stable placement across edits.
 * - Known nodes keep their stored position (layout result or where the user dragged them).
 * - A new workload goes below the lowest node of its namespace; a new group to the right of all.
 * - Groups are sized to fit their children, and pushed down when growing made them overlap.
 * All pure: positions in, positions out.
 */
import type { XY } from '../../store/types';
import type { FlowNode } from './flowTypes';
import { Position, type NodeHandle } from '@xyflow/react';

export const GROUP_PAD = 20;
/** Room for a group's title and labels above its children. */
export const GROUP_HEADER = 64;
const GAP = 28;
const GROUP_GAP = 60;
const MIN_GROUP = { width: 270, height: 110 };

type Box = { x: number; y: number; width: number; height: number };

export const isGroup = (node: FlowNode) => node.type === 'namespace' || node.type === 'externalGroup';

function childrenByGroup(nodes: readonly FlowNode[]): Map<string, FlowNode[]> {
  const byGroup = new Map<string, FlowNode[]>();
  for (const node of nodes) if (isGroup(node)) byGroup.set(node.id, []);
  for (const node of nodes) if (node.parentId) byGroup.get(node.parentId)?.push(node);
  return byGroup;
}

/** A group's size from its children's positions. */
function groupSize(children: readonly FlowNode[], positions: Readonly<Record<string, XY>>) {
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
 * True when most leaf nodes have no position (first load, a big paste): placing them one by one
 * next to their siblings would make a poor picture.
 */
export function needsFullLayout(nodes: readonly FlowNode[], positions: Readonly<Record<string, XY>>): boolean {
  const leaves = nodes.filter((n) => !isGroup(n));
  return leaves.filter((n) => !positions[n.id]).length * 2 > leaves.length;
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
  const groups = nodes.filter(isGroup);
  const merged = { ...positions, ...placed };
  for (const group of groups) {
    const p = all(group.id);
    if (p) right = Math.max(right, p.x + groupSize(byGroup.get(group.id)!, merged).width);
  }
  for (const group of groups) {
    if (all(group.id)) continue;
    placed[group.id] = { x: right + GROUP_GAP, y: 0 };
    right += GROUP_GAP + groupSize(byGroup.get(group.id)!, merged).width;
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
  const sized = width !== undefined && height !== undefined ? { width, height, handles: nodeHandles(width, height) } : {};
  const made = { ...node, position: { x: box.x, y: box.y }, ...sized } as FlowNode;
  cache?.set(node, made);
  return made;
}

/**
 * Nodes with positions and group sizes applied. A group that would overlap one above it (because
 * one grew) is shown moved down; its stored position is untouched.
 */
export function applyPlacement(
  nodes: readonly FlowNode[],
  positions: Readonly<Record<string, XY>>,
  cache?: PlacementCache,
): FlowNode[] {
  const byGroup = childrenByGroup(nodes);
  const boxes = new Map<string, Box>();
  const groups = nodes.filter(isGroup).map((group): Box & { id: string } => ({
    id: group.id,
    ...(positions[group.id] ?? { x: 0, y: 0 }),
    ...groupSize(byGroup.get(group.id)!, positions),
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

/**
 * A whole-graph layout without edges, for graphs too large for ELK: each group a near-square
 * grid of its children, groups in rows that wrap so the whole is about as wide as it is high.
 */
export function gridLayout(nodes: readonly FlowNode[]): Record<string, XY> {
  const positions: Record<string, XY> = {};
  const sizes = new Map<string, { width: number; height: number }>();
  for (const [groupId, children] of childrenByGroup(nodes)) {
    const columns = Math.max(1, Math.ceil(Math.sqrt(children.length)));
    const cellHeight = Math.max(0, ...children.map((c) => c.height ?? 0)) + GAP;
    children.forEach((child, i) => {
      positions[child.id] = {
        x: GROUP_PAD + (i % columns) * ((child.width ?? 0) + GAP),
        y: GROUP_HEADER + Math.floor(i / columns) * cellHeight,
      };
    });
    sizes.set(groupId, groupSize(children, positions));
  }
  const area = [...sizes.values()].reduce((sum, s) => sum + (s.width + GROUP_GAP) * (s.height + GROUP_GAP), 0);
  const rowWidth = Math.max(...[...sizes.values()].map((s) => s.width), Math.sqrt(area) * 1.2);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const [groupId, size] of sizes) {
    if (x > 0 && x + size.width > rowWidth) {
      x = 0;
      y += rowHeight + GROUP_GAP;
      rowHeight = 0;
    }
    positions[groupId] = { x, y };
    x += size.width + GROUP_GAP;
    rowHeight = Math.max(rowHeight, size.height);
  }
  return positions;
}
