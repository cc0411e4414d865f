/**
 * What opening a node or an edge does, shared by clicks on the graph and on panel links:
 * select it and show its YAML (a workload's document, the rule that allows a connection).
 */
import { useCallback } from 'react';
import type { EndpointId } from '../../engine/types';
import { useAppStoreApi } from '../../store/react';
import type { EdgeRef } from '../../store/types';
import { selectEndpointIndex } from '../../store/selectors';
import { primaryRule } from '../panels/provenance';
import { namespaceOfNode } from './ids';

export function useOpenNode(): (nodeId: string) => void {
  const store = useAppStoreApi();
  return useCallback(
    (nodeId) => {
      const state = store.getState();
      state.actions.select({ kind: 'node', id: nodeId });
      // Opening something shows its details: a folded side panel unfolds.
      state.actions.setView({ inspector: 'details', panelCollapsed: false });
      const endpoint = selectEndpointIndex(state).get(nodeId as EndpointId);
      const namespaceName = namespaceOfNode(nodeId);
      const namespace = state.evaluated.analysis?.namespaces.find((ns) => ns.name === namespaceName);
      const location = endpoint?.type === 'workload' ? endpoint.locations[0] : namespace?.location;
      // A stale analysis is of an older text: its locations may point at documents since edited.
      if (location && !state.evaluated.stale) state.actions.reveal(location);
    },
    [store],
  );
}

export function useOpenEdge(): (edge: EdgeRef) => void {
  const store = useAppStoreApi();
  return useCallback(
    (edge) => {
      const { id, from, to } = edge;
      const { actions } = store.getState();
      actions.select({ kind: 'edge', ...edge });
      actions.setView({ inspector: 'details', panelCollapsed: false });
      // An aggregate stands for many pairs: its panel lists them, each explained on a click.
      if (edge.pairs) return;
      void actions.ask({ kind: 'explain', from, to }).then((answer) => {
        const state = store.getState();
        // The user may have clicked elsewhere meanwhile; a stale graph's ranges point at old lines.
        if (!answer || state.selection?.id !== id || state.evaluated.stale) return;
        const rule = primaryRule(answer.explanation);
        if (rule) actions.reveal(rule.location);
      });
    },
    [store],
  );
}
