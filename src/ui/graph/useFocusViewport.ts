/**
 * The view follows the focus: entering it (or changing its node or direction) fits the focus
 * view, which is small and laid out on its own; leaving it puts back the view it was entered from.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, type Viewport } from '@xyflow/react';
import type { GraphFocus } from '../../store/types';
import type { FlowNode } from './flowTypes';

export function useFocusViewport(focus: GraphFocus | null, nodes: readonly FlowNode[]): void {
  const flow = useReactFlow();
  const before = useRef<Viewport | null>(null);
  const shown = useRef('');
  const key = focus ? `${focus.node}|${focus.direction}` : '';
  useEffect(() => {
    if (key === shown.current || nodes.length === 0) return;
    const entering = shown.current === '';
    shown.current = key;
    if (!key) {
      if (before.current) void flow.setViewport(before.current, { duration: 200 });
      before.current = null;
      return;
    }
    if (entering) before.current = flow.getViewport();
    void flow.fitView({ padding: 0.12, maxZoom: 1, duration: 200 });
  }, [key, nodes, flow]);
}
