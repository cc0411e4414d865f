/**
 * What "fit" shows. A small graph fits whole. A large one opens on its first group at a readable
 * zoom: thousands of nodes on screen at once would be unreadable and slow down every keystroke
 * (the minimap and zooming out still show everything).
 */
import type { FitViewOptions } from '@xyflow/react';
import type { FlowNode } from './flowTypes';

/** Above this many nodes, a graph counts as large. */
export const LARGE_GRAPH = 300;

export function fitOptions(nodes: readonly FlowNode[], everything = false): FitViewOptions<FlowNode> {
  // Nodes carry their sizes: fitting need not wait until React Flow has measured them.
  if (everything || nodes.length <= LARGE_GRAPH) return { padding: 0.08, includeHiddenNodes: true };
  const first = nodes.find((n) => !n.parentId);
  const subset = nodes.filter((n) => n === first || n.parentId === first?.id);
  return { nodes: subset.map((n) => ({ id: n.id })), padding: 0.1, maxZoom: 1, includeHiddenNodes: true };
}
