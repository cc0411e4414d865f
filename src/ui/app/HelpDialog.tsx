/**
 * The keyboard shortcuts: the actions' own, listed from the actions themselves so the list cannot
 * drift; then the keys the graph handles itself (graph/graphKeys.ts) and the editor's way out.
 */
import { useEffect, useRef } from 'react';
import { useActionManager } from '../commands/context';
import { tabFocusKeys } from '../editor/tabFocusKeys';
import { GRAPH_KEYS } from '../graph/graphKeys';

export function HelpDialog() {
  const manager = useActionManager();
  const dialog = useRef<HTMLDialogElement>(null);
  const leaveEditor = tabFocusKeys(navigator.userAgent);
  useEffect(
    () =>
      manager.onEffect('toggleHelp', () => {
        const d = dialog.current!;
        if (d.open) d.close();
        else d.showModal();
      }),
    [manager],
  );
  return (
    <dialog ref={dialog} className="app-dialog help-dialog" aria-labelledby="help-title" data-testid="help-dialog">
      <h2 id="help-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {manager
            .list()
            .filter((a) => a.shortcut)
            .map((a) => (
              <tr key={a.name}>
                <td>
                  <kbd>{a.shortcut}</kbd>
                </td>
                <td>{a.label}</td>
              </tr>
            ))}
          {GRAPH_KEYS.map(({ keys, label }) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{label}</td>
            </tr>
          ))}
          {/* Monaco's own toggle, not one of our actions: in the editor, Tab indents until it is pressed. */}
          <tr>
            <td>
              <kbd>{leaveEditor}</kbd> then <kbd>Tab</kbd>
            </td>
            <td>Leave the editor ({leaveEditor} again: Tab indents)</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        Single-key shortcuts and Ctrl+K work when the focus is not in the editor: there Ctrl+K starts the editor’s own
        shortcuts (Ctrl+K Ctrl+C comments lines out).
      </p>
      <form method="dialog">
        <button className="button" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
