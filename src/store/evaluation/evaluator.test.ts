import { describe, expect, it } from 'vitest';
import { createWorkerEvaluator } from './evaluator';
import { serveSession } from './sessionHost';
import type { Analysis } from '../../engine/types';
import { applyDelta } from './analysisDelta';
import type { EvaluationResult, FromSession, ToSession } from './protocol';
import { applyChanges, type TextChange } from '../../model/text-changes';

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;

/** A worker and its session connected by hand: messages wait until `deliver()`. */
function channel() {
  const toWorker: ToSession[] = [];
  /** Every message the main side sent, in order. */
  const sent: ToSession[] = [];
  const toMain: FromSession[] = [];
  const port = { postMessage: (m: FromSession) => void toMain.push(m), onmessage: null as ((e: MessageEvent<ToSession>) => void) | null };
  serveSession(port);
  const worker = {
    postMessage: (m: ToSession) => {
      sent.push(m);
      toWorker.push(structuredClone(m));
    },
    onmessage: null as ((e: MessageEvent<FromSession>) => void) | null,
    terminate: () => {},
  };
  const deliver = () => {
    while (toWorker.length > 0 || toMain.length > 0) {
      const m = toWorker.shift();
      if (m) port.onmessage!({ data: m } as MessageEvent<ToSession>);
      const r = toMain.shift();
      if (r) worker.onmessage!({ data: structuredClone(r) } as MessageEvent<FromSession>);
    }
  };
  return { worker: worker as unknown as Worker, sent, deliver };
}

function typing() {
  const { worker, sent, deliver } = channel();
  const results: EvaluationResult[] = [];
  let analysis: Analysis | undefined;
  const evaluator = createWorkerEvaluator(worker, (r) => {
    results.push(r);
    if (r.analysis) analysis = applyDelta(analysis, r.analysis);
  });
  let text = '';
  let revision = 0;
  /** Like the editor's model: the live text, and how often the whole of it was read. */
  const reads = { count: 0 };
  const readText = () => {
    reads.count++;
    return text;
  };
  const type = (changes: TextChange[]) => {
    text = applyChanges(text, changes);
    evaluator.evaluate(++revision, readText, changes);
  };
  const load = (t: string) => {
    text = t;
    evaluator.evaluate(++revision, readText);
  };
  const pods = () => analysis!.endpoints.filter((e) => e.type === 'workload').map((e) => e.id);
  return { type, load, deliver, sent: () => sent.map((m) => m.type), log: sent, results, pods, reads };
}

describe('worker evaluator', () => {
  it('sends the text once, then only changes, and the worker follows them', () => {
    const t = typing();
    t.load(POD('a'));
    t.deliver();
    t.type([{ offset: POD('a').length - 2, length: 1, text: 'b' }]);
    t.deliver();
    expect(t.sent()).toEqual(['evaluate', 'edit']);
    expect(t.pods()).toEqual(['default/b[Pod]']);
  });

  it('queues keystrokes typed during an evaluation as one edit of several batches', () => {
    const t = typing();
    t.load(POD('a'));
    t.deliver();
    const end = POD('a').length - 1;
    t.type([{ offset: end, length: 0, text: 'b' }]);
    t.type([{ offset: end + 1, length: 0, text: 'c' }]);
    t.type([{ offset: end + 2, length: 0, text: 'd' }]);
    t.deliver();
    expect(t.sent()).toEqual(['evaluate', 'edit', 'edit']);
    expect(t.log[2]).toMatchObject({ revision: 4, batches: [[{ text: 'c' }], [{ text: 'd' }]] });
    expect(t.results.map((r) => r.revision)).toEqual([1, 2, 4]);
    expect(t.pods()).toEqual(['default/abcd[Pod]']);
    // Only the load read the whole text: keystrokes cost their edits, not a copy of the document.
    expect(t.reads.count).toBe(1);
  });

  it('falls back to the whole text after a load queued behind an evaluation', () => {
    const t = typing();
    t.load(POD('a'));
    t.type([{ offset: 0, length: 0, text: '# x\n' }]);
    t.load(POD('z'));
    t.type([{ offset: POD('z').length - 2, length: 1, text: 'w' }]);
    t.deliver();
    expect(t.sent()).toEqual(['evaluate', 'evaluate']);
    expect(t.pods()).toEqual(['default/w[Pod]']);
    // The text was read as it was at each revision sent whole: not later, when it had moved on.
    expect(t.log[1]).toMatchObject({ revision: 4, text: POD('w') });
  });
});
