/**
 * The Lesson tab: the lesson's title and story, its predictions, its goals ticking green as the
 * student edits, hints on request and the solution. Loaded with lesson mode (LessonTab.tsx), with
 * the engine's expectation checks and the diff it needs.
 */
import { useMemo } from 'react';
import { checkExpectations } from '../../engine';
import type { Lesson } from '../../model/lesson';
import type { LessonProgress } from '../../store/types';
import { useActions, useAppState } from '../../store/react';
import { selectFirstError } from '../../store/selectors';
import { Goals } from './Goals';
import { Hints } from './Hints';
import { lessonNumber } from './lessons';
import { Predictions } from './Predictions';
import { lessonStatus, unanswered } from './progress';
import type { ReadyLesson } from './readLessonFile';
import { Solution } from './Solution';
import { useLessonFile } from './useLessonFile';
import './lessons.css';

function LeaveButton() {
  const actions = useActions();
  return (
    <button type="button" className="link" onClick={() => actions.setView({ lesson: null, inspector: 'details' })} data-testid="leave-lesson">
      Leave lesson
    </button>
  );
}

/**
 * The story's paragraphs: blank lines part them; single line breaks are the file's wrapping. Open
 * while the student reads and predicts; folded once the graph shows, so the goals are in view.
 */
function Story({ story, open }: { story: string; open: boolean }) {
  const paragraphs = story.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter((p) => p !== '');
  return (
    <details className="lesson-story" open={open} data-testid="lesson-story">
      <summary>The story</summary>
      {paragraphs.map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </details>
  );
}

/** The goals checked against the graph on screen: lessons are small, so on the main thread. */
function useGoals(lesson: Lesson) {
  const analysis = useAppState((s) => s.evaluated.analysis);
  const upToDate = useAppState((s) => s.evaluated.revision === s.revision && !s.evaluated.stale);
  const hasErrors = useAppState((s) => selectFirstError(s) !== undefined || s.evaluated.heldBack.length > 0);
  const results = useMemo(() => (analysis ? checkExpectations(analysis, lesson.goals) : []), [analysis, lesson.goals]);
  return { results, status: analysis ? lessonStatus(results, upToDate, hasErrors) : ('checking' as const) };
}

function LessonBody({ ready: { lesson, verdicts }, progress }: { ready: ReadyLesson; progress: LessonProgress }) {
  const { results, status } = useGoals(lesson);
  const predicting = unanswered(progress, lesson.predict.length) > 0;
  return (
    <>
      {/* Remounted as the phase changes: `open` is where each phase starts, then the student's. */}
      <Story key={predicting ? 'predicting' : 'editing'} story={lesson.story} open={predicting} />
      <Goals id={progress.id} results={results} status={status} />
      <Hints hints={lesson.hints} progress={progress} />
      <Solution solution={lesson.solution} />
      {lesson.predict.length > 0 && (
        <section className="lesson-section" aria-labelledby="lesson-predict">
          <h3 id="lesson-predict">Your predictions</h3>
          <Predictions predictions={lesson.predict} verdicts={verdicts} progress={progress} mode="record" />
        </section>
      )}
    </>
  );
}

export default function LessonPanel() {
  const progress = useAppState((s) => s.view.lesson);
  const file = useLessonFile(progress?.id ?? null);
  if (!progress || !file) return null;
  return (
    <section className="details lesson" data-testid="lesson" aria-labelledby="lesson-title">
      <header>
        <div className="lesson-header">
          <p className="lesson-number muted">{lessonNumber(progress.id)}</p>
          <LeaveButton />
        </div>
        <h2 id="lesson-title">{file.state === 'ready' ? file.ready.lesson.title : 'Lesson'}</h2>
      </header>
      {file.state === 'loading' && <p className="muted">Loading the lesson…</p>}
      {file.state === 'failed' && (
        <p className="verdict verdict-denied" data-testid="lesson-problem">
          {file.problem}
        </p>
      )}
      {file.state === 'ready' && <LessonBody ready={file.ready} progress={progress} />}
    </section>
  );
}
