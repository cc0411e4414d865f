/**
 * The room the graph pane's overlays take, read from the page when a fit happens: the legend
 * along the bottom, the zoom controls down the left side. A fit leaves it free (viewport.ts), so
 * no node starts under them.
 */
import type { FitRoom } from './viewport';

const NONE: FitRoom = { top: 0, right: 0, bottom: 0, left: 0 };

export function overlayRoom(pane: HTMLElement | null): FitRoom {
  const view = pane?.getBoundingClientRect();
  if (!pane || !view || view.width === 0) return NONE;
  const legend = pane.closest('.graph-view')?.querySelector('.legend')?.getBoundingClientRect();
  const controls = pane.querySelector('.react-flow__controls')?.getBoundingClientRect();
  return {
    top: 0,
    right: 0,
    bottom: legend ? Math.max(0, view.bottom - legend.top) : 0,
    left: controls ? Math.max(0, controls.right - view.left) : 0,
  };
}
