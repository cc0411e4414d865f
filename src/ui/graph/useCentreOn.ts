/**
 * The store's `centreOn` request (showInGraph): the view moves to the node once the graph draws
 * it — a namespace just opened, a focus just left, may take a render or two — at a readable zoom
 * (a workload at zoom 1, a group whole). The viewport is set from the node's own place and size,
 * not through `fitView`: nodes declare their sizes, so one not yet in the page has bounds too.
 */
import { useEffect, useRef } from 'react';
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useAppState } from '../../store/react';
import type { FlowEdge, FlowNode } from './flowTypes';

export function useCentreOn(nodes: readonly FlowNode[]): void {
  const request = useAppState((s) => s.centreOn);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const flowStore = useStoreApi<FlowNode, FlowEdge>();
  const done = useRef(0);
  useEffect(() => {
    if (!request || request.seq === done.current) return;
    const node = nodes.find((n) => n.id === request.node);
    if (!node) return;
    done.current = request.seq;
    const parent = node.parentId === undefined ? undefined : nodes.find((n) => n.id === node.parentId);
    const bounds = {
      x: node.position.x + (parent?.position.x ?? 0),
      y: node.position.y + (parent?.position.y ?? 0),
      width: node.width ?? 0,
      height: node.height ?? 0,
    };
    const { width, height, minZoom } = flowStore.getState();
    void flow.setViewport(getViewportForBounds(bounds, width, height, minZoom, 1, 0.1), { duration: 250 });
  }, [request, nodes, flow, flowStore]);
}
