/**
 * Floating edges: a straight line between the borders of two nodes, wherever they are, shifted
 * a little to its right so that A→B and B→A run side by side instead of on top of each other.
 * The label sits past the middle, toward the target (the ports it names are the target's), and
 * further to the right, so that the two labels of a pair stay apart even on a short line.
 */
import type { ConnectionData } from './flowTypes';

/** What decides where an edge runs beside its pair. */
type EdgeSide = Pick<ConnectionData, 'kind'> & Partial<Pick<ConnectionData, 'ofPolicy'>>;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface EdgeGeometry {
  readonly path: string;
  readonly labelX: number;
  readonly labelY: number;
}

/** Where the ray from `p` (inside `rect`) along unit `(ux, uy)` leaves the rectangle. */
function exitPoint(rect: Rect, px: number, py: number, ux: number, uy: number) {
  const tx = ux > 0 ? (rect.x + rect.width - px) / ux : ux < 0 ? (rect.x - px) / ux : Infinity;
  const ty = uy > 0 ? (rect.y + rect.height - py) / uy : uy < 0 ? (rect.y - py) / uy : Infinity;
  const t = Math.max(0, Math.min(tx, ty));
  return { x: px + ux * t, y: py + uy * t };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** How far a label sits to the right of its line, so the labels of a pair do not cover each other. */
const LABEL_SHIFT = 2;

/** Where along an edge its label sits by default (fraction from source to target). */
export const DEFAULT_LABEL_AT = 0.6;

/** Labels are monospace: their width follows from their length. */
const CHAR_WIDTH = 7.9;
const LABEL_HEIGHT = 20;

/** Lines of a label after the first (a note) are this much lower. */
export const NOTE_LINE_HEIGHT = 16;

/** The size of a label's box: one line, and one more for each note (a rule, traffic gained since Compare's baseline). */
export function labelSize(label: string, ...notes: readonly (string | undefined)[]): { width: number; height: number } {
  const lines = notes.filter((note) => note !== undefined);
  const chars = Math.max(label.length, ...lines.map((line) => line.length));
  return { width: chars * CHAR_WIDTH + 12, height: LABEL_HEIGHT + lines.length * NOTE_LINE_HEIGHT };
}

/** Drawn beside a pair's own edge, not as it: a shown policy's denial, an expectation's or a comparison's mark. */
export function drawnBeside(data: EdgeSide): boolean {
  return data.ofPolicy !== undefined || data.kind === 'expected' || data.kind === 'lost';
}

/**
 * How far right of the centre line an edge runs: the default keeps A→B and B→A apart; an edge
 * drawn beside a pair's edge runs further out, instead of over it.
 */
export function edgeOffset(data: EdgeSide): number | undefined {
  return drawnBeside(data) ? 20 : undefined;
}

export function floatingEdge(source: Rect, target: Rect, offset = 6, labelAt = DEFAULT_LABEL_AT): EdgeGeometry {
  const sx = source.x + source.width / 2;
  const sy = source.y + source.height / 2;
  const tx = target.x + target.width / 2;
  const ty = target.y + target.height / 2;
  const length = Math.hypot(tx - sx, ty - sy) || 1;
  const ux = (tx - sx) / length;
  const uy = (ty - sy) / length;
  // The right-hand side of the direction of travel (screen y points down).
  const nx = -uy * offset;
  const ny = ux * offset;
  const start = exitPoint(source, sx + nx, sy + ny, ux, uy);
  const end = exitPoint(target, tx + nx, ty + ny, -ux, -uy);
  return {
    path: `M ${round(start.x)},${round(start.y)} L ${round(end.x)},${round(end.y)}`,
    labelX: round(start.x + (end.x - start.x) * labelAt + nx * LABEL_SHIFT),
    labelY: round(start.y + (end.y - start.y) * labelAt + ny * LABEL_SHIFT),
  };
}

/**
 * A line of a fan (fans.ts): from the source's border to the junction, then along the trunk to
 * the target's border; the label (the lead's) at the junction.
 */
export function fannedEdge(source: Rect, target: Rect, junction: { x: number; y: number }): EdgeGeometry {
  const toward = (rect: Rect) => {
    const [cx, cy] = [rect.x + rect.width / 2, rect.y + rect.height / 2];
    const length = Math.hypot(junction.x - cx, junction.y - cy) || 1;
    return exitPoint(rect, cx, cy, (junction.x - cx) / length, (junction.y - cy) / length);
  };
  const [start, end] = [toward(source), toward(target)];
  return {
    path: `M ${round(start.x)},${round(start.y)} L ${round(junction.x)},${round(junction.y)} L ${round(end.x)},${round(end.y)}`,
    labelX: junction.x,
    labelY: junction.y,
  };
}

/** How far a loop reaches out to the right of its node. */
const LOOP_REACH = 80;

/**
 * An edge from a node to itself (the traffic inside a collapsed namespace): a loop out of its
 * right side and back, its label just right of the loop (`labelWidth` wide).
 */
export function loopEdge(node: Rect, labelWidth = 0): EdgeGeometry {
  const right = node.x + node.width;
  const top = node.y + node.height * 0.25;
  const bottom = node.y + node.height * 0.75;
  const far = right + LOOP_REACH;
  return {
    path: `M ${round(right)},${round(top)} C ${round(far)},${round(node.y - 20)} ${round(far)},${round(node.y + node.height + 20)} ${round(right)},${round(bottom)}`,
    labelX: round(right + LOOP_REACH * 0.75 + labelWidth / 2 + 4),
    labelY: round(node.y + node.height / 2),
  };
}
