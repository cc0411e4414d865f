import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/appStore';
import { createLocalEvaluator } from '../../store/evaluation/sessionHost';
import { ActionManager } from './ActionManager';
import { ALL_ACTIONS } from './actions';
import type { KeyInput } from './types';

const pod = (ns: string, name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {containers: [{name: c, image: i}]}\n`;
const TEXT = [pod('a', 'web'), pod('a', 'api'), pod('b', 'db')].join('---\n');
const WEB = 'a/web[Pod]';

/** A store that evaluated TEXT on this thread (every namespace open: a small graph), and its commands. */
function setup() {
  const store = createAppStore({ text: TEXT, evaluator: createLocalEvaluator });
  const effects: string[] = [];
  const actions = new ActionManager(store, () => ({ prefersDark: false }), ALL_ACTIONS);
  actions.onEffect('fitView', () => effects.push('fitView'));
  actions.onEffect('relayout', () => effects.push('relayout'));
  return { store, actions, effects, view: () => store.getState().view };
}

const key = (code: string, k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, code, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('namespace commands', () => {
  it('collapse the namespace of the selected workload, which gives way to the namespace; + opens it again, in view', () => {
    const { store, actions, view } = setup();
    store.getState().actions.select({ kind: 'node', id: WEB });
    expect(actions.handleKey(key('Minus', '-'), false)).toBe(true);
    expect(view().namespaces).toEqual({ open: true, except: ['a'] });
    expect(store.getState().selection).toEqual({ kind: 'node', id: 'namespace:a' });
    expect(actions.execute('collapseNamespace', 'namespace:a')).toBe(false);
    expect(actions.handleKey(key('Equal', '+', { shiftKey: true }), false)).toBe(true);
    expect(view().namespaces).toEqual({ open: true, except: [] });
    // The graph then centres on it: its workloads may have opened out of view.
    expect(store.getState().centreOn?.node).toBe('namespace:a');
    expect(actions.execute('expandNamespace', 'namespace:a')).toBe(false);
  });

  it('collapse all (and fit the smaller graph), expand all (laying out workloads never placed)', () => {
    const { store, actions, effects, view } = setup();
    actions.execute('collapseAll');
    expect(view().namespaces).toEqual({ open: false, except: [] });
    expect(effects).toEqual(['fitView']);
    actions.execute('expandAll');
    expect(view().namespaces).toEqual({ open: true, except: [] });
    expect(effects).toEqual(['fitView', 'relayout']);
    store.getState().actions.setPositions({ [WEB]: { x: 1, y: 1 }, 'a/api[Pod]': { x: 1, y: 1 }, 'b/db[Pod]': { x: 1, y: 1 } });
    actions.execute('collapseAll');
    actions.execute('expandAll');
    expect(effects).toEqual(['fitView', 'relayout', 'fitView']);
    expect(actions.execute('expandAll')).toBe(false);
  });

  it('keep the denied view subject drawn when all collapse, and end it when its own namespace is collapsed', () => {
    const { store, actions, view } = setup();
    store.getState().actions.select({ kind: 'node', id: WEB });
    actions.execute('toggleDenied');
    actions.execute('collapseAll');
    expect(view().deniedFor).toBe(WEB);
    expect(store.getState().selection).toEqual({ kind: 'node', id: WEB });
    actions.execute('expandAll');
    actions.execute('collapseNamespace', WEB);
    expect(view().deniedFor).toBeNull();
  });
});

describe('focus commands', () => {
  it('focus on the selected node (ending a denied view), turn its direction, and Shift+F or Escape go back', () => {
    const { store, actions, view } = setup();
    expect(actions.execute('focusNode')).toBe(false);
    store.getState().actions.select({ kind: 'node', id: WEB });
    actions.execute('toggleDenied');
    expect(actions.handleKey(key('KeyF', 'F', { shiftKey: true }), false)).toBe(true);
    expect(view()).toMatchObject({ focus: { node: WEB, direction: 'both' }, deniedFor: null });
    actions.execute('focusDirection', 'in');
    expect(view().focus).toEqual({ node: WEB, direction: 'in' });
    expect(actions.execute('focusDirection', 'sideways')).toBe(false);
    actions.handleKey(key('KeyF', 'F', { shiftKey: true }), false);
    expect(view().focus).toBeNull();
    actions.execute('focusNode', 'b/db[Pod]');
    expect(store.getState().selection).toEqual({ kind: 'node', id: 'b/db[Pod]' });
    expect(actions.handleKey(key('Escape', 'Escape'), false)).toBe(true);
    expect(view().focus).toBeNull();
  });

  it('focus on a collapsed namespace, not on an open one; opening it ends the focus', () => {
    const { actions, view } = setup();
    expect(actions.execute('focusNode', 'namespace:a')).toBe(false);
    actions.execute('collapseAll');
    expect(actions.execute('focusNode', 'namespace:a')).toBe(true);
    actions.execute('expandNamespace', 'namespace:a');
    expect(view().focus).toBeNull();
    expect(actions.execute('focusNode', 'z/none[Pod]')).toBe(false);
  });
});
