/**
 * What blocks an export: each problem with its place in the YAML (a click shows it in the
 * editor), and the choice to export anyway or to go and fix it.
 */
import { useEffect, useRef } from 'react';
import { useActions, useAppState } from '../../store/react';
import type { ExportProblem } from '../../model/write';
import { useExport, type BlockedExport } from './ExportContext';
import { editorLocation } from './location';
import { blockedExplanation, blockedTitle } from './words';

const anyway = { download: 'Download anyway', copy: 'Copy anyway', zip: 'Download .zip anyway' } as const;

export function ExportDialog() {
  const { blocked, exportAnyway, dismiss } = useExport();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current!;
    if (blocked && !d.open) d.showModal();
    if (!blocked && d.open) d.close();
  }, [blocked]);

  return (
    <dialog
      ref={dialog}
      className="app-dialog export-dialog"
      aria-labelledby="export-dialog-title"
      onClose={dismiss}
      data-testid="export-dialog"
    >
      {blocked && (
        <>
          <h2 id="export-dialog-title">{blockedTitle(blocked.prepared.problems.length)}</h2>
          <p className="muted">{blockedExplanation}</p>
          <ul className="export-problems">
            {blocked.prepared.problems.map((problem, i) => (
              <ProblemRow key={i} problem={problem} blocked={blocked} />
            ))}
          </ul>
          <div className="export-dialog-buttons">
            <button type="button" className="button" onClick={dismiss} autoFocus data-testid="export-cancel">
              Cancel
            </button>
            {blocked.prepared.count > 0 && (
              <button
                type="button"
                className="button export-anyway"
                onClick={exportAnyway}
                data-testid="export-anyway"
              >
                {anyway[blocked.prepared.request.delivery]}
              </button>
            )}
          </div>
        </>
      )}
    </dialog>
  );
}

function ProblemRow({ problem, blocked }: { problem: ExportProblem; blocked: BlockedExport }) {
  const actions = useActions();
  const { dismiss } = useExport();
  // The problems are of the text the export read: they can be shown while the editor holds it.
  const current = useAppState(
    (s) => s.revision === blocked.revision && s.evaluated.revision === blocked.revision,
  );
  const documents = useAppState((s) => s.evaluated.documents);
  const location = current ? editorLocation(documents, problem.range) : undefined;
  const { startLine, startColumn } = problem.range;
  return (
    <li className="export-problem" data-testid="export-problem">
      <button
        type="button"
        className="link export-problem-place"
        disabled={!location}
        title={location ? 'Show it in the editor' : 'The YAML changed since the check'}
        onClick={() => {
          if (!location) return;
          dismiss();
          actions.reveal(location);
        }}
      >
        Line {startLine}:{startColumn}
      </button>
      {problem.object && <span className="export-problem-object">{problem.object}</span>}
      <span className="export-problem-message">{problem.message}</span>
    </li>
  );
}
