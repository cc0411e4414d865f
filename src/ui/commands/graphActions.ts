/**
 * Commands over what the graph draws: namespaces open or collapsed, and the focus view. A panel or
 * a node's button passes the node (`value`, a node id of graph/ids.ts); a shortcut acts on the
 * selected node.
 */
import type { AppState } from '../../store/appStore';
import {
  allNamespaces,
  collapsedNamespaces,
  namespaceChoice,
  namespaceOfNodeIn,
  withNamespace,
} from '../../store/graphView';
import type { FocusDirection, Selection, ViewState } from '../../store/types';
import { endpointsOfNode, namespaceNodeId, namespaceOfNode } from '../graph/ids';
import { altShifted } from './keys';
import type { Action, ActionResult, KeyInput } from './types';

const plainKey = (key: string) => (e: KeyInput, typing: boolean) => !typing && !e.altKey && !e.ctrlKey && !e.metaKey && e.key === key;

const nodeOf = (state: AppState, value?: string) => value ?? (state.selection?.kind === 'node' ? state.selection.id : undefined);

/**
 * What a change of namespaces does to what needs its node drawn. A selected workload whose
 * namespace is now drawn collapsed gives way to the namespace. The denied view's subject and a
 * focused workload keep their namespace open (store/graphView.ts), unless the user collapsed that
 * very namespace (`closing`): then the denied view or the focus ends.
 */
function collapsing(state: AppState, namespaces: ViewState['namespaces'], closing?: string): ActionResult {
  const analysis = state.evaluated.analysis!;
  const inClosing = (node: string | null | undefined) =>
    closing !== undefined && !!node && namespaceOfNode(node) === undefined && namespaceOfNodeIn(analysis, node) === closing;
  const view: Partial<ViewState> = {
    namespaces,
    ...(inClosing(state.view.deniedFor) ? { deniedFor: null } : {}),
    ...(inClosing(state.view.focus?.node) ? { focus: null } : {}),
  };
  const drawn = collapsedNamespaces({ ...state.view, ...view }, analysis);
  const selected = state.selection?.kind === 'node' ? state.selection.id : undefined;
  const namespace = selected !== undefined && namespaceOfNode(selected) === undefined ? namespaceOfNodeIn(analysis, selected) : undefined;
  const selection: Selection | undefined = namespace !== undefined && drawn.has(namespace) ? { kind: 'node', id: namespaceNodeId(namespace) } : undefined;
  return { view, ...(selection ? { selection } : {}) };
}

export const expandNamespace: Action = {
  name: 'expandNamespace',
  label: 'Expand the selected namespace',
  shortcut: '+',
  keyTest: plainKey('+'),
  perform: (state, _env, value) => {
    const node = nodeOf(state, value);
    const namespace = node && namespaceOfNode(node);
    const { analysis } = state.evaluated;
    if (!namespace || !analysis || !collapsedNamespaces(state.view, analysis).has(namespace)) return null;
    const namespaces = withNamespace(namespaceChoice(state.view, analysis), namespace, true);
    // A focused namespace that opens is no node to focus on any more. The view moves to show
    // its workloads, which grow out of where the node was, maybe out of view.
    return { view: { namespaces, ...(state.view.focus?.node === node ? { focus: null } : {}) }, show: node };
  },
};

export const collapseNamespace: Action = {
  name: 'collapseNamespace',
  label: 'Collapse the namespace of the selected node',
  shortcut: '-',
  keyTest: plainKey('-'),
  perform: (state, _env, value) => {
    const node = nodeOf(state, value);
    const { analysis } = state.evaluated;
    const namespace = node && analysis ? namespaceOfNodeIn(analysis, node) : undefined;
    if (namespace === undefined || collapsedNamespaces(state.view, analysis).has(namespace)) return null;
    return collapsing(state, withNamespace(namespaceChoice(state.view, analysis), namespace, false), namespace);
  },
};

export const expandAll: Action = {
  name: 'expandAll',
  label: 'Expand every namespace',
  shortcut: 'Alt+Shift+E',
  keyTest: altShifted('KeyE'),
  perform: (state) => {
    const { analysis } = state.evaluated;
    const closed = analysis ? collapsedNamespaces(state.view, analysis) : new Set<string>();
    if (!analysis || closed.size === 0) return null;
    // Workloads never placed (the graph opened collapsed) get a whole layout: opened one by one
    // into the collapsed picture, every namespace would push the next one down.
    const unplaced = analysis.endpoints.some((e) => e.type === 'workload' && closed.has(e.namespace) && !state.positions[e.id]);
    const focusOnNamespace = state.view.focus && namespaceOfNode(state.view.focus.node) !== undefined;
    return {
      view: { namespaces: allNamespaces(true), ...(focusOnNamespace ? { focus: null } : {}) },
      ...(unplaced ? { effects: ['relayout'] as const } : {}),
    };
  },
};

export const collapseAll: Action = {
  name: 'collapseAll',
  label: 'Collapse every namespace',
  shortcut: 'Alt+Shift+C',
  keyTest: altShifted('KeyC'),
  perform: (state) => {
    const { analysis } = state.evaluated;
    if (!analysis || analysis.namespaces.length === 0) return null;
    // Collapsed, the graph is smaller than the view was made for: show all of it.
    return { ...collapsing(state, allNamespaces(false)), effects: ['fitView'] };
  },
};

export const namespaceCommands: readonly Action[] = [expandNamespace, collapseNamespace, expandAll, collapseAll];

/** Whether the graph draws a node one can focus on: a workload, an address group, a collapsed namespace. */
function focusable(state: AppState, node: string): boolean {
  const { analysis } = state.evaluated;
  if (!analysis) return false;
  const namespace = namespaceOfNode(node);
  if (namespace !== undefined) return collapsedNamespaces(state.view, analysis).has(namespace);
  const ids = new Set(analysis.endpoints.map((e) => e.id));
  const endpoints = endpointsOfNode(node);
  return endpoints.length > 0 && endpoints.every((e) => ids.has(e));
}

/**
 * Shows only a node, its neighbours and the edges between them (the direction stays as chosen);
 * the focused node again, or nothing selected, goes back to the whole graph. It ends a denied view.
 */
export const focusNode: Action = {
  name: 'focusNode',
  label: 'Focus on the selected node (again: the whole graph)',
  shortcut: 'Shift+F',
  keyTest: (e, typing) => !typing && !e.altKey && !e.ctrlKey && !e.metaKey && e.shiftKey && e.code === 'KeyF',
  perform: (state, _env, value) => {
    const { focus } = state.view;
    const node = nodeOf(state, value);
    if (focus && (node === undefined || node === focus.node)) return { view: { focus: null } };
    if (node === undefined || !focusable(state, node)) return null;
    return {
      view: { focus: { node, direction: focus?.direction ?? 'both' }, deniedFor: null },
      selection: { kind: 'node', id: node },
    };
  },
};

const DIRECTIONS: readonly FocusDirection[] = ['in', 'out', 'both'];

/** Which edges of the focused node the focus view shows: `value` is `in`, `out` or `both`. */
export const focusDirection: Action = {
  name: 'focusDirection',
  label: 'Show what reaches the focused node, what it reaches, or both',
  perform: (state, _env, value) => {
    const { focus } = state.view;
    if (!focus || !DIRECTIONS.includes(value as FocusDirection)) return null;
    return { view: { focus: { ...focus, direction: value as FocusDirection } } };
  },
};

export const focusCommands: readonly Action[] = [focusNode, focusDirection];
