/** The graph pane: React Flow over the store's model, with minimap, controls and overlays. */
import { useCallback, useDeferredValue, useEffect, useMemo } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
  type EdgeChange,
  type NodeMouseHandler,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './graph-calm.css';
import { useAppState, useAppStoreApi } from '../../store/react';
import { measureRecompute } from '../../store/recomputeTiming';
import { useActionManager } from '../commands/context';
import { useEffectiveTheme } from '../app/theme';
import { edgeTypes } from './ConnectionEdge';
import type { FlowEdge, FlowNode } from './flowTypes';
import { Legend } from './Legend';
import { Overview } from './Overview';
import { nodeTypes } from './nodes';
import { GraphStatus } from './GraphStatus';
import { useBaseModel, useFlowModel, usePolicyFocus } from './useFlowModel';
import { useGraphGestures } from '../gestures/useGraphGestures';
import { useFlowNodes } from './useFlowNodes';
import { fitOptions, graphBounds, graphOutsideView, LARGE_GRAPH, type FitFrame } from './viewport';
import { overlayRoom } from './fitRoom';
import { EmptyGraph } from './EmptyGraph';
import { usePresentationFit } from './usePresentationFit';
import { useFitAfterLayout, useGraphLayout } from './useGraphLayout';
import { useOpenEdge, useOpenNode } from './useOpen';
import { useCentreOn } from './useCentreOn';
import { useFocusViewport } from './useFocusViewport';
import { FocusCrumbs } from './FocusCrumbs';
import { NamespaceControls } from './NamespaceControls';
import { useKeyboardPan } from './useKeyboardPan';

const NO_NODES: FlowNode[] = [];
/** Below this zoom, labels are unreadable: they are hidden, which also saves layout and paint. */
const DETAIL_ZOOM = 0.35;
/** Minimap shading per node type (namespaces and the outside group as frames, pods filled). */
const minimapClass = (node: FlowNode) => `minimap-${node.type}`;
const NO_EDGES: FlowEdge[] = [];
/** Above this many edges, lines are drawn thinner (app.css `graph-crowded`): labels stay readable. */
const CROWDED_EDGES = 120;

function Graph() {
  const store = useAppStoreApi();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  // Read when a fit happens: the overlays' room now, and presentation mode's least zoom.
  const fitFrame = useCallback(
    (): FitFrame => ({ room: overlayRoom(flowStore.getState().domNode), presentation: store.getState().view.presentation }),
    [flowStore, store],
  );
  const actions = useActionManager();
  const theme = useEffectiveTheme();
  // A new result re-renders the graph as a deferred (interruptible) render: React works on it in
  // slices between keystrokes instead of in one long task right after the worker's message.
  const { revision, analysis } = useDeferredValue(useAppState((s) => s.evaluated));
  const focus = usePolicyFocus();
  const { whole, shown, focus: graphFocus, hiddenAll } = useBaseModel(analysis, focus);
  // Layout is of the whole graph; the focus view lays out its part on its own.
  const { layingOut, laidOut } = useGraphLayout(whole);
  const model = useFlowModel(shown, focus, graphFocus);
  const openNode = useOpenNode();
  const openEdge = useOpenEdge();
  const onMoved = useCallback(
    (id: string, position: { x: number; y: number }) => store.getState().actions.setPositions({ [id]: position }),
    [store],
  );
  const { nodes, onNodesChange } = useFlowNodes(layingOut ? NO_NODES : model.nodes, { onMoved, onSelected: openNode });
  const edges = layingOut ? NO_EDGES : model.edges;
  // The overview draws the boxes nothing else holds: groups, and collapsed namespaces.
  const groups = useMemo(() => model.nodes.filter((n) => n.parentId === undefined), [model.nodes]);
  useFitAfterLayout(laidOut, nodes, fitFrame);
  useFocusViewport(graphFocus, model.nodes);
  useCentreOn(layingOut ? NO_NODES : model.nodes);
  // Clicks and Enter on a focused edge arrive as selection changes; the store owns selection.
  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      for (const c of changes) {
        const edge = c.type === 'select' && c.selected ? edges.find((e) => e.id === c.id) : undefined;
        if (edge) openEdge({ id: edge.id, from: edge.data!.from, to: edge.data!.to, members: edge.data!.members, pairs: edge.data!.pairs });
      }
    },
    [edges, openEdge],
  );

  // The graph now shows this revision: close its `netpol:recompute` measure before the paint.
  useEffect(() => {
    requestAnimationFrame(() => measureRecompute(revision));
  }, [revision]);

  // The command fits everything, even a large graph: the user asked for the overview.
  const fitAll = useCallback(() => void flow.fitView({ ...fitOptions([], true, fitFrame()), duration: 200 }), [flow, fitFrame]);
  useEffect(() => actions.onEffect('fitView', fitAll), [actions, fitAll]);
  const presentation = useAppState((s) => s.view.presentation);
  const panelCollapsed = useAppState((s) => s.view.panelCollapsed);
  // The selected node, kept in view (centreOn) when the panel unfolds for it while presenting.
  const centreOnSelected = useCallback(() => {
    const { selection, actions: storeActions } = store.getState();
    if (selection?.kind !== 'node') return false;
    storeActions.showInGraph(selection.id);
    return true;
  }, [store]);
  usePresentationFit(presentation, panelCollapsed, fitAll, centreOnSelected);
  const zoomedOut = useStore((s) => s.transform[2] < DETAIL_ZOOM);
  // The minimap covers a corner of the pane: only worth it while some of the graph is out of view.
  const bounds = useMemo(() => graphBounds(groups), [groups]);
  const outsideView = useStore((s) => graphOutsideView(bounds, s.transform, s));
  const faintAll = useAppState((s) => s.view.allTraffic === 'faint' || s.view.allTraffic === 'bundled');
  useEffect(
    // The pane itself takes no focus: the selected node does, else the first one (Tab goes on from there).
    () =>
      actions.onEffect('focusGraph', () =>
        (
          document.querySelector<HTMLElement>('.react-flow__node.selected[tabindex]') ??
          document.querySelector<HTMLElement>('.react-flow__node[tabindex]')
        )?.focus(),
      ),
    [actions],
  );

  const onPaneClick = useCallback(() => store.getState().actions.select(null), [store]);
  const gestures = useGraphGestures();
  const pan = useKeyboardPan();
  // Double-click opens a collapsed namespace, and collapses an open one (by its header).
  const onNodeDoubleClick: NodeMouseHandler<FlowNode> = useCallback(
    (_event, node) => {
      if (node.type === 'collapsedNamespace') actions.execute('expandNamespace', node.id);
      if (node.type === 'namespace') actions.execute('collapseNamespace', node.id);
    },
    [actions],
  );

  return (
    <ReactFlow<FlowNode, FlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onPaneClick={onPaneClick}
      onNodeContextMenu={gestures.onNodeContextMenu}
      onEdgeContextMenu={gestures.onEdgeContextMenu}
      onPaneContextMenu={gestures.onPaneContextMenu}
      onKeyDown={(event) => {
        gestures.onKeyDown(event, model.nodes, edges);
        pan(event);
      }}
      onConnectEnd={(event, connection) => gestures.onConnectEnd(event, connection.fromNode?.id, model.nodes)}
      onNodeDoubleClick={onNodeDoubleClick}
      colorMode={theme}
      // The focus view is laid out on its own: a node dragged there would have no place in the whole graph.
      nodesDraggable={!graphFocus}
      // Only the connectors connect (nodes.tsx): a drop opens "Allow traffic", it draws no edge.
      nodesConnectable
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      onlyRenderVisibleElements={nodes.length > LARGE_GRAPH}
      className={[zoomedOut ? 'zoomed-out' : '', edges.length > CROWDED_EDGES ? 'graph-crowded' : '', faintAll ? 'all-faint' : '']
        .join(' ')
        .trim() || undefined}
      attributionPosition="top-left"
      // Low enough for Fit to show 2000 open workloads in a narrow pane (one at 0.05 did not).
      minZoom={0.01}
      maxZoom={2.5}
      aria-label="Connectivity graph"
    >
      <Background gap={24} />
      <Controls showInteractive={false}>
        <NamespaceControls />
      </Controls>
      {/* React Flow's minimap draws every node and follows every change: fine for graphs people
          read node by node, too slow for thousands; those get the groups-only overview. */}
      {!outsideView ? null : nodes.length > LARGE_GRAPH ? (
        <Overview groups={groups} />
      ) : (
        <MiniMap
          position="top-right"
          pannable
          zoomable
          nodeClassName={minimapClass}
          nodeBorderRadius={6}
          ariaLabel="Minimap of the graph: drag to pan, scroll to zoom"
        />
      )}
      <Panel position="top-center" className="graph-banners">
        <FocusCrumbs />
        <GraphStatus layingOut={layingOut} hiddenAll={hiddenAll} />
      </Panel>
      {analysis && !layingOut && <EmptyGraph analysis={analysis} />}
    </ReactFlow>
  );
}

export function GraphView() {
  const stale = useAppState((s) => s.evaluated.stale);
  return (
    <div className={stale ? 'graph-view graph-stale' : 'graph-view'} data-testid="graph">
      <ReactFlowProvider>
        <Graph />
      </ReactFlowProvider>
      <Legend />
    </div>
  );
}
