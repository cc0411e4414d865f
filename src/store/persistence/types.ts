/** What the persistence layer keeps in the browser, and under which keys. */
import type { ReplaceReason, ViewState, Work, XY } from '../types';

export type { Work, XY };

/** The autosaved work: the text, the layout and the view settings. */
export interface SavedWork extends Work {
  readonly view: ViewState;
}

/**
 * Who wrote the autosave slot, and its write count. A tab writes the slot only while it still
 * holds the stamp it last read or wrote: so no tab saves over work it has not seen.
 */
export interface Stamp {
  readonly tab: string;
  readonly seq: number;
}

/** The autosave slot as stored. */
export interface SavedSlot {
  readonly work: SavedWork;
  readonly stamp: Stamp;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
}

/** Why a restore point exists: what replaced its work, or `savedOver` (another tab's work this tab saved over). */
export type RestoreReason = ReplaceReason | 'savedOver';

export interface RestorePoint {
  readonly id: string;
  readonly reason: RestoreReason;
  readonly savedAt: number;
  readonly work: Work;
}

/** Storage keys. */
export const WORK_KEY = 'work';
export const RESTORE_POINTS_KEY = 'restore-points';
