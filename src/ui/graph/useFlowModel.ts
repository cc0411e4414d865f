/**
 * The graph on screen, derived step by step from the store: analysis → nodes and edges (toFlow,
 * with the namespaces drawn collapsed, and the focus view's subset; failing expectations and, while
 * comparing, what changed since the baseline marked; `All` edges left out when the view hides them)
 * → positions (placement, or
 * the focus view's own layout) → `All` edges into one node fanned into a trunk, when bundled → label spots → emphasis (selection, else the policy in focus: the
 * one shown from the policy panel, else the one under the cursor). Each step is memoised on its
 * inputs and keeps a per-object cache, so an edit re-creates only the nodes and edges it changed:
 * React Flow and the memo'd node components skip the rest.
 */
import { useDeferredValue, useMemo, useRef } from 'react';
import { sameItems } from '../../engine';
import { collapsedNamespaces } from '../../store/graphView';
import { useAppState, useAnswer } from '../../store/react';
import { selectClusterPolicies, selectCursorPolicy, selectShownPolicy } from '../../store/selectors';
import type { GraphFocus } from '../../store/types';
import type { Analysis, PolicyFootprint, PolicySummary } from '../../engine/types';
import type { PolicyDenials } from './denials';
import { hideUnrestricted } from './calm';
import { applyCheckMarks, pairMarks } from './checkMarks';
import { applyCompareMarks } from '../compare/compareMarks';
import { applyEmphasis, createEmphasisCache } from './emphasis';
import { focusLayout } from './focus';
import { applyFans, type FanCache } from './fans';
import { applyLabelSpots } from './labelPlacement';
import { createMarkCache } from './pairMarkEdges';
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
 * The graph without positions: whole (what layout works from) and as shown (the focus view's part
 * of it, with the marks of failing expectations and of Compare).
 */
export interface BaseModels {
  readonly whole: FlowModel;
  readonly shown: FlowModel;
  /** The focus the graph shows: none while the focused node is not in the graph. */
  readonly focus: GraphFocus | null;
  /** How many `All` edges `shown` leaves out (view.allTraffic `hidden`; calm.ts). */
  readonly hiddenAll: number;
}

/**
 * Nodes and edges without positions, for the analysis given, with the namespaces the view
 * collapses. In the denied view, the session says which denied pairs a cluster-wide Deny rule
 * accounts for; else a cluster-wide policy in focus adds the pairs it denies.
 */
export function useBaseModel(analysis: Analysis | undefined, focus: PolicyFocus): BaseModels {
  const deniedFor = useAppState((s) => s.view.deniedFor);
  const graphFocus = useAppState((s) => s.view.focus);
  // A lesson's start holds the trap its student is to find: no gotcha gives it away (selectors.ts too).
  const gotchas = useAppState((s) => s.view.lesson === null);
  const collapsed = useAppState((s) => collapsedNamespaces(s.view, analysis));
  const clusterWide = useAppState((s) => selectClusterPolicies(s).length > 0);
  const clusterDenials = useAnswer(deniedFor && clusterWide ? { kind: 'clusterDenials', endpoint: deniedFor } : undefined);
  const { policy, footprint } = focus;
  const policyDenials = useMemo(
    (): PolicyDenials | undefined => (policy && footprint?.denies?.length ? { policy: policy.ref, pairs: footprint.denies } : undefined),
    [policy, footprint],
  );
  const cache = useRef(createFlowCache()).current;
  // The focus view has its own cache: the whole graph's steps keep their memo meanwhile.
  const focusCache = useRef(createFlowCache()).current;
  const whole = useMemo(
    () => (analysis ? toFlow(analysis, { deniedFor, clusterDenials, policyDenials, collapsed, gotchas }, cache) : EMPTY),
    [analysis, deniedFor, clusterDenials, policyDenials, collapsed, gotchas, cache],
  );
  const drawn = graphFocus && whole.nodes.some((n) => n.id === graphFocus.node) ? graphFocus : null;
  const part = useMemo(
    () => (analysis && drawn ? toFlow(analysis, { deniedFor, clusterDenials, policyDenials, collapsed, focus: drawn, gotchas }, focusCache) : whole),
    [analysis, drawn, deniedFor, clusterDenials, policyDenials, collapsed, gotchas, focusCache, whole],
  );
  const checks = useAppState((s) => s.evaluated.checks);
  const marks = useMemo(() => pairMarks(checks), [checks]);
  // Marks that did not change keep their objects, revision after revision (see the end of useFlowModel).
  const checkCache = useRef(createMarkCache()).current;
  const checked = useMemo(() => applyCheckMarks(part, marks, checkCache), [part, marks, checkCache]);
  // After the check marks: those index the edges that draw connections, which a lost mark does not.
  const comparison = useAppState((s) => s.comparing?.comparison);
  const compareCache = useRef(createMarkCache()).current;
  const marked = useMemo(() => applyCompareMarks(checked, comparison, compareCache), [checked, comparison, compareCache]);
  // Last: an `All` edge with a mark on it stays drawn.
  const hideAll = useAppState((s) => s.view.allTraffic === 'hidden');
  const calm = useMemo(() => (hideAll ? hideUnrestricted(marked) : { model: marked, hidden: 0 }), [hideAll, marked]);
  return useMemo(() => ({ whole, shown: calm.model, focus: drawn, hiddenAll: calm.hidden }), [whole, calm, drawn]);
}

/** The model placed, labelled and emphasised; the focus view laid out on its own (focus.ts). */
export function useFlowModel(base: FlowModel, focus: PolicyFocus, graphFocus: GraphFocus | null): FlowModel {
  const positions = useAppState((s) => s.positions);
  const selection = useAppState((s) => s.selection);
  const { policy, footprint } = focus;
  const placementCache = useRef<PlacementCache>(new WeakMap()).current;
  const emphasisCache = useRef(createEmphasisCache()).current;
  // On the nodes alone: a result that changes only edges (a port typed) places nothing again.
  const baseNodes = base.nodes;
  // The focus view's layout follows its edges (which side a neighbour is on); the whole graph's does not.
  const focusEdges = graphFocus ? base.edges : undefined;
  const placed = useMemo(
    () =>
      graphFocus && focusEdges
        ? applyPlacement(baseNodes, focusLayout(baseNodes, focusEdges, graphFocus), placementCache)
        : applyPlacement(baseNodes, { ...positions, ...placeMissing(baseNodes, positions) }, placementCache),
    [baseNodes, focusEdges, graphFocus, positions, placementCache],
  );
  const bundleAll = useAppState((s) => s.view.allTraffic === 'bundled');
  const fanCache = useRef<FanCache>(new WeakMap()).current;
  const fanned = useMemo(() => (bundleAll ? applyFans(placed, base.edges, fanCache) : base.edges), [bundleAll, placed, base.edges, fanCache]);
  const labelCache = useRef<Parameters<typeof applyLabelSpots>[2]>(new WeakMap()).current;
  // Label spots follow positions only, so selecting or highlighting never moves a label.
  const labelled = useMemo(() => applyLabelSpots(placed, fanned, labelCache), [placed, fanned, labelCache]);
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
