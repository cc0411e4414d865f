/**
 * Graph | Matrix: the shortcut switches, the switch's buttons name the pane, the selection stays,
 * and going back to the graph opens the namespaces a selected pair or workload needs drawn.
 */
import { describe, expect, it } from 'vitest';
import { generateCluster } from '../../../bench/generate-cluster';
import { createAppStore } from '../../store/appStore';
import { collapsedNamespaces } from '../../store/graphView';
import { createLocalEvaluator } from '../../store/evaluation/sessionHost';
import type { EndpointId } from '../../engine/types';
import { edgeId } from '../graph/ids';
import { ActionManager } from './ActionManager';
import { ALL_ACTIONS } from './actions';
import type { KeyInput } from './types';

const setUp = (text: string) => {
  const store = createAppStore({ text, evaluator: createLocalEvaluator });
  return { store, actions: new ActionManager(store, () => ({ prefersDark: false }), ALL_ACTIONS) };
};
const shiftM: KeyInput = { key: 'M', code: 'KeyM', shiftKey: true, altKey: false, ctrlKey: false, metaKey: false };

describe('switching the main pane', () => {
  it('Shift+M goes to the other pane, but not while typing; the selection stays', () => {
    const { store, actions } = setUp('');
    const selection = { kind: 'node', id: 'default/a[Pod]' } as const;
    store.getState().actions.select(selection);
    expect(store.getState().view.pane).toBe('graph');
    expect(actions.handleKey(shiftM, true)).toBe(false);
    expect(actions.handleKey(shiftM, false)).toBe(true);
    expect(store.getState().view.pane).toBe('matrix');
    expect(actions.handleKey(shiftM, false)).toBe(true);
    expect(store.getState().view.pane).toBe('graph');
    expect(store.getState().selection).toBe(selection);
  });

  it('the switch names its pane: the shown one again, or an unknown one, does nothing', () => {
    const { store, actions } = setUp('');
    expect(actions.execute('switchPane', 'graph')).toBe(false);
    expect(actions.execute('switchPane', 'table')).toBe(false);
    expect(actions.execute('switchPane', 'matrix')).toBe(true);
    expect(store.getState().view.pane).toBe('matrix');
  });

  it('back to a graph of collapsed namespaces: those of the selected pair open, the others stay', () => {
    const { store, actions } = setUp(generateCluster(150, 3));
    const { analysis } = store.getState().evaluated;
    const workloads = analysis!.endpoints.filter((e) => e.type === 'workload');
    const [from, to] = [workloads[0]!, workloads.at(-1)!];
    expect(from.namespace).not.toBe(to.namespace);
    const before = collapsedNamespaces(store.getState().view, analysis);
    expect(before.has(from.namespace) && before.has(to.namespace)).toBe(true);

    actions.execute('switchPane', 'matrix');
    store.getState().actions.select({ kind: 'edge', id: edgeId(from.id, to.id), from: from.id as EndpointId, to: to.id as EndpointId });
    actions.execute('switchPane', 'graph');
    const after = collapsedNamespaces(store.getState().view, analysis);
    expect([after.has(from.namespace), after.has(to.namespace)]).toEqual([false, false]);
    expect(after.size).toBe(before.size - 2);
  });
});
