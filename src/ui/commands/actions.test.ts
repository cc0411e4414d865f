import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../store/appStore';
import type { Evaluator } from '../../store/evaluation/evaluator';
import { createLocalEvaluator } from '../../store/evaluation/sessionHost';
import { ActionManager } from './ActionManager';
import { ALL_ACTIONS } from './actions';
import type { KeyInput } from './types';

const idle: Evaluator = { evaluate: () => {}, ask: () => Promise.resolve(undefined), pin: () => Promise.resolve(undefined), dispose: () => {} };
const newStore = () => createAppStore({ text: '', evaluator: () => idle });
const manager = (prefersDark = false) => {
  const store = newStore();
  return { store, actions: new ActionManager(store, () => ({ prefersDark }), ALL_ACTIONS) };
};

const key = (code: string, key: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key,
  code,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

const everyKey: KeyInput[] = (() => {
  const codes = [
    ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((c) => [`Key${c}`, c.toLowerCase()] as const),
    ...'0123456789'.split('').map((d) => [`Digit${d}`, d] as const),
    ['Escape', 'Escape'] as const,
    ['Slash', '?'] as const,
    ['Equal', '+'] as const,
    ['Minus', '-'] as const,
  ];
  const mods: Partial<KeyInput>[] = [{}, { shiftKey: true }, { altKey: true }, { altKey: true, shiftKey: true }, { ctrlKey: true }];
  return codes.flatMap(([code, k]) => mods.map((m) => key(code, k, m)));
})();

const GUARDRAILS = readFileSync(new URL('../../../public/examples/cluster-guardrails.yaml', import.meta.url), 'utf8');
const PAYMENTS = 'ClusterNetworkPolicy/protect-payments';
/** A store that evaluated the guardrails example on this thread. */
const guardrails = () => {
  const store = createAppStore({ text: GUARDRAILS, evaluator: createLocalEvaluator });
  return { store, actions: new ActionManager(store, () => ({ prefersDark: false }), ALL_ACTIONS) };
};

describe('cluster-wide policy actions', () => {
  it('show a cluster-wide policy: the selection and the denied view go, the same policy again hides it', () => {
    const { store, actions } = guardrails();
    store.getState().actions.select({ kind: 'node', id: 'tenant-b/shop[Deployment]' });
    actions.execute('toggleDenied');
    expect(actions.execute('showPolicy', PAYMENTS)).toBe(true);
    expect(store.getState().selection).toBeNull();
    expect(store.getState().view).toMatchObject({ policy: PAYMENTS, deniedFor: null });
    actions.execute('showPolicy', PAYMENTS);
    expect(store.getState().view.policy).toBeNull();
  });

  it('refuse what is not a cluster-wide policy of the graph', () => {
    const { store, actions } = guardrails();
    expect(actions.execute('showPolicy', 'tenant-a/web-from-tenants')).toBe(false);
    expect(actions.execute('showPolicy', 'ClusterNetworkPolicy/nope')).toBe(false);
    expect(actions.execute('showPolicy')).toBe(false);
    expect(store.getState().view.policy).toBeNull();
  });

  it('step through the policies in the order the engine consults them, and open their list', () => {
    const { store, actions } = guardrails();
    const shown = () => {
      actions.handleKey(key('KeyN', 'N', { shiftKey: true }), false);
      return store.getState().view.policy;
    };
    expect([shown(), shown(), shown(), shown(), shown()]).toEqual([
      PAYMENTS,
      'ClusterNetworkPolicy/tenants-decide',
      'ClusterNetworkPolicy/platform-only',
      'ClusterNetworkPolicy/default-deny',
      PAYMENTS,
    ]);
    store.getState().actions.setView({ inspector: 'details' });
    expect(actions.handleKey(key('KeyC', 'C', { shiftKey: true }), false)).toBe(true);
    expect(store.getState().view.inspector).toBe('cluster');
  });

  it('do nothing without cluster-wide policies', () => {
    const { actions } = manager();
    expect(actions.execute('nextClusterPolicy')).toBe(false);
    expect(actions.execute('showClusterPolicies')).toBe(false);
  });

  it('Escape hides the shown policy; the denied view replaces it', () => {
    const { store, actions } = guardrails();
    actions.execute('showPolicy', PAYMENTS);
    expect(actions.handleKey(key('Escape', 'Escape'), false)).toBe(true);
    expect(store.getState().view.policy).toBeNull();
    actions.execute('showPolicy', PAYMENTS);
    store.getState().actions.select({ kind: 'node', id: 'tenant-b/shop[Deployment]' });
    actions.execute('toggleDenied');
    expect(store.getState().view).toMatchObject({ policy: null, deniedFor: 'tenant-b/shop[Deployment]' });
  });
});

describe('actions', () => {
  it('never lets two actions claim the same key', () => {
    for (const event of everyKey)
      for (const typing of [false, true]) {
        const claiming = ALL_ACTIONS.filter((a) => a.keyTest?.(event, typing)).map((a) => a.name);
        expect(claiming.length, `${JSON.stringify(event)} → ${claiming}`).toBeLessThanOrEqual(1);
      }
  });

  it('leaves plain keys to the editor while typing, but not Alt shortcuts', () => {
    const { actions } = manager();
    expect(actions.match(key('KeyD', 'D', { shiftKey: true }), true)).toBeUndefined();
    expect(actions.match(key('Digit1', '!', { shiftKey: true }), false)?.name).toBe('fitView');
    expect(actions.match(key('Digit1', '¡', { altKey: true }), true)?.name).toBe('focusEditor');
  });

  it('opens the search with Ctrl+K or ⌘K, in a text field too, but not with Shift or Alt', () => {
    const { actions } = manager();
    for (const mods of [{ ctrlKey: true }, { metaKey: true }])
      for (const typing of [false, true]) expect(actions.match(key('KeyK', 'k', mods), typing)?.name).toBe('openSearch');
    expect(actions.match(key('KeyK', 'K', { ctrlKey: true, shiftKey: true }), false)).toBeUndefined();
    expect(actions.match(key('KeyK', 'k', { ctrlKey: true, altKey: true }), false)).toBeUndefined();
    expect(actions.match(key('KeyK', 'k'), false)).toBeUndefined();
  });

  it('toggles the denied view for the selected workload, and refuses without one', () => {
    const { store, actions } = manager();
    expect(actions.execute('toggleDenied')).toBe(false);
    store.getState().actions.select({ kind: 'node', id: 'default/web[Pod]' });
    expect(actions.execute('toggleDenied')).toBe(true);
    expect(store.getState().view.deniedFor).toBe('default/web[Pod]');
    actions.execute('toggleDenied');
    expect(store.getState().view.deniedFor).toBeNull();
  });

  it('uses the first range of an external group as its endpoint', () => {
    const { store, actions } = manager();
    store.getState().actions.select({ kind: 'node', id: '0-9,20-99' });
    actions.execute('toggleDenied');
    expect(store.getState().view.deniedFor).toBe('0-9');
  });

  it('switches away from the theme the system shows', () => {
    const dark = manager(true);
    dark.actions.execute('toggleTheme');
    expect(dark.store.getState().view.theme).toBe('light');
    const light = manager(false);
    light.actions.execute('toggleTheme');
    expect(light.store.getState().view.theme).toBe('dark');
    light.actions.execute('toggleTheme');
    expect(light.store.getState().view.theme).toBe('light');
  });

  it('toggles presentation mode with Alt+Shift+P, in the editor too, folding the side panel while it is on', () => {
    const { store, actions } = manager();
    expect(store.getState().view).toMatchObject({ presentation: false, panelCollapsed: false });
    expect(actions.handleKey(key('KeyP', 'P', { altKey: true, shiftKey: true }), true)).toBe(true);
    expect(store.getState().view).toMatchObject({ presentation: true, panelCollapsed: true });
    actions.execute('togglePanel');
    expect(store.getState().view).toMatchObject({ presentation: true, panelCollapsed: false });
    actions.execute('togglePresentation');
    expect(store.getState().view).toMatchObject({ presentation: false, panelCollapsed: false });
  });

  it('draws “All” connections faintly by default; Shift+A bundles them, hides them, draws them in full, and back', () => {
    const { store, actions } = manager();
    expect(store.getState().view.allTraffic).toBe('faint');
    expect(actions.handleKey(key('KeyA', 'A', { shiftKey: true }), false)).toBe(true);
    expect(store.getState().view.allTraffic).toBe('bundled');
    actions.execute('toggleAllTraffic');
    expect(store.getState().view.allTraffic).toBe('hidden');
    actions.execute('toggleAllTraffic');
    expect(store.getState().view.allTraffic).toBe('shown');
    actions.execute('toggleAllTraffic');
    expect(store.getState().view.allTraffic).toBe('faint');
    expect(actions.match(key('KeyA', 'A', { shiftKey: true }), true)).toBeUndefined();
  });

  it('hands effects to their registered handler until it unregisters', () => {
    const { actions } = manager();
    const fit = vi.fn();
    const off = actions.onEffect('fitView', fit);
    actions.handleKey(key('Digit1', '!', { shiftKey: true }), false);
    off();
    actions.execute('fitView');
    expect(fit).toHaveBeenCalledTimes(1);
  });

  it('clears selection and the denied view with Escape', () => {
    const { store, actions } = manager();
    store.getState().actions.select({ kind: 'node', id: 'default/web[Pod]' });
    store.getState().actions.setView({ deniedFor: 'default/web[Pod]' as never });
    expect(actions.handleKey(key('Escape', 'Escape'), false)).toBe(true);
    expect(store.getState().selection).toBeNull();
    expect(store.getState().view.deniedFor).toBeNull();
    expect(actions.handleKey(key('Escape', 'Escape'), false)).toBe(false);
  });
});
