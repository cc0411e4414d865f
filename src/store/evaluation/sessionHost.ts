/**
 * Where the evaluation session runs: on this thread (unit tests, scripts) or as the worker side
 * of the protocol (worker.ts). The page itself talks to the worker through evaluator.ts.
 */
import { EDITOR_FILE, type FromSession, type ToSession } from './protocol';
import { EvaluationSession } from './session';
import { applyChanges } from '../../model/text-changes';
import type { Evaluator, ResultListener } from './evaluator';

/** A session on this thread: results arrive synchronously (unit tests, scripts). */
export function createLocalEvaluator(onResult: ResultListener): Evaluator {
  const session = new EvaluationSession(EDITOR_FILE);
  return {
    evaluate: (revision, readText, changes) => onResult(session.evaluate(revision, readText(), changes === undefined)),
    ask: (question) => Promise.resolve(session.answer(question)),
    pin: (request) => Promise.resolve(session.pin(request)),
    dispose: () => {},
  };
}

/** The worker side of the protocol; `src/store/evaluation/worker.ts` installs it. */
export function serveSession(port: {
  postMessage(message: FromSession): void;
  onmessage: ((event: MessageEvent<ToSession>) => void) | null;
}): void {
  const session = new EvaluationSession(EDITOR_FILE);
  let text = '';
  port.onmessage = ({ data }) => {
    if (data.type === 'evaluate' || data.type === 'edit') {
      text = data.type === 'evaluate' ? data.text : data.batches.reduce(applyChanges, text);
      const fresh = data.type === 'evaluate' && data.fresh;
      port.postMessage({ type: 'result', result: session.evaluate(data.revision, text, fresh) });
    } else {
      const answer = data.type === 'pin' ? session.pin(data.request) : session.answer(data.question);
      port.postMessage({ type: 'answer', id: data.id, answer });
    }
  };
}
