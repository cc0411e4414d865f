/** The graph's arrow keys (keyboardPan.ts) applied to React Flow's viewport. */
import { useCallback, type KeyboardEvent } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { panStep } from './keyboardPan';

export function useKeyboardPan(): (event: KeyboardEvent) => void {
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  return useCallback(
    (event: KeyboardEvent) => {
      // A selected node took its arrow: React Flow moved it and prevented the default.
      if (event.defaultPrevented) return;
      const { width, height } = flowStore.getState();
      const step = panStep(event, { width, height });
      if (!step) return;
      event.preventDefault();
      const { x, y, zoom } = flow.getViewport();
      void flow.setViewport({ x: x + step.x, y: y + step.y, zoom });
    },
    [flow, flowStore],
  );
}
