/**
 * Runs the evaluation session for the store: in a Web Worker in the app (typing never waits for
 * the engine, whatever the size), on the calling thread in unit tests (sessionHost.ts). This
 * module is the page's side only: it does not import the session, so the page's first load does
 * not carry the model, the engine's evaluation or the plans.
 */
import type { Answer, EvaluationResult, FromSession, Question, ToSession } from './protocol';
import type { TextChange } from '../../model/text-changes';
import type { PinnedComparison, PinRequest } from './comparison';

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
  /**
   * Pins Compare's baseline (`EvaluationSession.pin`): the comparison when the session has the
   * revision already; else the result that analyses it carries it.
   */
  pin(request: PinRequest | null): Promise<PinnedComparison | undefined>;
  dispose(): void;
}

export type ResultListener = (result: EvaluationResult) => void;

type Pending = Exclude<ToSession, { type: 'ask' | 'pin' }>;

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
    pin(request) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (answer: unknown) => void);
        send({ type: 'pin', id, request });
      });
    },
    dispose: () => worker.terminate(),
  };
}
