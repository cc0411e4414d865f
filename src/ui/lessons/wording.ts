/**
 * What lesson mode says, in one place (engine/messages.ts words the goals themselves: a goal is
 * an expectation, worded as the Checks tab words it).
 */
import { describeConnections, patternText, type ExpectationResult } from '../../engine';
import { expectedConnections } from '../../engine/expectations';
import type { Prediction } from '../../model/lesson';
import type { Answer, LessonStatus } from './progress';
import type { PredictionVerdict } from './readLessonFile';

/** `Can shop/web[Pod] reach shop/db[Pod] on TCP 5432?`, `… at all?` when it names no ports. */
export function predictionQuestion(prediction: Prediction): string {
  const on = prediction.ports ? `on ${describeConnections(expectedConnections(prediction.ports))}` : 'at all';
  return `Can ${patternText(prediction.from)} reach ${patternText(prediction.to)} ${on}?`;
}

const VERDICT_WORD: Record<PredictionVerdict, string> = {
  allowed: 'allowed',
  denied: 'denied',
  partly: 'allowed on some of these ports only',
  unmatched: 'about an endpoint the lesson does not have',
};

/** What the student is told once they answered: right or wrong, and the engine's verdict. */
export function answerFeedback(answer: Answer, verdict: PredictionVerdict): string {
  return answer === verdict ? `Right: it is ${answer}.` : `Not quite: it is ${VERDICT_WORD[verdict]}, not ${answer}.`;
}

/** The cover over the graph, above the questions that wait for answers. */
export function coverText(unanswered: number): string {
  const questions = unanswered === 1 ? 'the last question' : `these ${unanswered} questions`;
  return `Answer from what you have read: the graph shows once you have answered ${questions}.`;
}

/** `3 of 5 goals met`. */
export function goalsSummary(goals: readonly ExpectationResult[]): string {
  const met = goals.filter((g) => g.passed).length;
  if (met === goals.length) return goals.length === 1 ? 'The goal is met.' : `All ${goals.length} goals are met.`;
  return `${met} of ${goals.length} goals met.`;
}

export const STATUS_TEXT: Record<Exclude<LessonStatus, 'complete'>, string> = {
  checking: 'Checking your text…',
  working: 'Edit the YAML until every goal is met: they turn green as you type.',
  errors: 'Every goal is met, but the text has errors: fix them (see Problems) to complete the lesson.',
};

export const LESSON_COMPLETE = 'Lesson complete';
export const LAST_LESSON = 'That was the last lesson. Well done!';

/** `Hint 2 of 3`. */
export function hintHeading(index: number, count: number): string {
  return `Hint ${index + 1} of ${count}`;
}
