/**
 * What a diagram image shows and at which size: pure geometry, in React Flow's terms (flow
 * coordinates, and a viewport `{x, y, zoom}` mapping them to image pixels).
 *
 * Two scopes. A graph React Flow draws whole gets the whole graph, at its natural size (zoom 1,
 * smaller only to keep the longest side within MAX_SIDE), whatever the zoom on screen. A large
 * graph (over LARGE_GRAPH nodes) puts only the elements in view into the page, so its image is
 * the part on screen, exactly as framed there; the DOT download has all of it.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** React Flow's viewport: image/screen = flow × zoom + (x, y). */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export type Scope = 'whole' | 'visible';

export interface Frame {
  readonly scope: Scope;
  /** Image size in CSS pixels (the SVG's size; the PNG has `pngPixelRatio` times as many). */
  readonly width: number;
  readonly height: number;
  readonly viewport: Viewport;
}

/** Margin around the whole graph, in flow pixels. */
export const PADDING = 24;
/** Longest side of a whole-graph image, in CSS pixels: past it the graph is scaled down. */
export const MAX_SIDE = 4096;
/** Pixels (RGBA canvas) a 2× PNG may have; beyond it the PNG is 1×, which keeps memory sane. */
export const MAX_PNG_PIXELS = 36_000_000;

/** The smallest rectangle holding all of `rects`; undefined for none. */
export function unionRects(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rects) {
    left = Math.min(left, r.x);
    top = Math.min(top, r.y);
    right = Math.max(right, r.x + r.width);
    bottom = Math.max(bottom, r.y + r.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** A rectangle measured on screen, in flow coordinates (`origin`: where the pane starts on screen). */
export function toFlowRect(screen: Rect, origin: { readonly x: number; readonly y: number }, viewport: Viewport): Rect {
  return {
    x: (screen.x - origin.x - viewport.x) / viewport.zoom,
    y: (screen.y - origin.y - viewport.y) / viewport.zoom,
    width: screen.width / viewport.zoom,
    height: screen.height / viewport.zoom,
  };
}

/** The whole graph (`bounds`, in flow coordinates) with PADDING around it. */
export function wholeGraphFrame(bounds: Rect): Frame {
  // Bounds measured on screen carry float noise from the zoom (630 reads 629.9998 or 630.0012):
  // rounded to a hundredth of a pixel, the image keeps its size whatever the zoom on screen.
  const snap = (n: number) => Math.round(n * 100) / 100;
  const natural = { width: snap(bounds.width) + 2 * PADDING, height: snap(bounds.height) + 2 * PADDING };
  const zoom = Math.min(1, MAX_SIDE / Math.max(natural.width, natural.height));
  return {
    scope: 'whole',
    width: Math.ceil(natural.width * zoom),
    height: Math.ceil(natural.height * zoom),
    viewport: { x: (PADDING - bounds.x) * zoom, y: (PADDING - bounds.y) * zoom, zoom },
  };
}

/** The pane as framed on screen (`pane`: its size in CSS pixels). */
export function visibleFrame(pane: { readonly width: number; readonly height: number }, viewport: Viewport): Frame {
  return { scope: 'visible', width: Math.round(pane.width), height: Math.round(pane.height), viewport };
}

/**
 * The frame of an image of the graph: the whole of it, or, for a graph React Flow draws only in
 * part (`drawsOnlyVisible`), the part on screen. Undefined when nothing is drawn.
 */
export function chooseFrame(
  graph: { readonly pane: { readonly width: number; readonly height: number }; readonly viewport: Viewport; readonly bounds: Rect | undefined },
  drawsOnlyVisible: boolean,
): Frame | undefined {
  if (!graph.bounds) return undefined;
  return drawsOnlyVisible ? visibleFrame(graph.pane, graph.viewport) : wholeGraphFrame(graph.bounds);
}

/** 2× for crisp slides, 1× when a 2× canvas would be too big. */
export function pngPixelRatio(frame: Pick<Frame, 'width' | 'height'>): 1 | 2 {
  return frame.width * 2 * frame.height * 2 <= MAX_PNG_PIXELS ? 2 : 1;
}
