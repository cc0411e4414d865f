/** What choosing a search result does: a workload or namespace is shown in the graph, a policy in the editor. */
import { useCallback } from 'react';
import { useAppStoreApi } from '../../store/react';
import { selectPolicyIndex } from '../../store/selectors';
import { useActionManager } from '../commands/context';
import { namespaceNodeId } from '../graph/ids';
import { useOpenNode } from '../graph/useOpen';
import type { SearchTarget } from './entries';

export function useChoose(): (target: SearchTarget) => void {
  const store = useAppStoreApi();
  const manager = useActionManager();
  const openNode = useOpenNode();
  return useCallback(
    (target) => {
      if (target.kind !== 'policy') {
        const nodeId = target.kind === 'workload' ? target.id : namespaceNodeId(target.name);
        // Opens its namespace, leaves a focus that hides it, selects it and centres the graph on it;
        store.getState().actions.showInGraph(nodeId);
        // then as a click on it: its details in the inspector, its YAML in the editor.
        openNode(nodeId);
        return;
      }
      const state = store.getState();
      const policy = selectPolicyIndex(state).get(target.id);
      if (!policy) return;
      const { actions } = state;
      if (policy.ref.tier === 'networkPolicy') {
        // The graph emphasises the selection, else the shown policy, else the one under the
        // cursor: clear the first two so the graph shows this one.
        actions.select(null);
        actions.setView({ policy: null });
      } else {
        // As the Cluster tab shows one: on the graph, with its details (showPolicy toggles).
        if (state.view.policy !== target.id) manager.execute('showPolicy', target.id);
        actions.setView({ inspector: 'cluster' });
      }
      // A stale analysis is of an older text: its locations may point at documents since edited.
      if (!state.evaluated.stale) actions.reveal(policy.ref.location);
      manager.execute('focusEditor');
    },
    [store, manager, openNode],
  );
}
