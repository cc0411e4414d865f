/**
 * What "fit" shows. A small graph fits whole. A graph of collapsed namespaces (a large cluster's
 * first view) fits whole when it can be read so, else opens at a readable zoom on its middle, where
 * its hubs are (gridLayout.ts). A large one opens on its first group at a readable zoom: thousands
 * of nodes on screen at once would be unreadable and slow down every keystroke (the minimap, Fit
 * and zooming out still show everything).
 */
import type { FitViewOptions } from '@xyflow/react';
import type { FlowNode } from './flowTypes';

/** Above this many nodes, a graph counts as large. */
export const LARGE_GRAPH = 300;

/** The least zoom a collapsed graph's first view opens at: its names and labels read from here. */
export const READABLE_ZOOM = 0.75;

export function fitOptions(nodes: readonly FlowNode[], everything = false): FitViewOptions<FlowNode> {
  // Nodes carry their sizes: fitting need not wait until React Flow has measured them.
  if (everything) return { padding: 0.08, includeHiddenNodes: true };
  if (nodes.length <= LARGE_GRAPH) {
    const collapsed = nodes.some((n) => n.type === 'collapsedNamespace');
    return { padding: 0.08, includeHiddenNodes: true, ...(collapsed ? { minZoom: READABLE_ZOOM } : {}) };
  }
  const first = nodes.find((n) => !n.parentId);
  const subset = nodes.filter((n) => n === first || n.parentId === first?.id);
  return { nodes: subset.map((n) => ({ id: n.id })), padding: 0.1, maxZoom: 1, includeHiddenNodes: true };
}
