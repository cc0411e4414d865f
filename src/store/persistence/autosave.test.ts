import { describe, expect, it } from 'vitest';
import { nextSlot, readSlot, sameWork, saveWork } from './autosave';
import { memoryStorage } from './storage';
import { WORK_KEY, type SavedSlot, type SavedWork } from './types';

const VIEW = { theme: 'system', deniedFor: null, policy: null, inspector: 'details', namespaces: null, focus: null, lesson: null, pane: 'graph', matrix: { protocol: 'any', port: '' }, presentation: false, panelCollapsed: false, allTraffic: 'faint' } as const;
const work = (text: string, positions = {}): SavedWork => ({ text, positions, view: VIEW });
const slot = (tab: string, seq: number, text = 'x'): SavedSlot => ({ work: work(text), stamp: { tab, seq }, savedAt: 0 });

describe('the autosave slot', () => {
  it('is written over only by a tab that knows what it holds', () => {
    expect(nextSlot(undefined, null, work('a'), 'A', 5)).toEqual({ work: work('a'), stamp: { tab: 'A', seq: 1 }, savedAt: 5 });
    expect(nextSlot(slot('A', 3), slot('A', 3), work('b'), 'B', 6)!.stamp).toEqual({ tab: 'B', seq: 4 });
    expect(nextSlot(slot('B', 4, 'y'), slot('A', 3), work('c'), 'A', 7)).toBeNull();
    expect(nextSlot(slot('A', 4, 'y'), slot('A', 3), work('c'), 'A', 7)).toBeNull();
    expect(nextSlot(slot('A', 1), null, work('c'), 'B', 7)).toBeNull();
  });

  it('takes the same work from another tab as no conflict', () => {
    const theirs: SavedSlot = { work: work('a', { n: { x: 1, y: 2 } }), stamp: { tab: 'B', seq: 1 }, savedAt: 0 };
    const next = nextSlot(theirs, null, work('a', { m: { x: 3, y: 4 } }), 'A', 5);
    expect(next).toEqual({ work: work('a', { m: { x: 3, y: 4 } }), stamp: { tab: 'A', seq: 2 }, savedAt: 5 });
    expect(nextSlot(theirs, null, work('a', { n: { x: 1, y: 3 } }), 'A', 5)).toBeNull();
    expect(nextSlot(theirs, null, work('b'), 'A', 5)).toBeNull();
  });

  it('takes the work this tab knew, saved again by another tab, as no conflict', () => {
    const known = slot('A', 1, 'a');
    const again: SavedSlot = { work: work('a', { n: { x: 1, y: 2 } }), stamp: { tab: 'B', seq: 2 }, savedAt: 0 };
    expect(nextSlot(again, known, work('a-edited'), 'A', 5)).toEqual({
      work: work('a-edited'),
      stamp: { tab: 'A', seq: 3 },
      savedAt: 5,
    });
    const moved: SavedSlot = { ...again, work: work('a', { n: { x: 9, y: 9 } }) };
    expect(nextSlot(moved, { ...known, work: work('a', { n: { x: 1, y: 2 } }) }, work('a-edited'), 'A', 5)).toBeNull();
  });

  it('is free when empty, whatever the tab read before (site data cleared)', () => {
    expect(nextSlot(undefined, slot('A', 9), work('a'), 'A', 1)!.stamp).toEqual({ tab: 'A', seq: 1 });
  });

  it('saves in one transaction and reports a conflict without writing', async () => {
    const storage = memoryStorage();
    const first = await saveWork(storage, work('a'), null, 'A', 1);
    expect(first).toEqual({ saved: { work: work('a'), stamp: { tab: 'A', seq: 1 }, savedAt: 1 } });
    expect(await saveWork(storage, work('b'), null, 'B', 2)).toEqual({ conflict: true });
    expect((await readSlot(storage))!.work.text).toBe('a');
    const known = 'saved' in first ? first.saved : null;
    expect(await saveWork(storage, work('b'), known, 'B', 3)).toEqual({ saved: { work: work('b'), stamp: { tab: 'B', seq: 2 }, savedAt: 3 } });
    expect((await readSlot(storage))!.work.text).toBe('b');
  });

  it('counts a slot it cannot read as empty', async () => {
    const storage = memoryStorage();
    await storage.update(WORK_KEY, () => ({ something: 'else' }));
    expect(await readSlot(storage)).toBeUndefined();
    expect(await saveWork(storage, work('a'), null, 'A', 1)).toMatchObject({ saved: { stamp: { tab: 'A', seq: 1 } } });
  });
});

describe('sameWork', () => {
  it('needs the same text and no node placed differently in both', () => {
    expect(sameWork(work('a', { n: { x: 1, y: 2 } }), work('a', { n: { x: 1, y: 2 }, m: { x: 0, y: 0 } }))).toBe(true);
    expect(sameWork(work('a', {}), work('a', { n: { x: 1, y: 2 } }))).toBe(true);
    expect(sameWork(work('a', { n: { x: 1, y: 2 } }), work('a', { n: { x: 1, y: 3 } }))).toBe(false);
    expect(sameWork(work('a'), work('a '))).toBe(false);
    expect(sameWork(work('a', { constructor: { x: 1, y: 1 } }), work('a', {}))).toBe(true);
  });
});
