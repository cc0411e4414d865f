/**
 * What the Review change dialog shows of a planned edit (ReviewDialog.tsx): its warnings, what it
 * changes in connectivity (the session's preview), the YAML as a diff, Apply and Cancel. Loaded on
 * the first review, with the diff library.
 */
import { useEffect, useMemo, useState } from 'react';
import { applyChanges } from '../../model/text-changes';
import type { Preview } from '../../store/evaluation/preview';
import { useActions, useAppState, useAppStoreApi } from '../../store/react';
import type { ReviewRequest } from '../../store/types';
import { TextDiff } from '../diff/TextDiff';
import { textDiff } from '../diff/textDiff';

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

export default function ReviewBody({ review }: { review: ReviewRequest }) {
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
