/** Compare in the store: which baseline is pinned, when, and the comparison that belongs to it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore';
import { createLocalEvaluator } from './evaluation/sessionHost';
import { heldEvaluator } from '../../test/support/held-evaluator';

const CLASSIC = readFileSync(new URL('../../fixtures/classic/nginx.yaml', import.meta.url), 'utf8');
const EDITED = CLASSIC.replace('port: 80', 'port: 443');

const newStore = (text: string) => createAppStore({ text, evaluator: createLocalEvaluator, now: () => 42 });
type Store = ReturnType<typeof newStore>;

/** Replaces the whole text as typing would (an edit, not a newly opened text). */
function typeText(store: Store, text: string): void {
  const before = store.getState().readText();
  store.getState().actions.edit(() => text, [{ offset: 0, length: before.length, text }], [{ startLine: 1, endLine: 1, added: 0 }]);
}

/** Pin answers arrive as promises: let them. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const changedPairs = (store: Store) => store.getState().comparing?.comparison?.changedPairs;

describe('Compare in the store', () => {
  it('pins the text the store starts with, and compares each typed edit with it', async () => {
    const store = newStore(CLASSIC);
    await settled();
    expect(store.getState().comparing).toEqual({ baseline: { origin: 'start', at: 42, pin: 1 }, comparison: expect.objectContaining({ changedPairs: 0 }) });
    typeText(store, EDITED);
    expect(changedPairs(store)).toBe(3);
    expect(store.getState().comparing!.comparison!.pairs.flatMap((p) => p.lines)).toContain(
      'Stops allowing: default/client[Pod] → default/nginx-pod-with-label[Pod] TCP 80.',
    );
  });

  it('pins work opened (as what it is), the text now on Pin now, and nothing for New or after Unpin', async () => {
    const store = newStore('');
    expect(store.getState().comparing).toBeNull();
    const { actions } = store.getState();
    actions.replaceText(CLASSIC, 'example');
    await settled();
    expect(store.getState().comparing!.baseline.origin).toBe('example');
    typeText(store, EDITED);
    expect(changedPairs(store)).toBe(3);
    actions.pinNow();
    await settled();
    expect(store.getState().comparing).toMatchObject({ baseline: { origin: 'pinned' }, comparison: { changedPairs: 0 } });
    typeText(store, CLASSIC);
    expect(changedPairs(store)).toBe(3);
    actions.unpin();
    typeText(store, EDITED);
    await settled();
    expect(store.getState().comparing).toBeNull();
    actions.load(CLASSIC);
    await settled();
    expect(store.getState().comparing!.baseline.origin).toBe('loaded');
    actions.replaceText('', 'new');
    expect(store.getState().comparing).toBeNull();
  });

  it('takes no comparison of an earlier pin, even one the worker sends after the new pin', async () => {
    // Results wait until `deliver()`, as a busy worker's do.
    const { evaluator, deliver } = heldEvaluator();
    const store = createAppStore({ text: CLASSIC, evaluator });
    deliver();
    typeText(store, EDITED);
    // Pinned now, while the edit's result (against the first pin) is still on its way.
    store.getState().actions.pinNow();
    deliver();
    await settled();
    expect(store.getState().comparing).toMatchObject({ baseline: { pin: 2 }, comparison: { changedPairs: 0 } });
  });
});
