/**
 * Lesson mode as view state: which lesson is open and the student's progress in it. It lives in
 * `view`, so the autosave keeps it and a reload comes back to it; a share link may carry a lesson
 * id, never the progress (the student starts the lesson afresh).
 */
import type { LessonProgress, ViewState } from './types';

/**
 * A lesson id as the app names lesson files: it ends up in a URL path, and it may come from a
 * share link or storage, so anything else is refused.
 */
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function isLessonId(value: unknown): value is string {
  return typeof value === 'string' && LESSON_ID.test(value);
}

/** A lesson just opened: nothing answered, no hint shown. */
export function startLesson(id: string): LessonProgress {
  return { id, answers: {}, hints: 0 };
}

/** The view of work opened with `lesson` (its id), or without one: lesson mode or normal mode. */
export function lessonView(lesson: string | undefined): Pick<ViewState, 'lesson'> & Partial<Pick<ViewState, 'inspector'>> {
  return lesson === undefined ? { lesson: null } : { lesson: startLesson(lesson), inspector: 'lesson' };
}

/** Progress as stored by this or another version of the app: null unless it is well formed. */
export function readProgress(value: unknown): LessonProgress | null {
  const { id, answers, hints } = (value ?? {}) as Partial<Record<keyof LessonProgress, unknown>>;
  if (!isLessonId(id) || !Number.isSafeInteger(hints) || (hints as number) < 0) return null;
  if (typeof answers !== 'object' || answers === null) return null;
  const valid = Object.entries(answers).filter(
    ([index, answer]) => /^(0|[1-9]\d*)$/.test(index) && (answer === 'allowed' || answer === 'denied'),
  );
  return { id, answers: Object.fromEntries(valid) as LessonProgress['answers'], hints: hints as number };
}
