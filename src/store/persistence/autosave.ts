/**
 * The autosave slot, written compare-and-swap: a tab writes only over the stamp it last read or
 * wrote. When another tab wrote in between, nothing is written and the tab is told: it then asks
 * its user which work to keep, and the other becomes a restore point. No tab saves over work it
 * has not seen, and no tab needs to know how many others are open.
 */
import type { KeyValueStorage } from './storage';
import { WORK_KEY, type SavedSlot, type SavedWork, type Stamp, type Work } from './types';

export function sameStamp(a: Stamp | null, b: Stamp | null): boolean {
  return a === b || (a !== null && b !== null && a.tab === b.tab && a.seq === b.seq);
}

/**
 * The slot to write, or null when another tab wrote different work since this tab last read or
 * wrote it (`known`): a conflict. It is none when the slot is empty, whatever this tab knew (site
 * data cleared: there is nothing to save over); when it holds the work this tab is saving; or when
 * it holds the work this tab knew (another tab, opened on it, saved it again with its layout of
 * nodes this tab had not placed: positions only one of them has are no work, see `sameWork`).
 */
export function nextSlot(
  current: SavedSlot | undefined,
  known: SavedSlot | null,
  work: SavedWork,
  tab: string,
  now: number,
): SavedSlot | null {
  const otherTabWrote = current && !sameStamp(current.stamp, known?.stamp ?? null);
  if (otherTabWrote && !sameWork(current.work, work) && !(known && sameWork(current.work, known.work))) return null;
  return { work, stamp: { tab, seq: (current?.stamp.seq ?? 0) + 1 }, savedAt: now };
}

export type SaveOutcome = { readonly saved: SavedSlot } | { readonly conflict: true };

/** Writes `work` unless another tab wrote since `known` (one storage transaction). */
export async function saveWork(
  storage: KeyValueStorage,
  work: SavedWork,
  known: SavedSlot | null,
  tab: string,
  now: number,
): Promise<SaveOutcome> {
  let outcome: SaveOutcome = { conflict: true };
  await storage.update<SavedSlot>(WORK_KEY, (current) => {
    const next = nextSlot(isSlot(current) ? current : undefined, known, work, tab, now);
    if (next) outcome = { saved: next };
    return next ?? undefined;
  });
  return outcome;
}

/** The slot as stored, or undefined when there is none or it is not one this version wrote (then it counts as empty). */
export async function readSlot(storage: KeyValueStorage): Promise<SavedSlot | undefined> {
  const slot = await storage.get<SavedSlot>(WORK_KEY);
  return isSlot(slot) ? slot : undefined;
}

function isSlot(value: unknown): value is SavedSlot {
  const slot = value as Partial<SavedSlot> | undefined;
  return (
    typeof slot?.work?.text === 'string' &&
    typeof slot.work.positions === 'object' &&
    typeof slot.stamp?.tab === 'string' &&
    typeof slot.stamp.seq === 'number'
  );
}

/**
 * The same work: the same text, and no node placed differently in both. A node only one of them
 * has a position for is no difference: the other lays it out, and positions of nodes the text no
 * longer has linger harmlessly (see `replaceText`). View settings are preferences, not work.
 */
export function sameWork(a: Work, b: Work): boolean {
  if (a.text !== b.text) return false;
  for (const [id, p] of Object.entries(a.positions)) {
    const q = Object.hasOwn(b.positions, id) ? b.positions[id] : undefined;
    if (q && (q.x !== p.x || q.y !== p.y)) return false;
  }
  return true;
}
