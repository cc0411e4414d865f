/**
 * The graph on screen, read from React Flow's DOM. The Diagram menu sits in the toolbar, outside
 * the graph's ReactFlowProvider, and html-to-image copies the DOM anyway: so the bounds are those
 * of what is drawn (React Flow's getNodesBounds, measured), which is also what the image shows.
 */
import { toFlowRect, unionRects, type Rect, type Viewport } from './frame';

export interface GraphOnScreen {
  /** React Flow's root (`.react-flow`): its classes carry the colour mode and the zoom state. */
  readonly root: HTMLElement;
  /** `.react-flow__viewport`: the nodes and edges, which the image copies. */
  readonly viewportElement: HTMLElement;
  /** The pane's size in CSS pixels. */
  readonly pane: { readonly width: number; readonly height: number };
  readonly viewport: Viewport;
  /** Everything drawn (nodes, edges, labels) in flow coordinates; undefined when nothing is. */
  readonly bounds: Rect | undefined;
}

/** The graph pane's React Flow root (never a diagram stage, which copies its classes). */
const GRAPH_ROOT_SELECTOR = '.graph-view > .react-flow:not(.diagram-stage)';

export function readGraph(container: ParentNode = document): GraphOnScreen | undefined {
  const root = container.querySelector<HTMLElement>(GRAPH_ROOT_SELECTOR);
  const viewportElement = root?.querySelector<HTMLElement>('.react-flow__viewport');
  const pane = viewportElement?.parentElement;
  if (!root || !viewportElement || !pane) return undefined;
  const matrix = new DOMMatrixReadOnly(getComputedStyle(viewportElement).transform);
  const viewport = { x: matrix.e, y: matrix.f, zoom: matrix.a };
  const origin = pane.getBoundingClientRect();
  const drawn = [...viewportElement.querySelectorAll('.react-flow__node, .react-flow__edge')]
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 || r.height > 0)
    .map((r) => toFlowRect(r, origin, viewport));
  return { root, viewportElement, pane: { width: origin.width, height: origin.height }, viewport, bounds: unionRects(drawn) };
}
