/**
 * An evaluator for store tests whose results and pin answers wait until `deliver()`, as a busy
 * worker's do: meanwhile the store shows an older revision, and a result may arrive after a newer pin.
 */
import type { Evaluator, ResultListener } from '../../src/store/evaluation/evaluator';
import { EvaluationSession } from '../../src/store/evaluation/session';

export function heldEvaluator(): { evaluator: (onResult: ResultListener) => Evaluator; deliver: () => void } {
  const waiting: (() => void)[] = [];
  const session = new EvaluationSession('cluster.yaml');
  const evaluator = (onResult: ResultListener): Evaluator => ({
    evaluate: (revision, readText) => {
      const text = readText();
      waiting.push(() => onResult(session.evaluate(revision, text)));
    },
    ask: (question) => Promise.resolve(session.answer(question)),
    pin: (request) => new Promise((resolve) => waiting.push(() => resolve(session.pin(request)))),
    dispose: () => {},
  });
  return { evaluator, deliver: () => waiting.splice(0).forEach((run) => run()) };
}
