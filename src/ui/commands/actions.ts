/** The app's named commands. Keep shortcuts unique: the manager refuses a key two actions claim. */
import type { PolicyId } from '../../engine/types';
import { selectClusterPolicies, selectPolicyIndex } from '../../store/selectors';
import { ALL_TRAFFIC } from '../../store/types';
import { endpointOfNode } from '../graph/ids';
import { focusCommands, namespaceCommands } from './graphActions';
import { altShifted } from './keys';
import { switchPane } from './paneActions';
import type { Action, KeyInput } from './types';

const noModifiers = (e: KeyInput) => !e.altKey && !e.ctrlKey && !e.metaKey;
const shifted = (code: string) => (e: KeyInput, typing: boolean) =>
  !typing && noModifiers(e) && e.shiftKey && e.code === code;
const altDigit = (digit: string) => (e: KeyInput) =>
  e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === `Digit${digit}`;

export const fitView: Action = {
  name: 'fitView',
  label: 'Fit graph to view',
  shortcut: 'Shift+1',
  keyTest: shifted('Digit1'),
  perform: () => ({ effects: ['fitView'] }),
};

export const relayout: Action = {
  name: 'relayout',
  label: 'Lay out the graph again',
  shortcut: 'Shift+L',
  keyTest: shifted('KeyL'),
  perform: () => ({ effects: ['relayout'] }),
};

export const toggleTheme: Action = {
  name: 'toggleTheme',
  label: 'Switch light / dark theme',
  shortcut: 'Alt+Shift+D',
  keyTest: altShifted('KeyD'),
  perform: (state, env) => {
    const dark = state.view.theme === 'system' ? env.prefersDark : state.view.theme === 'dark';
    return { view: { theme: dark ? 'light' : 'dark' } };
  },
};

/**
 * Presentation mode, for a projector: large text, high contrast, the graph fitted where its names
 * and ports read from the back of the room (graph/viewport.ts). Alt+Shift, so it works while typing
 * in the editor too. Entering folds the side panel (the graph gets its width); leaving unfolds it.
 */
export const togglePresentation: Action = {
  name: 'togglePresentation',
  label: 'Presentation mode (large text, high contrast)',
  shortcut: 'Alt+Shift+P',
  keyTest: altShifted('KeyP'),
  perform: (state) => {
    const presentation = !state.view.presentation;
    return { view: { presentation, panelCollapsed: presentation } };
  },
};

export const togglePanel: Action = {
  name: 'togglePanel',
  label: 'Fold or unfold the side panel',
  shortcut: 'Alt+Shift+B',
  keyTest: altShifted('KeyB'),
  perform: (state) => ({ view: { panelCollapsed: !state.view.panelCollapsed } }),
};

/** Connections that allow everything: drawn faintly (so restricted ones stand out), bundled, hidden, or like the others. */
export const toggleAllTraffic: Action = {
  name: 'toggleAllTraffic',
  label: 'Draw “All” connections faintly, bundled, hidden, or in full',
  shortcut: 'Shift+A',
  keyTest: shifted('KeyA'),
  perform: (state) => ({ view: { allTraffic: ALL_TRAFFIC[(ALL_TRAFFIC.indexOf(state.view.allTraffic) + 1) % ALL_TRAFFIC.length] } }),
};

export const toggleDenied: Action = {
  name: 'toggleDenied',
  label: 'Show denied pairs of the selected node',
  shortcut: 'Shift+D',
  keyTest: shifted('KeyD'),
  perform: (state) => {
    if (state.view.deniedFor) return { view: { deniedFor: null } };
    const endpoint = state.selection?.kind === 'node' ? endpointOfNode(state.selection.id) : undefined;
    // The denied view replaces the edges a shown policy would be drawn over, and a focus.
    return endpoint ? { view: { deniedFor: endpoint, policy: null, focus: null } } : null;
  },
};

export const clearSelection: Action = {
  name: 'clearSelection',
  label: 'Clear selection, denied view, shown policy and focus',
  shortcut: 'Escape',
  keyTest: (e, typing) => !typing && noModifiers(e) && e.key === 'Escape',
  perform: (state) =>
    state.selection || state.view.deniedFor || state.view.policy || state.view.focus
      ? { selection: null, view: { deniedFor: null, policy: null, focus: null } }
      : null,
};

/**
 * Shows a cluster-wide policy on the graph (its subjects, what it accepts, what it denies): a
 * click in the policy panel or a workload's panel, `value` being the policy's id. The shown
 * policy again hides it. The selection is cleared, as its emphasis would hide the policy's; the
 * denied view is left.
 */
export const showPolicy: Action = {
  name: 'showPolicy',
  label: 'Show a cluster-wide policy on the graph',
  perform: (state, _env, policy) => {
    if (policy === undefined) return null;
    if (state.view.policy === policy) return { view: { policy: null } };
    const known = selectPolicyIndex(state).get(policy as PolicyId);
    if (!known || known.ref.tier === 'networkPolicy') return null;
    return { selection: null, view: { policy: policy as PolicyId, deniedFor: null } };
  },
};

/** Steps through the cluster-wide policies in the order the engine consults them, showing each. */
export const nextClusterPolicy: Action = {
  name: 'nextClusterPolicy',
  label: 'Show the next cluster-wide policy',
  shortcut: 'Shift+N',
  keyTest: shifted('KeyN'),
  perform: (state) => {
    const policies = selectClusterPolicies(state);
    if (policies.length === 0) return null;
    const at = policies.findIndex((p) => p.ref.id === state.view.policy);
    const next = policies[(at + 1) % policies.length]!;
    return { selection: null, view: { policy: next.ref.id, deniedFor: null, inspector: 'cluster' } };
  },
};

export const showClusterPolicies: Action = {
  name: 'showClusterPolicies',
  label: 'List the cluster-wide policies',
  shortcut: 'Shift+C',
  keyTest: shifted('KeyC'),
  perform: (state) => (selectClusterPolicies(state).length > 0 ? { view: { inspector: 'cluster' } } : null),
};

export const whyNot: Action = {
  name: 'whyNot',
  label: 'Ask “Why not?”',
  shortcut: 'Shift+W',
  keyTest: shifted('KeyW'),
  perform: () => ({ view: { inspector: 'whyNot' } }),
};

export const showProblems: Action = {
  name: 'showProblems',
  label: 'Show problems',
  shortcut: 'Shift+P',
  keyTest: shifted('KeyP'),
  perform: () => ({ view: { inspector: 'problems' } }),
};

export const focusEditor: Action = {
  name: 'focusEditor',
  label: 'Focus the editor',
  shortcut: 'Alt+1',
  keyTest: altDigit('1'),
  perform: () => ({ effects: ['focusEditor'] }),
};

export const focusGraph: Action = {
  name: 'focusGraph',
  label: 'Focus the graph',
  shortcut: 'Alt+2',
  keyTest: altDigit('2'),
  perform: () => ({ effects: ['focusGraph'] }),
};

export const toggleHelp: Action = {
  name: 'toggleHelp',
  label: 'Keyboard shortcuts',
  shortcut: '?',
  keyTest: (e, typing) => !typing && !e.altKey && !e.ctrlKey && !e.metaKey && e.key === '?',
  perform: () => ({ effects: ['toggleHelp'] }),
};

/**
 * Ctrl+K (⌘K) everywhere but in the editor, where Monaco keeps it as the start of its chords
 * (Ctrl+K Ctrl+C comments lines) and stops the key before the window sees it. In a text field
 * Ctrl+K types nothing, so it opens the search there too.
 */
export const openSearch: Action = {
  name: 'openSearch',
  label: 'Search workloads, namespaces and policies',
  shortcut: 'Ctrl+K',
  keyTest: (e) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.code === 'KeyK',
  perform: () => ({ effects: ['openSearch'] }),
};

export const ALL_ACTIONS: readonly Action[] = [
  fitView,
  relayout,
  toggleTheme,
  togglePresentation,
  togglePanel,
  toggleAllTraffic,
  toggleDenied,
  clearSelection,
  showPolicy,
  nextClusterPolicy,
  showClusterPolicies,
  whyNot,
  showProblems,
  focusEditor,
  focusGraph,
  openSearch,
  toggleHelp,
  ...namespaceCommands,
  ...focusCommands,
  switchPane,
];
