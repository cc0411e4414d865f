/** A gesture form's buttons: Cancel, and the one that goes on (to the review, to deleting). */
import { useGestures } from './context';

export function CancelRow({ submit }: { submit?: string }) {
  const gestures = useGestures();
  return (
    <div className="gesture-buttons">
      <button type="button" className="button" onClick={gestures.close}>
        Cancel
      </button>
      {submit && (
        <button type="submit" className="button primary" data-testid="gesture-submit">
          {submit}
        </button>
      )}
    </div>
  );
}
