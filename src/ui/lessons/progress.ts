/**
 * A student's way through a lesson, as pure functions over `LessonProgress` (store/types.ts):
 * answering predictions (once: an answer is not taken back after the verdict shows), hints one at
 * a time, whether the graph is still covered, and where the lesson stands.
 */
import type { ExpectationResult } from '../../engine';
import type { LessonProgress } from '../../store/types';
import type { PredictionVerdict } from './readLessonFile';

export type Answer = 'allowed' | 'denied';

export function answerPrediction(progress: LessonProgress, index: number, answer: Answer): LessonProgress {
  if (progress.answers[index] !== undefined) return progress;
  return { ...progress, answers: { ...progress.answers, [index]: answer } };
}

/** One more hint, up to the lesson's last. */
export function showNextHint(progress: LessonProgress, hints: number): LessonProgress {
  return progress.hints >= hints ? progress : { ...progress, hints: progress.hints + 1 };
}

/** How many of the lesson's `predictions` the student has not answered yet. */
export function unanswered(progress: LessonProgress, predictions: number): number {
  let count = 0;
  for (let i = 0; i < predictions; i++) if (progress.answers[i] === undefined) count++;
  return count;
}

/** The student's answer against the engine's verdict on the start. */
export function isRight(answer: Answer, verdict: PredictionVerdict): boolean {
  return answer === verdict;
}

/**
 * Where the lesson stands: `checking` while the graph is not of the text on screen yet, `complete`
 * when every goal holds on a text without errors, `errors` when they hold but the text has errors
 * (objects held at an earlier version could be what meets them), else `working`.
 */
export type LessonStatus = 'checking' | 'working' | 'errors' | 'complete';

export function lessonStatus(goals: readonly ExpectationResult[], upToDate: boolean, hasErrors: boolean): LessonStatus {
  if (!upToDate) return 'checking';
  if (!goals.every((g) => g.passed)) return 'working';
  return hasErrors ? 'errors' : 'complete';
}
