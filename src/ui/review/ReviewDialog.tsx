/**
 * "Review change": what a graph gesture would write, shown before anything is written — first
 * the side effects the plan could not avoid, then what it changes in connectivity (the proposed
 * text evaluated beside the current one, in the session), then the YAML as a diff. Apply writes it
 * as one edit (one Ctrl+Z undoes it); Cancel, Escape or a text edited meanwhile write nothing.
 */
import { Suspense, lazy, useEffect, useRef } from 'react';
import { useActions, useAppState } from '../../store/react';
import './review.css';

/** Loaded on the first review: the page's first load does not carry the diff library. */
const ReviewBody = lazy(() => import('./ReviewBody'));

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
      {review && (
        <Suspense fallback={<p className="muted">Preparing the review…</p>}>
          <ReviewBody key={review.seq} review={review} />
        </Suspense>
      )}
    </dialog>
  );
}
