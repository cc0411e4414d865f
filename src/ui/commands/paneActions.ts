/**
 * The main pane: the graph or the truth table (view.pane, saved with the view). The selection is
 * one for both; going back to the graph opens what it needs drawn (the namespaces of a selected
 * workload, or of both ends of a selected pair), as the search's "show in graph" does.
 */
import type { AppState } from '../../store/appStore';
import { viewShowing } from '../../store/graphView';
import type { MainPane, ViewState } from '../../store/types';
import { edgeEnds } from '../graph/ids';
import type { Action } from './types';

const PANES: readonly MainPane[] = ['graph', 'matrix'];

/** The view in which the graph draws the selection; the view as it is when it draws it already, or cannot. */
function graphShowingSelection(state: AppState): ViewState {
  const { selection, view, evaluated } = state;
  const { analysis } = evaluated;
  if (!selection || !analysis) return view;
  const nodes = selection.kind === 'node' ? [selection.id] : Object.values(edgeEnds(selection.id));
  return nodes.reduce((shown, node) => viewShowing(shown, analysis, node) ?? shown, view);
}

/** `value` names the pane (the switch's buttons); without one (the shortcut), the other pane. */
export const switchPane: Action = {
  name: 'switchPane',
  label: 'Switch between the graph and the truth table',
  shortcut: 'Shift+M',
  keyTest: (e, typing) => !typing && !e.altKey && !e.ctrlKey && !e.metaKey && e.shiftKey && e.code === 'KeyM',
  perform: (state, _env, value) => {
    const pane = (value ?? (state.view.pane === 'matrix' ? 'graph' : 'matrix')) as MainPane;
    if (!PANES.includes(pane) || pane === state.view.pane) return null;
    if (pane === 'matrix') return { view: { pane } };
    return { view: { ...graphShowingSelection(state), pane } };
  },
};
