import { describe, expect, it } from 'vitest';
import type { EndpointId } from '../../engine/types';
import { saveWork } from './autosave';
import { SHARE_PREFIX, shareLink } from './shareLink';
import { chooseStart, readStart } from './startup';
import { memoryStorage, type KeyValueStorage } from './storage';
import type { SavedSlot } from './types';

const VIEW = {
  theme: 'dark',
  deniedFor: 'default/a[Pod]' as EndpointId,
  policy: null,
  inspector: 'problems',
  namespaces: { open: false, except: ['default'] },
  focus: { node: 'default/a[Pod]', direction: 'in' },
  lesson: { id: '02-default-deny', answers: { 0: 'denied' }, hints: 1 },
  pane: 'matrix',
  matrix: { protocol: 'TCP', port: '80' },
  presentation: true,
  panelCollapsed: true,
  allTraffic: 'shown',
} as const;
const SLOT: SavedSlot = { work: { text: 'saved', positions: { n: { x: 1, y: 2 } }, view: VIEW }, stamp: { tab: 'T', seq: 3 }, savedAt: 1 };
const LINKED = { work: { text: 'linked', positions: { m: { x: 5, y: 6 } } } };

describe('what the app opens with', () => {
  it('is the saved work, or the default text when nothing is saved', () => {
    expect(chooseStart(SLOT, null, 'default', 9)).toEqual({ work: SLOT.work, known: SLOT, keep: null, link: null });
    expect(chooseStart(undefined, null, 'default', 9)).toEqual({ work: { text: 'default', positions: {} }, known: null, keep: null, link: null });
  });

  it('is a share link over saved work, which it keeps as a restore point; the view preferences stay, not what it showed', () => {
    expect(chooseStart(SLOT, LINKED, 'default', 9)).toEqual({
      work: { ...LINKED.work, view: { ...VIEW, deniedFor: null, policy: null, namespaces: null, focus: null, lesson: null } },
      known: SLOT,
      keep: { reason: 'share', savedAt: 9, work: { text: 'saved', positions: SLOT.work.positions } },
      link: { opened: true },
    });
  });

  it('opens a link in the lesson it carries, from its start; saved work in the lesson it was in', () => {
    const lesson = { id: '03-allow-by-pod-label', answers: {}, hints: 0 };
    expect(chooseStart(SLOT, { ...LINKED, lesson: lesson.id }, 'default', 9).work.view).toMatchObject({ lesson, inspector: 'lesson' });
    expect(chooseStart(undefined, { ...LINKED, lesson: lesson.id }, 'default', 9).work.view).toMatchObject({ lesson, inspector: 'lesson' });
    expect(chooseStart(SLOT, null, 'default', 9).work.view!.lesson).toEqual(VIEW.lesson);
  });

  it('drops saved lesson progress that is not well formed', () => {
    const saved = (lesson: unknown) => ({ ...SLOT, work: { ...SLOT.work, view: { ...VIEW, lesson } } }) as SavedSlot;
    for (const lesson of [undefined, 'x', { id: '../x', answers: {}, hints: 0 }, { id: 'a', answers: {}, hints: -1 }, { id: 'a', hints: 0 }]) {
      expect(chooseStart(saved(lesson), null, 'default', 9).work.view!.lesson, JSON.stringify(lesson)).toBeNull();
    }
    const odd = { id: 'a', answers: { 0: 'allowed', 1: 'maybe', x: 'denied' }, hints: 2 };
    expect(chooseStart(saved(odd), null, 'default', 9).work.view!.lesson).toEqual({ id: 'a', answers: { 0: 'allowed' }, hints: 2 });
  });

  it('keeps no restore point when the link holds the saved text, or nothing was saved', () => {
    expect(chooseStart(SLOT, { work: { text: 'saved', positions: {} } }, 'd', 9).keep).toBeNull();
    expect(chooseStart(undefined, LINKED, 'd', 9).keep).toBeNull();
  });

  it('is the saved work when the link is damaged, and says why', () => {
    expect(chooseStart(SLOT, { problem: 'damaged' }, 'default', 9)).toEqual({
      work: SLOT.work,
      known: SLOT,
      keep: null,
      link: { problem: 'damaged' },
    });
  });

  it('reads the fragment and the slot; a storage that fails is said, not fatal', async () => {
    const storage = memoryStorage();
    await saveWork(storage, SLOT.work, null, 'T', 1);
    const link = await shareLink(LINKED, '');
    const started = await readStart(storage, link, 'default', 9);
    expect(started.work.text).toBe('linked');
    expect(started.keep!.work.text).toBe('saved');
    expect(started.storageFailed).toBe(false);

    const broken: KeyValueStorage = { get: () => Promise.reject(new Error('no')), update: () => Promise.reject(new Error('no')) };
    const failed = await readStart(broken, `${SHARE_PREFIX}AAAA`, 'default', 9);
    expect(failed).toMatchObject({ work: { text: 'default' }, link: { problem: 'damaged' }, storageFailed: true });
  });
});
