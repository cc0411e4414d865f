/** The app's named commands. Keep shortcuts unique: the manager refuses a key two actions claim. */
import { endpointOfNode } from '../graph/ids';
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
  keyTest: (e) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyD',
  perform: (state, env) => {
    const dark = state.view.theme === 'system' ? env.prefersDark : state.view.theme === 'dark';
    return { view: { theme: dark ? 'light' : 'dark' } };
  },
};

export const toggleDenied: Action = {
  name: 'toggleDenied',
  label: 'Show denied pairs of the selected node',
  shortcut: 'Shift+D',
  keyTest: shifted('KeyD'),
  perform: (state) => {
    if (state.view.deniedFor) return { view: { deniedFor: null } };
    const endpoint = state.selection?.kind === 'node' ? endpointOfNode(state.selection.id) : undefined;
    return endpoint ? { view: { deniedFor: endpoint } } : null;
  },
};

export const clearSelection: Action = {
  name: 'clearSelection',
  label: 'Clear selection and denied view',
  shortcut: 'Escape',
  keyTest: (e, typing) => !typing && noModifiers(e) && e.key === 'Escape',
  perform: (state) =>
    state.selection || state.view.deniedFor ? { selection: null, view: { deniedFor: null } } : null,
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

export const ALL_ACTIONS: readonly Action[] = [
  fitView,
  relayout,
  toggleTheme,
  toggleDenied,
  clearSelection,
  whyNot,
  showProblems,
  focusEditor,
  focusGraph,
  toggleHelp,
];
