/** The "Restore points" button and its dialog: the kept work, newest first, each with Restore. */
import { useRef } from 'react';
import { MAX_RESTORE_POINTS, type RestorePointInfo } from '../../store/persistence/restorePoints';
import { useKeeper, useKeepState } from './context';
import { NO_POINTS, POINT_TITLE, pointsCount, POINTS_INTRO } from './wording';
import './keep.css';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function Point({ point, onRestore }: { point: RestorePointInfo; onRestore: () => void }) {
  return (
    <li className="restore-point" data-testid="restore-point">
      <div className="restore-point-head">
        <strong>{POINT_TITLE[point.reason]}</strong>
        <span className="muted">
          {when.format(point.savedAt)} · {point.lines.toLocaleString('en')} {point.lines === 1 ? 'line' : 'lines'}
        </span>
      </div>
      <pre className="restore-point-preview">{point.preview.join('\n')}</pre>
      <button type="button" className="button" onClick={onRestore}>
        Restore
      </button>
    </li>
  );
}

export function RestorePoints() {
  const keeper = useKeeper();
  const points = useKeepState((s) => s.restorePoints);
  const dialog = useRef<HTMLDialogElement>(null);
  const restore = (id: string) => {
    dialog.current!.close();
    void keeper.restore(id);
  };
  return (
    <>
      <button
        type="button"
        className="button"
        title={pointsCount(points.length)}
        onClick={() => dialog.current!.showModal()}
        data-testid="restore-points-button"
      >
        Restore points
      </button>
      <dialog ref={dialog} className="app-dialog" aria-labelledby="restore-points-title" data-testid="restore-points">
        <h2 id="restore-points-title">Restore points</h2>
        <p className="muted">{points.length > 0 ? POINTS_INTRO(MAX_RESTORE_POINTS) : NO_POINTS}</p>
        {points.length > 0 && (
          <ol className="restore-points">
            {points.map((p) => (
              <Point key={p.id} point={p} onRestore={() => restore(p.id)} />
            ))}
          </ol>
        )}
        <form method="dialog" className="dialog-actions">
          <button className="button">Close</button>
        </form>
      </dialog>
    </>
  );
}
