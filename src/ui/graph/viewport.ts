/**
 * What "fit" shows. A small graph fits whole. A graph of collapsed namespaces (a large cluster's
 * first view) fits whole when it can be read so, else opens at a readable zoom on its middle, where
 * its hubs are (gridLayout.ts). A large one opens on its first group at a readable zoom: thousands
 * of nodes on screen at once would be unreadable and slow down every keystroke (the minimap, Fit
 * and zooming out still show everything).
 * In presentation mode no fit goes below PRESENTATION_ZOOM, where a projector's back row reads the
 * names and the ports; a graph too big for that shows its middle, and the minimap the rest.
 */
import type { FitViewOptions } from '@xyflow/react';
import type { Rect } from './edgeGeometry';
import type { FlowNode } from './flowTypes';

/** Above this many nodes, a graph counts as large. */
export const LARGE_GRAPH = 300;

/** The least zoom a collapsed graph's first view opens at: its names and labels read from here. */
export const READABLE_ZOOM = 0.75;

/**
 * The least zoom of a fit in presentation mode. There, node names are 18 px and edge labels
 * 13 px × 1.3 in graph units (presentation.css), so on screen they are at least 18 px and 16.9 px,
 * what a 1280×720 projector needs; the classic example still fits whole in the pane.
 */
export const PRESENTATION_ZOOM = 1;

/** Pixels at each side of the pane that overlays cover (the legend below, the controls at the left). */
export interface FitRoom {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Where a fit happens: the room overlays take, and whether presentation mode is on. */
export interface FitFrame {
  readonly room?: FitRoom;
  readonly presentation?: boolean;
}

/** The margin around a fitted graph, besides the overlays' room. */
const MARGIN = 16;

/** The padding: a fraction of the pane, or, when overlays take room, that room plus a margin in pixels. */
function padding(fraction: number, room: FitRoom | undefined): FitViewOptions['padding'] {
  if (!room) return fraction;
  const px = (side: number) => `${Math.round(side + MARGIN)}px` as const;
  return { top: px(room.top), right: px(room.right), bottom: px(room.bottom), left: px(room.left) };
}

/** The options, with presentation mode's least zoom (raising a maximum below it). */
function framed(options: FitViewOptions<FlowNode>, fraction: number, frame: FitFrame): FitViewOptions<FlowNode> {
  const withRoom = { ...options, padding: padding(fraction, frame.room) };
  if (!frame.presentation) return withRoom;
  const minZoom = Math.max(options.minZoom ?? 0, PRESENTATION_ZOOM);
  return { ...withRoom, minZoom, ...(options.maxZoom !== undefined ? { maxZoom: Math.max(options.maxZoom, minZoom) } : {}) };
}

export function fitOptions(nodes: readonly FlowNode[], everything = false, frame: FitFrame = {}): FitViewOptions<FlowNode> {
  // Nodes carry their sizes: fitting need not wait until React Flow has measured them.
  if (everything) return framed({ includeHiddenNodes: true }, 0.08, frame);
  if (nodes.length <= LARGE_GRAPH) {
    const collapsed = nodes.some((n) => n.type === 'collapsedNamespace');
    return framed({ includeHiddenNodes: true, ...(collapsed ? { minZoom: READABLE_ZOOM } : {}) }, 0.08, frame);
  }
  const first = nodes.find((n) => !n.parentId);
  const subset = nodes.filter((n) => n === first || n.parentId === first?.id);
  return framed({ nodes: subset.map((n) => ({ id: n.id })), maxZoom: 1, includeHiddenNodes: true }, 0.1, frame);
}

/** The box around the top-level nodes (groups hold their children), in graph units; null for none. */
export function graphBounds(topLevel: readonly FlowNode[]): Rect | null {
  if (topLevel.length === 0) return null;
  const left = Math.min(...topLevel.map((n) => n.position.x));
  const top = Math.min(...topLevel.map((n) => n.position.y));
  const right = Math.max(...topLevel.map((n) => n.position.x + (n.width ?? 0)));
  const bottom = Math.max(...topLevel.map((n) => n.position.y + (n.height ?? 0)));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Whether some of the graph is outside the pane at this viewport (`[x, y, zoom]`, React Flow's
 * transform): only then is a minimap worth the corner it covers. A pixel of slack, for rounding.
 */
export function graphOutsideView(bounds: Rect | null, [x, y, zoom]: readonly [number, number, number], pane: { width: number; height: number }): boolean {
  if (!bounds || pane.width === 0 || pane.height === 0) return false;
  const left = bounds.x * zoom + x;
  const top = bounds.y * zoom + y;
  const right = left + bounds.width * zoom;
  const bottom = top + bounds.height * zoom;
  return left < -1 || top < -1 || right > pane.width + 1 || bottom > pane.height + 1;
}
