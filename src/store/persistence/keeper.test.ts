import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../appStore';
import type { Evaluator } from '../evaluation/evaluator';
import { readSlot } from './autosave';
import { Keeper } from './keeper';
import { readRestorePoints } from './restorePoints';
import { shareLink } from './shareLink';
import { readStart } from './startup';
import { memoryStorage, type KeyValueStorage } from './storage';
import { memoryTabHub, type TabChannel } from './tabs';

const idle: Evaluator = { evaluate: () => {}, ask: () => Promise.resolve(undefined), pin: () => Promise.resolve(undefined), dispose: () => {} };
const keepers: Keeper[] = [];
afterEach(() => keepers.splice(0).forEach((k) => k.dispose()));

/** A tab: reads the start from storage as the page does, then keeps its store. */
async function openTab(storage: KeyValueStorage, channel: TabChannel | null = null, fragment = '') {
  const start = await readStart(storage, fragment, 'default text', 0);
  const store = createAppStore({ text: start.work.text, positions: start.work.positions, view: start.work.view, evaluator: () => idle });
  const keeper = new Keeper({ store, storage, channel, start, saveDelayMs: 5 });
  keepers.push(keeper);
  const status = () => keeper.state.getState().status;
  const settled = () => vi.waitFor(() => expect(status()).not.toBe('pending'));
  return { store, keeper, actions: store.getState().actions, status, settled };
}

describe('the keeper', () => {
  it('saves an edit, its layout and view within the delay, and a new tab opens them exactly', async () => {
    const storage = memoryStorage();
    const tab = await openTab(storage);
    tab.actions.setText('kind: Pod  # ü\r\n');
    tab.actions.setPositions({ 'default/web[Pod]': { x: 12.5, y: 40 } });
    tab.actions.setView({ theme: 'dark', inspector: 'problems' });
    expect(tab.status()).toBe('pending');
    await tab.settled();
    expect(tab.status()).toBe('saved');
    const again = await openTab(storage);
    const state = again.store.getState();
    expect(state.readText()).toBe('kind: Pod  # ü\r\n');
    expect(state.positions).toEqual({ 'default/web[Pod]': { x: 12.5, y: 40 } });
    expect(state.view).toMatchObject({ theme: 'dark', inspector: 'problems' });
  });

  it('writes a burst of edits once', async () => {
    const storage = memoryStorage();
    const update = vi.spyOn(storage, 'update');
    const tab = await openTab(storage);
    for (let i = 0; i < 20; i++) tab.actions.setText(`text ${i}`);
    await tab.settled();
    expect(update).toHaveBeenCalledTimes(1);
    expect((await readSlot(storage))!.work.text).toBe('text 19');
  });

  it('keeps replaced work as a restore point that brings back its text and layout', async () => {
    const storage = memoryStorage();
    const tab = await openTab(storage);
    tab.actions.setText('mine');
    tab.actions.setPositions({ n: { x: 1, y: 2 } });
    tab.actions.replaceText('', 'new');
    await vi.waitFor(() => expect(tab.keeper.state.getState().notice).toMatchObject({ kind: 'kept', reason: 'new' }));
    const { notice, restorePoints } = tab.keeper.state.getState();
    expect(restorePoints).toHaveLength(1);
    expect(notice).toEqual({ kind: 'kept', reason: 'new', point: restorePoints[0]!.id });
    expect(tab.store.getState().readText()).toBe('');

    tab.actions.setText('second');
    await tab.keeper.restore(restorePoints[0]!.id);
    expect(tab.store.getState().readText()).toBe('mine');
    expect(tab.store.getState().positions).toEqual({ n: { x: 1, y: 2 } });
    await vi.waitFor(() => expect(tab.keeper.state.getState().restorePoints).toHaveLength(2));
    expect((await readRestorePoints(storage)).map((p) => [p.reason, p.work.text])).toEqual([['restore', 'second'], ['new', 'mine']]);
    await tab.settled();
    expect((await readSlot(storage))!.work.text).toBe('mine');
  });

  it('keeps no restore point of blank work', async () => {
    const tab = await openTab(memoryStorage());
    tab.actions.setText('  \n');
    tab.actions.replaceText('next', 'example');
    await tab.settled();
    expect(tab.keeper.state.getState()).toMatchObject({ restorePoints: [], notice: null });
  });

  it('lets two tabs see each other, and neither saves over the other: the one behind asks', async () => {
    const storage = memoryStorage();
    const hub = memoryTabHub();
    const a = await openTab(storage, hub());
    const b = await openTab(storage, hub());
    await vi.waitFor(() => expect(a.keeper.state.getState().otherTabs).toEqual([b.keeper.tab]));
    expect(b.keeper.state.getState().otherTabs).toEqual([a.keeper.tab]);

    a.actions.setText('from A');
    await a.settled();
    await vi.waitFor(() => expect(b.status()).toBe('behind'));
    b.actions.setText('from B');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await readSlot(storage))!.work.text).toBe('from A');
    expect(b.keeper.hasUnsavedWork()).toBe(true);

    await b.keeper.keepMine();
    await b.settled();
    expect((await readSlot(storage))!.work.text).toBe('from B');
    expect((await readRestorePoints(storage)).map((p) => [p.reason, p.work.text])).toEqual([['savedOver', 'from A']]);
    await vi.waitFor(() => expect(a.status()).toBe('behind'));

    await a.keeper.loadTheirs();
    expect(a.store.getState().readText()).toBe('from B');
    await a.settled();
    expect(a.status()).toBe('saved');
    // A saved what B shows: B is not behind for that.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(b.status()).toBe('saved');

    b.keeper.dispose();
    await vi.waitFor(() => expect(a.keeper.state.getState().otherTabs).toEqual([]));
  });

  it('finds the conflict when saving, without any message between the tabs', async () => {
    const storage = memoryStorage();
    const a = await openTab(storage);
    const b = await openTab(storage);
    a.actions.setText('from A');
    await a.settled();
    b.actions.setText('from B');
    await vi.waitFor(() => expect(b.status()).toBe('behind'));
    expect((await readSlot(storage))!.work.text).toBe('from A');
  });

  it('is not behind when another tab, opened on the same work, saves its layout of it', async () => {
    const storage = memoryStorage();
    const hub = memoryTabHub();
    const a = await openTab(storage, hub());
    a.actions.setText('shared');
    await a.settled();
    const b = await openTab(storage, hub());
    // A's edit waits for its save while B saves its layout of what A saved.
    a.actions.setText('shared, edited');
    b.actions.setPositions({ 'default/web[Pod]': { x: 5, y: 6 } });
    await b.keeper.flush();
    await a.settled();
    expect(a.status()).toBe('saved');
    expect((await readSlot(storage))!.work.text).toBe('shared, edited');
    await vi.waitFor(() => expect(b.status()).toBe('behind'));
  });

  it('is not behind when two tabs opened together save the same work, each without having read the other', async () => {
    const storage = memoryStorage();
    const a = await openTab(storage);
    const b = await openTab(storage);
    a.actions.setPositions({ n: { x: 1, y: 1 } });
    await a.settled();
    b.actions.setPositions({ m: { x: 2, y: 2 } });
    await b.settled();
    expect(b.status()).toBe('saved');
    expect((await readSlot(storage))!.work.positions).toEqual({ m: { x: 2, y: 2 } });
  });

  it('opens a share link over saved work, keeping that work as a restore point first', async () => {
    const storage = memoryStorage();
    const first = await openTab(storage);
    first.actions.setText('saved work');
    await first.settled();
    const link = await shareLink({ work: { text: 'shared', positions: { n: { x: 3, y: 4 } } } }, '');
    const tab = await openTab(storage, null, link);
    expect(tab.store.getState().readText()).toBe('shared');
    await tab.settled();
    const { notice, restorePoints } = tab.keeper.state.getState();
    expect(notice).toEqual({ kind: 'kept', reason: 'share', point: restorePoints[0]!.id });
    expect((await readRestorePoints(storage))[0]!.work.text).toBe('saved work');
    expect((await readSlot(storage))!.work).toMatchObject({ text: 'shared', positions: { n: { x: 3, y: 4 } } });
  });

  it('keeps lesson progress with the view, and opens a link given later in its lesson or out of lesson mode', async () => {
    const storage = memoryStorage();
    const tab = await openTab(storage);
    const progress = { id: '03-allow-by-pod-label', answers: { 0: 'denied' as const }, hints: 2 };
    tab.actions.setView({ lesson: progress, inspector: 'lesson' });
    await tab.settled();
    expect((await openTab(storage)).store.getState().view).toMatchObject({ lesson: progress, inspector: 'lesson' });

    await tab.keeper.openLink(await shareLink({ work: { text: 'lesson 2', positions: {} }, lesson: '02-default-deny' }, ''));
    expect(tab.store.getState().readText()).toBe('lesson 2');
    expect(tab.store.getState().view).toMatchObject({ lesson: { id: '02-default-deny', answers: {}, hints: 0 }, inspector: 'lesson' });
    await tab.keeper.openLink(await shareLink({ work: { text: 'plain', positions: {} } }, ''));
    expect(tab.store.getState().view.lesson).toBeNull();
  });

  it('changes nothing for a damaged link, and says so', async () => {
    const storage = memoryStorage();
    const first = await openTab(storage);
    first.actions.setText('saved work');
    await first.settled();
    const update = vi.spyOn(storage, 'update');
    const tab = await openTab(storage, null, '#share-v1=H4sIAAAA');
    expect(tab.store.getState().readText()).toBe('saved work');
    expect(tab.keeper.state.getState().notice).toEqual({ kind: 'linkProblem', problem: 'damaged' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(update).not.toHaveBeenCalled();
  });

  it('says when storage fails, holds the work as unsaved, and saves it on retry', async () => {
    const storage = memoryStorage();
    const tab = await openTab(storage);
    const update = vi.spyOn(storage, 'update').mockRejectedValueOnce(new Error('QuotaExceededError'));
    tab.actions.setText('precious');
    await tab.settled();
    expect(tab.keeper.state.getState()).toMatchObject({ status: 'failed', failure: 'QuotaExceededError' });
    expect(tab.keeper.hasUnsavedWork()).toBe(true);
    await tab.keeper.retry();
    await tab.settled();
    expect(tab.status()).toBe('saved');
    expect(update).toHaveBeenCalledTimes(2);
    expect((await readSlot(storage))!.work.text).toBe('precious');
  });
});

describe('replaceText, the store action restore points start from', () => {
  const newStore = () => createAppStore({ text: 'first', positions: { a: { x: 1, y: 1 } }, evaluator: () => idle });

  it('records the work it replaces, then opens the new text laid out afresh', () => {
    const store = newStore();
    store.getState().actions.select({ kind: 'node', id: 'a' });
    store.getState().actions.replaceText('second', 'example');
    const { replaced, positions, selection, readText } = store.getState();
    expect(replaced).toEqual({ work: { text: 'first', positions: { a: { x: 1, y: 1 } } }, reason: 'example', seq: 1 });
    expect([readText(), positions, selection]).toEqual(['second', {}, null]);
  });

  it('opens given positions over the current ones, so the old graph is not laid out meanwhile', () => {
    const store = newStore();
    store.getState().actions.replaceText('second', 'restore', { b: { x: 2, y: 2 }, a: { x: 3, y: 3 } });
    expect(store.getState().positions).toEqual({ a: { x: 3, y: 3 }, b: { x: 2, y: 2 } });
    store.getState().actions.replaceText('second', 'restore');
    expect(store.getState().replaced!.seq).toBe(2);
  });
});
