/**
 * Runs the evaluation session for the store: in a Web Worker in the app (typing never waits for
 * the engine, whatever the size), on the calling thread in unit tests.
 */
import { EDITOR_FILE, type Answer, type EvaluationResult, type FromSession, type Question, type ToSession } from './protocol';
import { EvaluationSession } from './session';
import { applyChanges, type TextChange } from '../../model/text-changes';

export interface Evaluator {
  /**
   * Evaluates a revision; the result arrives through the `onResult` callback, maybe later.
   * `readText` gives this revision's text, during this call only (it may read a live editor);
   * `changes`, when given, turn the previous revision's text into this one (a cheaper message) —
   * without them, the text replaced the previous one (see EvaluationSession.evaluate's `fresh`).
   */
  evaluate(revision: number, readText: () => string, changes?: readonly TextChange[]): void;
  /** Asks the session that produced the latest result. */
  ask<Q extends Question>(question: Q): Promise<Answer<Q>>;
  dispose(): void;
}

export type ResultListener = (result: EvaluationResult) => void;

/** A session on this thread: results arrive synchronously (unit tests, scripts). */
export function createLocalEvaluator(onResult: ResultListener): Evaluator {
  const session = new EvaluationSession(EDITOR_FILE);
  return {
    evaluate: (revision, readText, changes) => onResult(session.evaluate(revision, readText(), changes === undefined)),
    ask: (question) => Promise.resolve(session.answer(question)),
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
      port.postMessage({ type: 'answer', id: data.id, answer: session.answer(data.question) });
    }
  };
}

type Pending = Exclude<ToSession, { type: 'ask' }>;

/**
 * A session in a worker. At most one evaluation is in flight; what is typed meanwhile is queued
 * as one message (edits accumulate), so a burst of keystrokes costs one evaluation of the latest
 * text, not one per key. Edits go as changes when the worker has the text they apply to.
 */
export function createWorkerEvaluator(worker: Worker, onResult: ResultListener): Evaluator {
  let busy = false;
  /** The revision whose text the worker holds (or will, once the message in flight arrives). */
  let sent = -1;
  let queued: Pending | undefined;
  let nextId = 0;
  const pending = new Map<number, (answer: unknown) => void>();
  const send = (message: ToSession) => worker.postMessage(message);
  worker.onmessage = ({ data }: MessageEvent<FromSession>) => {
    if (data.type === 'answer') {
      pending.get(data.id)?.(data.answer);
      pending.delete(data.id);
      return;
    }
    busy = false;
    onResult(data.result);
    if (queued) dispatch(queued);
  };
  const dispatch = (message: Pending) => {
    queued = undefined;
    busy = true;
    sent = message.revision;
    send(message);
  };
  return {
    evaluate(revision, readText, changes) {
      // Changes chain onto the text the worker has, or onto edits already queued for it.
      const earlier = queued ? (queued.type === 'edit' ? queued.batches : undefined) : [];
      const chains = changes && earlier && (queued?.revision ?? sent) === revision - 1;
      // A replaced text stays fresh when edits typed before it was evaluated replace its message.
      const fresh = changes === undefined || (queued?.type === 'evaluate' && queued.fresh);
      const message: Pending = chains
        ? { type: 'edit', revision, batches: [...earlier, changes] }
        : { type: 'evaluate', revision, text: readText(), fresh };
      if (busy) queued = message;
      else dispatch(message);
    },
    ask(question) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (answer: unknown) => void);
        send({ type: 'ask', id, question });
      });
    },
    dispose: () => worker.terminate(),
  };
}
