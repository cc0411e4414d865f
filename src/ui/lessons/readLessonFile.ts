/**
 * A lesson file made ready to teach: read (model/lesson.ts), and each prediction answered by the
 * engine on the lesson's start — never on the student's text, which may already have changed.
 * Runs in the lesson worker (lesson.worker.ts); its result is plain, cloneable data.
 */
import { Analyzer } from '../../engine';
import { verdictOf } from '../../engine/expectations';
import { parseManifests } from '../../model';
import { readLesson, type Lesson } from '../../model/lesson';

/** The engine's answer to a prediction: lessons ask only pairs with one answer (test/lessons). */
export type PredictionVerdict = ReturnType<typeof verdictOf>;

export interface ReadyLesson {
  readonly lesson: Lesson;
  /** By prediction index. */
  readonly verdicts: readonly PredictionVerdict[];
}

export type LessonFileRead = { readonly ready: ReadyLesson } | { readonly problem: string };

/** The lesson, or the first problem of its file (line: message), which the panel shows. */
export function readLessonFile(text: string): LessonFileRead {
  const { lesson, diagnostics } = readLesson(text);
  if (!lesson) {
    const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
    return { problem: first ? `line ${first.location.range.startLine}: ${first.message}` : 'The lesson cannot be read.' };
  }
  const analysis = new Analyzer().update(parseManifests([{ file: 'start', text: lesson.start }]).resources);
  return { ready: { lesson, verdicts: lesson.predict.map((p) => verdictOf(analysis, p)) } };
}
