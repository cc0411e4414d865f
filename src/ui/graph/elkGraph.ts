/**
 * The graph as ELK sees it, and ELK's answer as positions. Pure (no ELK import), so it is
 * unit-tested against ELK's bundled build while the app runs ELK in its worker (elkLayout.ts).
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { XY } from '../../store/types';
import type { FlowEdge, FlowNode } from './flowTypes';
import { GROUP_HEADER, GROUP_PAD, isGroup } from './placement';

/** Top-to-bottom layers, groups laid out together with their children so edges can cross them. */
const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.nodeNode': '90',
  'elk.layered.spacing.nodeNodeBetweenLayers': '120',
  'elk.spacing.componentComponent': '60',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};

/** ELK options do not inherit: a group needs its own spacing for the pods inside it. */
const GROUP_OPTIONS = {
  'elk.spacing.nodeNode': '90',
  'elk.layered.spacing.nodeNodeBetweenLayers': '120',
  'elk.padding': `[top=${GROUP_HEADER},left=${GROUP_PAD},bottom=${GROUP_PAD},right=${GROUP_PAD}]`,
};

export function toElkGraph(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): ElkNode {
  const parent = new Map(nodes.map((n) => [n.id, n.parentId]));
  const leaf = (n: FlowNode) => ({ id: n.id, width: n.width ?? 0, height: n.height ?? 0 });
  return {
    id: 'root',
    layoutOptions: ROOT_OPTIONS,
    // Groups with their children, and the leaves outside any group (collapsed namespaces).
    children: nodes
      .filter((n) => n.parentId === undefined)
      .map((top) =>
        isGroup(top) ? { id: top.id, layoutOptions: GROUP_OPTIONS, children: nodes.filter((n) => n.parentId === top.id).map(leaf) } : leaf(top),
      ),
    // Only edges with specific ports between groups steer the layers: `All` edges usually run
    // both ways between open pods (cycles that only scramble the reading), and an edge inside a
    // group would stack its pods, so that edges from other groups cross the upper one. Two
    // collapsed namespaces are two groups; a loop (traffic inside one) steers nothing.
    edges: edges
      .filter((e) => e.data?.kind !== 'all' && e.source !== e.target && (parent.get(e.source) === undefined || parent.get(e.source) !== parent.get(e.target)))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

/** ELK gives children positions relative to their parent, as React Flow wants them. */
export function fromElkGraph(root: ElkNode): Record<string, XY> {
  const positions: Record<string, XY> = {};
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
      visit(child);
    }
  };
  visit(root);
  return positions;
}
