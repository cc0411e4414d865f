/** Asks how to import the files that arrived: replace the text or add after it; says which were refused and why. */
import { useEffect, useRef } from 'react';
import { refusalReason, tooLargeReason } from './messages';
import type { PendingImport } from './pending';
import type { ImportMode } from './plan';

const CHOICES: readonly { mode: ImportMode; label: string }[] = [
  { mode: 'replace', label: 'Replace the text' },
  { mode: 'add', label: 'Add after the text' },
];

export function ImportDialog({
  pending,
  onChoose,
  onClose,
}: {
  pending: PendingImport;
  onChoose: (mode: ImportMode) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current!.showModal(), []);
  const { accepted, refused, plans } = pending;
  const title = accepted.length === 0 ? 'Nothing to open' : accepted.length === 1 ? `Open ${accepted[0]}` : `Open ${accepted.length} files`;

  return (
    <dialog ref={dialog} className="app-dialog import-dialog" aria-labelledby="import-title" data-testid="import-dialog" onClose={onClose}>
      <h2 id="import-title">{title}</h2>
      {accepted.length > 1 && (
        <ul className="import-files" data-testid="import-accepted">
          {accepted.map((name, i) => (
            <li key={i} className="import-file-name">
              {name}
            </li>
          ))}
        </ul>
      )}
      {refused.length > 0 && (
        <>
          <p className="import-refused-title">Not opened:</p>
          <ul className="import-files import-refused" data-testid="import-refused">
            {refused.map((file, i) => (
              <li key={i}>
                <span className="import-file-name">{file.name}</span>: {refusalReason(file.refusal)}.
              </li>
            ))}
          </ul>
        </>
      )}
      {plans ? (
        <>
          <p>
            Replace the current text with {accepted.length === 1 ? 'this file' : 'these files'}, or add{' '}
            {accepted.length === 1 ? 'it' : 'them'} at its end?
            <br />
            <span className="muted">Undo in the editor (Ctrl+Z) brings a replaced text back.</span>
          </p>
          {CHOICES.map(({ mode }) => {
            const plan = plans[mode];
            return 'tooLarge' in plan ? (
              <p key={mode} className="import-too-large">
                {tooLargeReason(mode, plan.tooLarge)}
              </p>
            ) : null;
          })}
          <div className="import-actions">
            {CHOICES.map(({ mode, label }, i) => (
              <button
                key={mode}
                type="button"
                className="button"
                disabled={!('text' in plans[mode])}
                autoFocus={i === 0}
                onClick={() => onChoose(mode)}
                data-testid={`import-${mode}`}
              >
                {label}
              </button>
            ))}
            <form method="dialog">
              <button className="button" data-testid="import-cancel">
                Cancel
              </button>
            </form>
          </div>
        </>
      ) : (
        <>
          <p>Nothing changed.</p>
          <form method="dialog" className="import-actions">
            <button className="button" autoFocus data-testid="import-cancel">
              Close
            </button>
          </form>
        </>
      )}
    </dialog>
  );
}
