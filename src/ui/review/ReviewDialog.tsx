/**
 * "Review change": what a graph gesture would write, shown before anything is written — first
 * the side effects the plan could not avoid, then what it changes in connectivity (the proposed
 * text evaluated beside the current one, in the session), then the YAML as a diff. Apply writes it
 * as one edit (one Ctrl+Z undoes it); Cancel, Escape or a text edited meanwhile write nothing.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { applyChanges } from '../../model/text-changes';
import type { Preview } from '../../store/evaluation/preview';
import { useActions, useAppState, useAppStoreApi } from '../../store/react';
import type { ReviewRequest } from '../../store/types';
import { TextDiff } from '../diff/TextDiff';
import { textDiff } from '../diff/textDiff';
import './review.css';

/** The planned text, its diff from the current one, and (once the session answers) what it changes. */
function useReviewed(review: ReviewRequest) {
  const store = useAppStoreApi();
  const { before, after } = useMemo(() => {
    const text = store.getState().readText();
    return { before: text, after: applyChanges(text, review.plan.changes) };
  }, [store, review]);
  const hunks = useMemo(() => textDiff(before, after), [before, after]);
  const [preview, setPreview] = useState<Preview | undefined>();
  useEffect(() => {
    let live = true;
    setPreview(undefined);
    void store
      .getState()
      .actions.ask({ kind: 'preview', before, after })
      .then((answer) => live && setPreview(answer));
    return () => {
      live = false;
    };
  }, [store, before, after]);
  return { hunks, preview };
}

function Effects({ preview }: { preview: Preview | undefined }) {
  if (!preview) return <p className="muted">Working out what it changes…</p>;
  const more = preview.changedPairs - preview.changes.length;
  return (
    <>
      <ul className="review-effects" data-testid="review-effects">
        {preview.lines.map((line) => (
          <li key={line} className={line.startsWith('Stops') ? 'is-lost' : line.startsWith('Allows') ? 'is-gained' : undefined}>
            {line}
          </li>
        ))}
        {more > 0 && <li>… and {more} more pairs.</li>}
      </ul>
      {preview.newErrors.length > 0 && (
        <div className="review-warnings" data-testid="review-errors">
          <p>It would bring these errors:</p>
          <ul>
            {preview.newErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function ReviewBody({ review }: { review: ReviewRequest }) {
  const actions = useActions();
  const stale = useAppState((s) => s.revision !== review.revision);
  const { hunks, preview } = useReviewed(review);
  const { summary, warnings } = review.plan;
  return (
    <>
      <h2 id="review-title">Review change</h2>
      <p className="review-summary" data-testid="review-summary">
        {summary}
      </p>
      {warnings.length > 0 && (
        <div className="review-warnings" data-testid="review-warnings">
          <p>Before you apply it:</p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <h3>What it changes</h3>
      <Effects preview={preview} />
      <h3>The YAML</h3>
      {hunks === null ? (
        <p className="muted">The change is too large to show line by line.</p>
      ) : (
        <TextDiff hunks={hunks} label="The editor’s text against the change" textName="the editor’s text" testId="review-diff" />
      )}
      {stale && (
        <p className="review-warnings" role="alert">
          The text was edited since this change was planned: cancel and do it again.
        </p>
      )}
      <div className="review-buttons">
        <button type="button" className="button" onClick={actions.closeReview} data-testid="review-cancel">
          Cancel
        </button>
        <button type="button" className="button primary" autoFocus disabled={stale} onClick={actions.applyReview} data-testid="review-apply">
          Apply
        </button>
      </div>
    </>
  );
}

export function ReviewDialog() {
  const review = useAppState((s) => s.review);
  const actions = useActions();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current!;
    if (review && !d.open) d.showModal();
    if (!review && d.open) d.close();
  }, [review]);
  return (
    <dialog
      ref={dialog}
      className="app-dialog review-dialog"
      aria-labelledby="review-title"
      data-testid="review-dialog"
      // Escape, or the browser closing it: nothing is written.
      onClose={() => actions.closeReview()}
    >
      {review && <ReviewBody key={review.seq} review={review} />}
    </dialog>
  );
}
