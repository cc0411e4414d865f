/**
 * What the app opens with: a share link in the address wins, then the autosaved work, then the
 * default text. Work a link replaces is kept as a restore point before anything is saved over it.
 * A link opens in its lesson, or out of lesson mode; saved work comes back in the lesson it was in.
 */
import { lessonView, readProgress } from '../lessonProgress';
import { readSlot } from './autosave';
import { worthKeeping } from './restorePoints';
import { openShareFragment, type LinkProblem } from './shareLink';
import type { KeyValueStorage } from './storage';
import type { RestorePoint, SavedSlot, SavedWork, Work } from './types';

export interface Start {
  /** The work to open; its view is partial (the store fills in its defaults). */
  readonly work: Work & { readonly view?: Partial<SavedWork['view']> };
  /** The slot as read: the tab saves over it, and only over it (or over the same work). */
  readonly known: SavedSlot | null;
  /** Saved work that the opened link replaces: kept before the first save. */
  readonly keep: Omit<RestorePoint, 'id'> | null;
  /** The share link in the address, if there was one: opened, or why not. */
  readonly link: { readonly opened: true } | { readonly problem: LinkProblem } | null;
  /** Storage could not be read: the tab does not save (it cannot know what it would save over). */
  readonly storageFailed: boolean;
}

/** Decides the start from what was read. Pure. */
export function chooseStart(
  slot: SavedSlot | undefined,
  link: Awaited<ReturnType<typeof openShareFragment>>,
  defaultText: string,
  now: number,
): Omit<Start, 'storageFailed'> {
  const known = slot ?? null;
  const saved = slot?.work;
  if (link && 'work' in link) {
    // The saved view is this browser's preference (theme, inspector tab): it stays; what it
    // showed of the saved graph (denied view, shown policy, namespaces, focus) does not.
    const view = { ...saved?.view, deniedFor: null, policy: null, namespaces: null, focus: null, ...lessonView(link.lesson) };
    const keep = saved && worthKeeping(saved) && saved.text !== link.work.text
      ? { reason: 'share' as const, savedAt: now, work: { text: saved.text, positions: saved.positions } }
      : null;
    return { work: { ...link.work, view }, known, keep, link: { opened: true } };
  }
  const problem = link ? { problem: link.problem } : null;
  // Saved by this version or another: lesson progress comes back only when it is well formed.
  const restored = saved && { ...saved, view: { ...saved.view, lesson: readProgress(saved.view.lesson) } };
  return { work: restored ?? { text: defaultText, positions: {} }, known, keep: null, link: problem };
}

/**
 * The page waits for this before its first render, so a storage that never answers (IndexedDB
 * can hang, e.g. while another tab upgrades the database) must not keep it blank.
 */
const READ_TIMEOUT_MS = 3000;

/** Reads the address's fragment and the autosave slot, and decides (see `chooseStart`). */
export async function readStart(storage: KeyValueStorage, fragment: string, defaultText: string, now: number): Promise<Start> {
  const link = await openShareFragment(fragment);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), READ_TIMEOUT_MS)));
  try {
    return { ...chooseStart(await Promise.race([readSlot(storage), timeout]), link, defaultText, now), storageFailed: false };
  } catch {
    return { ...chooseStart(undefined, link, defaultText, now), storageFailed: true };
  } finally {
    clearTimeout(timer);
  }
}
