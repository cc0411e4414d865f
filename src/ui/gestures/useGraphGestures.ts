/**
 * The graph's ways into the gesture menu: a right-click on a node, an edge or the empty graph, and
 * Shift+F10 or the context-menu key on the selection (at its place on screen).
 */
import { useCallback } from 'react';
import type { Edge, Node } from '@xyflow/react';
import { NAMESPACE_NAME_LABEL } from '../../engine';
import type { EndpointId } from '../../engine/types';
import { useAppStoreApi } from '../../store/react';
import { selectEndpointIndex } from '../../store/selectors';
import type { AppState } from '../../store/appStore';
import type { FlowEdge, FlowNode } from '../graph/flowTypes';
import { namespaceOfNode } from '../graph/ids';
import { useGestures } from './context';
import { partyChoice, workloadTarget, type GestureTarget } from './menu';

/** What a node offers gestures on: a workload, a namespace (open or collapsed), outside addresses. */
function nodeTarget(state: AppState, node: Pick<FlowNode, 'id' | 'type' | 'data'>): GestureTarget | undefined {
  if (node.type === 'workload') {
    const endpoint = selectEndpointIndex(state).get(node.id as EndpointId);
    return endpoint?.type === 'workload' ? workloadTarget(endpoint) : undefined;
  }
  if (node.type === 'namespace' || node.type === 'collapsedNamespace') {
    const name = namespaceOfNode(node.id)!;
    const info = state.evaluated.analysis?.namespaces.find((ns) => ns.name === name);
    const labels = Object.fromEntries(Object.entries(info?.labels ?? {}).filter(([key]) => key !== NAMESPACE_NAME_LABEL));
    return { kind: 'namespace', name, labels };
  }
  if (node.type === 'external') {
    const ranges = (node.data as { ranges: readonly string[]; members: readonly EndpointId[] });
    return { kind: 'outside', cidr: ranges.members[0]!, name: ranges.ranges.join(', ') };
  }
  return undefined;
}

/** A connection (not a bundle, an aggregate, or a mark drawn beside one) offers blocking it. */
export function edgeTarget(edge: Pick<FlowEdge, 'data'>): GestureTarget | undefined {
  const data = edge.data;
  if (!data || data.members || data.pairs || data.ofPolicy !== undefined || (data.kind !== 'ports' && data.kind !== 'all')) return undefined;
  return { kind: 'edge', from: data.from, to: data.to, name: `${data.from} → ${data.to}` };
}

export function useGraphGestures() {
  const store = useAppStoreApi();
  const gestures = useGestures();
  const open = useCallback(
    (event: { preventDefault(): void; clientX: number; clientY: number }, target: GestureTarget | undefined) => {
      if (!target) return;
      event.preventDefault();
      gestures.openMenu(target, { x: event.clientX, y: event.clientY });
    },
    [gestures],
  );
  const onNodeContextMenu = useCallback(
    (event: React.MouseEvent, node: Node) => open(event, nodeTarget(store.getState(), node as FlowNode)),
    [open, store],
  );
  const onEdgeContextMenu = useCallback((event: React.MouseEvent, edge: Edge) => open(event, edgeTarget(edge as FlowEdge)), [open]);
  const onPaneContextMenu = useCallback((event: React.MouseEvent | MouseEvent) => open(event, { kind: 'pane' }), [open]);
  /** Shift+F10 or the context-menu key: the menu of the selection, at its place. Delete on a connection: block it. */
  const onKeyDown = useCallback(
    (event: React.KeyboardEvent, nodes: readonly FlowNode[], edges: readonly FlowEdge[]) => {
      const { selection } = store.getState();
      if (event.key === 'Delete' && selection?.kind === 'edge') {
        const target = edgeTarget(edges.find((e) => e.id === selection.id) ?? {});
        if (target?.kind === 'edge') {
          event.preventDefault();
          void gestures.plan({ kind: 'block', from: target.from, to: target.to });
        }
        return;
      }
      if (event.key !== 'ContextMenu' && !(event.shiftKey && event.key === 'F10')) return;
      const node = selection?.kind === 'node' ? nodes.find((n) => n.id === selection.id) : undefined;
      const edge = selection?.kind === 'edge' ? edges.find((e) => e.id === selection.id) : undefined;
      const target = node ? nodeTarget(store.getState(), node) : edge ? edgeTarget(edge) : { kind: 'pane' as const };
      const element = node
        ? document.querySelector(`.react-flow__node[data-id="${CSS.escape(node.id)}"]`)
        : edge && document.querySelector(`[data-testid="edge-label-${CSS.escape(edge.id)}"]`);
      const box = (element ?? (event.currentTarget as Element)).getBoundingClientRect();
      open({ preventDefault: () => event.preventDefault(), clientX: box.left + 12, clientY: box.bottom - 4 }, target);
    },
    [open, store, gestures],
  );
  /** A connector dropped on another node (or a namespace's frame): allow traffic between the two. */
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, fromNode: string | undefined, nodes: readonly FlowNode[]) => {
      const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
      const element = document
        .elementsFromPoint(point.clientX, point.clientY)
        .map((e) => e.closest<HTMLElement>('.react-flow__node'))
        .find((e) => e !== null);
      const [source, target] = [fromNode, element?.dataset.id].map((id) => nodes.find((n) => n.id === id));
      if (!source || !target || source === target) return;
      const state = store.getState();
      const [from, to] = [source, target].map((node) => {
        const at = nodeTarget(state, node);
        return at && partyChoice(at);
      });
      if (from && to) gestures.openForm({ kind: 'allow', from, to });
    },
    [gestures, store],
  );
  return { onNodeContextMenu, onEdgeContextMenu, onPaneContextMenu, onKeyDown, onConnectEnd };
}
