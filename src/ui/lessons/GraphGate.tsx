/**
 * The graph pane's gate for "predict then check": while a lesson's predictions wait for answers,
 * a cover hides the graph — `inert` keeps it from the keyboard and screen readers too — and asks
 * them. Each answer is marked right or wrong at once; once all are answered, "Show the graph"
 * lifts the cover (the student reads the last verdict first). While the lesson loads the cover
 * stays, as it cannot tell yet. Outside lesson mode the gate is a plain wrapper.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { LessonProgress } from '../../store/types';
import { useAppState } from '../../store/react';
import { Predictions } from './Predictions';
import { unanswered } from './progress';
import type { ReadyLesson } from './readLessonFile';
import { useLessonFile } from './useLessonFile';
import { coverText } from './wording';
import './lessons.css';

function Cover({ ready, progress, onLift }: { ready: ReadyLesson | null; progress: LessonProgress; onLift: () => void }) {
  const left = ready ? unanswered(progress, ready.lesson.predict.length) : null;
  return (
    <div className="lesson-cover" data-testid="lesson-cover">
      <section className="lesson-cover-card" aria-labelledby="lesson-cover-title">
        <h2 id="lesson-cover-title">Predict first</h2>
        {ready === null && <p>Loading the lesson…</p>}
        {ready !== null && (
          <>
            <p>{left === 0 ? 'Now check your answers on the graph.' : coverText(left!)}</p>
            <Predictions predictions={ready.lesson.predict} verdicts={ready.verdicts} progress={progress} mode="ask" />
            {left === 0 && (
              <button type="button" className="button lesson-cover-lift" onClick={onLift} data-testid="show-graph">
                Show the graph
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}

export function GraphGate({ children }: { children: ReactNode }) {
  const progress = useAppState((s) => s.view.lesson);
  const file = useLessonFile(progress?.id ?? null);
  const ready = file?.state === 'ready' ? file.ready : null;
  const left = progress && ready ? unanswered(progress, ready.lesson.predict.length) : 0;
  // The lesson whose predictions were answered here, until its cover is lifted.
  const [answering, setAnswering] = useState<string | null>(null);
  useEffect(() => {
    if (progress && left > 0) setAnswering(progress.id);
  }, [progress, left]);
  const loading = file?.state === 'loading';
  const covered = progress !== null && (loading || left > 0 || answering === progress.id);
  return (
    <div className="graph-gate">
      <div className="graph-gate-content" inert={covered}>
        {children}
      </div>
      {covered && <Cover ready={ready} progress={progress} onLift={() => setAnswering(null)} />}
    </div>
  );
}
