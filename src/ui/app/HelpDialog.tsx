/** The keyboard shortcuts, listed from the actions themselves so the list cannot drift. */
import { useEffect, useRef } from 'react';
import { useActionManager } from '../commands/context';

export function HelpDialog() {
  const manager = useActionManager();
  const dialog = useRef<HTMLDialogElement>(null);
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
          {/* Monaco's own toggle, not one of our actions: in the editor, Tab indents until it is pressed. */}
          <tr>
            <td>
              <kbd>Ctrl+M</kbd> then <kbd>Tab</kbd>
            </td>
            <td>Leave the editor (Ctrl+M again: Tab indents)</td>
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
