/**
 * The lesson's goals, checked live against the graph of the student's text, with the Checks
 * tab's look: a mark, the expectation in words, and for a failing one what breaks it (a failing
 * pair opens in "Why not?"). Goals live in the lesson file, not the text: no YAML links.
 */
import { expectationFailureLines, expectationText, type ExpectationResult } from '../../engine';
import { CheckReasons } from '../panels/CheckReasons';
import { lessonNumber, nextLesson } from './lessons';
import type { LessonStatus } from './progress';
import { useOpenLesson } from './useOpenLesson';
import { goalsSummary, LAST_LESSON, LESSON_COMPLETE, STATUS_TEXT } from './wording';

function GoalRow({ result }: { result: ExpectationResult }) {
  const reasons = expectationFailureLines(result);
  return (
    <li className={result.passed ? 'check is-passing' : 'check is-failing'} data-testid="lesson-goal" data-passed={result.passed}>
      <div className="check-head">
        <span className="check-mark" role="img" aria-label={result.passed ? 'met' : 'not met'}>
          {result.passed ? '✓' : '✗'}
        </span>
        <span className="check-text">{expectationText(result.expectation)}</span>
      </div>
      {!result.passed && <CheckReasons result={result} reasons={reasons} />}
    </li>
  );
}

function Complete({ id }: { id: string }) {
  const next = nextLesson(id);
  const open = useOpenLesson();
  return (
    <div className="lesson-complete" data-testid="lesson-complete">
      <p className="lesson-complete-title">
        <span aria-hidden="true">✓ </span>
        {LESSON_COMPLETE}
      </p>
      {next ? (
        <button type="button" className="link" onClick={() => void open(next.id)} data-testid="next-lesson">
          Next: {lessonNumber(next.id)}, {next.title} →
        </button>
      ) : (
        <p>{LAST_LESSON}</p>
      )}
    </div>
  );
}

export function Goals({ id, results, status }: { id: string; results: readonly ExpectationResult[]; status: LessonStatus }) {
  return (
    <section className="lesson-section" aria-labelledby="lesson-goals">
      <h3 id="lesson-goals">Goals</h3>
      {/* Read out as goals are met, and when the lesson is complete. */}
      <div role="status">
        {status === 'complete' ? (
          <Complete id={id} />
        ) : (
          <p className="muted" data-testid="lesson-status">
            {goalsSummary(results)} {STATUS_TEXT[status]}
          </p>
        )}
      </div>
      <ul className="check-list lesson-goals" data-testid="lesson-goals">
        {results.map((result) => (
          <GoalRow key={result.expectation.index} result={result} />
        ))}
      </ul>
    </section>
  );
}
