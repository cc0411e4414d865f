/**
 * The graph on screen, derived step by step from the store: analysis → nodes and edges (toFlow)
 * → positions (placement) → label spots → emphasis (selection, policy under the cursor). Each
 * step is memoised on its inputs and keeps a per-object cache, so an edit re-creates only the
 * nodes and edges it changed: React Flow and the memo'd node components skip the rest.
 */
import { useDeferredValue, useMemo, useRef } from 'react';
import { sameItems } from '../../engine';
import { useAppState, useAnswer } from '../../store/react';
import { selectCursorPolicy } from '../../store/selectors';
import type { Analysis } from '../../engine/types';
import { applyEmphasis, createEmphasisCache } from './emphasis';
import { applyLabelSpots } from './labelPlacement';
import { applyPlacement, placeMissing, type PlacementCache } from './placement';
import { createFlowCache, toFlow, type FlowModel } from './toFlow';

const EMPTY: FlowModel = { nodes: [], edges: [] };

/** Nodes and edges without positions: what layout works from, for the analysis given. */
export function useBaseModel(analysis: Analysis | undefined): FlowModel {
  const deniedFor = useAppState((s) => s.view.deniedFor);
  const cache = useRef(createFlowCache()).current;
  return useMemo(() => (analysis ? toFlow(analysis, { deniedFor }, cache) : EMPTY), [analysis, deniedFor, cache]);
}

export function useFlowModel(base: FlowModel): FlowModel {
  const positions = useAppState((s) => s.positions);
  const selection = useAppState((s) => s.selection);
  // Deferred: moving the cursor re-emphasises the whole graph, which must not hold up typing.
  const cursorPolicy = useDeferredValue(useAppState(selectCursorPolicy));
  const footprint = useAnswer(cursorPolicy && { kind: 'footprint', policy: cursorPolicy.ref.id });
  const placementCache = useRef<PlacementCache>(new WeakMap()).current;
  const emphasisCache = useRef(createEmphasisCache()).current;
  // On the nodes alone: a result that changes only edges (a port typed) places nothing again.
  const baseNodes = base.nodes;
  const placed = useMemo(
    () => applyPlacement(baseNodes, { ...positions, ...placeMissing(baseNodes, positions) }, placementCache),
    [baseNodes, positions, placementCache],
  );
  const labelCache = useRef<Parameters<typeof applyLabelSpots>[2]>(new WeakMap()).current;
  // Label spots follow positions only, so selecting or highlighting never moves a label.
  const labelled = useMemo(() => applyLabelSpots(placed, base.edges, labelCache), [placed, base.edges, labelCache]);
  const emphasised = useMemo(
    () => applyEmphasis({ nodes: placed, edges: labelled }, selection, cursorPolicy ? footprint : undefined, emphasisCache),
    [placed, labelled, selection, cursorPolicy, footprint, emphasisCache],
  );
  // Same elements, same array: React Flow then does not even look at thousands of nodes.
  const previous = useRef<FlowModel>(EMPTY);
  const nodes = sameItems(previous.current.nodes, emphasised.nodes) ? previous.current.nodes : emphasised.nodes;
  const edges = sameItems(previous.current.edges, emphasised.edges) ? previous.current.edges : emphasised.edges;
  const model = nodes === previous.current.nodes && edges === previous.current.edges ? previous.current : { nodes, edges };
  previous.current = model;
  return model;
}
