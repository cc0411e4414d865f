/**
 * Keeps every node positioned: a whole-graph layout when nothing on screen has a position yet
 * (first load, a new file) or when asked (relayout), else stable placement of the newcomers.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useAppState, useAppStoreApi } from '../../store/react';
import { useActionManager } from '../commands/context';
import { layoutGraph } from './elkLayout';
import type { FlowModel } from './toFlow';
import { needsFullLayout, placeMissing } from './placement';
import { fitOptions, type FitFrame } from './viewport';
import type { FlowNode } from './flowTypes';

export interface LayoutState {
  /** A whole-graph layout is being computed: the graph waits for it. */
  readonly layingOut: boolean;
  /** Counts whole-graph layouts done: the view fits the graph after each. */
  readonly laidOut: number;
}

export function useGraphLayout(model: FlowModel): LayoutState {
  const store = useAppStoreApi();
  const actions = useActionManager();
  const positions = useAppState((s) => s.positions);
  const [forced, setForced] = useState(0);
  const [laidOut, setLaidOut] = useState(0);
  const needed = useMemo(() => needsFullLayout(model.nodes, positions), [model.nodes, positions]);
  const full = needed || forced > 0;

  // Newcomers go next to their siblings; known nodes never move.
  const nodes = model.nodes;
  useEffect(() => {
    if (full) return;
    const missing = placeMissing(nodes, positions);
    if (Object.keys(missing).length > 0) store.getState().actions.setPositions(missing);
  }, [full, nodes, positions, store]);

  // A whole-graph layout replaces every position.
  useEffect(() => {
    if (!full) return;
    let cancelled = false;
    void layoutGraph(model.nodes, model.edges).then((laid) => {
      if (cancelled) return;
      store.getState().actions.setPositions(laid, true);
      setForced(0);
      setLaidOut((n) => n + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [full, model, store]);

  useEffect(() => actions.onEffect('relayout', () => setForced((n) => n + 1)), [actions]);
  return { layingOut: full, laidOut };
}

/**
 * Fits the view once after each whole-graph layout, when React Flow has the laid-out nodes:
 * this runs after the graph's commit, so React Flow's store (updated by its child effects) has them.
 */
export function useFitAfterLayout(laidOut: number, nodes: readonly FlowNode[], frame: () => FitFrame): void {
  const flow = useReactFlow();
  const fitted = useRef(0);
  useEffect(() => {
    if (laidOut === fitted.current || nodes.length === 0) return;
    fitted.current = laidOut;
    void flow.fitView(fitOptions(nodes, false, frame()));
  }, [laidOut, nodes, flow, frame]);
}
