/**
 * The graph on screen, derived step by step from the store: analysis → nodes and edges (toFlow)
 * → positions (placement) → label spots → emphasis (selection, else the policy in focus: the one
 * shown from the policy panel, else the one under the cursor). Each step is memoised on its
 * inputs and keeps a per-object cache, so an edit re-creates only the nodes and edges it changed:
 * React Flow and the memo'd node components skip the rest.
 */
import { useDeferredValue, useMemo, useRef } from 'react';
import { sameItems } from '../../engine';
import { useAppState, useAnswer } from '../../store/react';
import { selectClusterPolicies, selectCursorPolicy, selectShownPolicy } from '../../store/selectors';
import type { Analysis, PolicyFootprint, PolicySummary } from '../../engine/types';
import type { PolicyDenials } from './denials';
import { applyEmphasis, createEmphasisCache } from './emphasis';
import { applyLabelSpots } from './labelPlacement';
import { applyPlacement, placeMissing, type PlacementCache } from './placement';
import { createFlowCache, toFlow, type FlowModel } from './toFlow';

const EMPTY: FlowModel = { nodes: [], edges: [] };

/** The policy the graph shows the footprint of, and that footprint (once the session answers). */
export interface PolicyFocus {
  readonly policy: PolicySummary | undefined;
  readonly footprint: PolicyFootprint | undefined;
}

/** The policy shown from the policy panel, else the one under the editor cursor. */
export function usePolicyFocus(): PolicyFocus {
  const shown = useAppState(selectShownPolicy);
  // Deferred: moving the cursor re-emphasises the whole graph, which must not hold up typing.
  const cursorPolicy = useDeferredValue(useAppState(selectCursorPolicy));
  const policy = shown ?? cursorPolicy;
  const answer = useAnswer(policy && { kind: 'footprint', policy: policy.ref.id });
  const footprint = answer?.policy === policy?.ref.id ? answer : undefined;
  return useMemo(() => ({ policy, footprint }), [policy, footprint]);
}

/**
 * Nodes and edges without positions: what layout works from, for the analysis given. In the
 * denied view, the session says which denied pairs a cluster-wide Deny rule accounts for; else
 * a cluster-wide policy in focus adds the pairs it denies.
 */
export function useBaseModel(analysis: Analysis | undefined, focus: PolicyFocus): FlowModel {
  const deniedFor = useAppState((s) => s.view.deniedFor);
  const clusterWide = useAppState((s) => selectClusterPolicies(s).length > 0);
  const clusterDenials = useAnswer(deniedFor && clusterWide ? { kind: 'clusterDenials', endpoint: deniedFor } : undefined);
  const { policy, footprint } = focus;
  const policyDenials = useMemo(
    (): PolicyDenials | undefined => (policy && footprint?.denies?.length ? { policy: policy.ref, pairs: footprint.denies } : undefined),
    [policy, footprint],
  );
  const cache = useRef(createFlowCache()).current;
  return useMemo(
    () => (analysis ? toFlow(analysis, { deniedFor, clusterDenials, policyDenials }, cache) : EMPTY),
    [analysis, deniedFor, clusterDenials, policyDenials, cache],
  );
}

export function useFlowModel(base: FlowModel, focus: PolicyFocus): FlowModel {
  const positions = useAppState((s) => s.positions);
  const selection = useAppState((s) => s.selection);
  const { policy, footprint } = focus;
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
    () => applyEmphasis({ nodes: placed, edges: labelled }, selection, policy ? footprint : undefined, emphasisCache),
    [placed, labelled, selection, policy, footprint, emphasisCache],
  );
  // Same elements, same array: React Flow then does not even look at thousands of nodes.
  const previous = useRef<FlowModel>(EMPTY);
  const nodes = sameItems(previous.current.nodes, emphasised.nodes) ? previous.current.nodes : emphasised.nodes;
  const edges = sameItems(previous.current.edges, emphasised.edges) ? previous.current.edges : emphasised.edges;
  const model = nodes === previous.current.nodes && edges === previous.current.edges ? previous.current : { nodes, edges };
  previous.current = model;
  return model;
}
