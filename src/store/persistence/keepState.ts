/** What the keeper tells the UI: whether the work is saved, other tabs, restore points, notices. */
import type { RestorePointInfo } from './restorePoints';
import type { LinkProblem } from './shareLink';
import type { RestoreReason } from './types';

export type SaveStatus =
  /** The autosave slot holds this tab's work. */
  | 'saved'
  /** Changes wait for the next save (within a second). */
  | 'pending'
  /** Another tab saved different work: this tab saves nothing until its user chooses. */
  | 'behind'
  /** The browser refused to store (or read) the work: nothing is saved. */
  | 'failed';

/** The newest thing that happened to the work, to tell the user once. */
export type KeepNotice =
  /** Work was replaced; `point` is the restore point that brings it back (null: it was blank). */
  | { readonly kind: 'kept'; readonly reason: RestoreReason; readonly point: string | null }
  | { readonly kind: 'linkProblem'; readonly problem: LinkProblem };

export interface KeepState {
  readonly status: SaveStatus;
  /** When this tab last saved (ms since the epoch), or null. */
  readonly savedAt: number | null;
  /** Why the last storage operation failed, while `status` is 'failed'. */
  readonly failure: string | null;
  /** Ids of the other tabs of the app that are open now. */
  readonly otherTabs: readonly string[];
  /** Newest first. */
  readonly restorePoints: readonly RestorePointInfo[];
  readonly notice: KeepNotice | null;
  /**
   * The text revision whose layout came back (the start, a restore point, the other tab's work,
   * a link): it is not laid out afresh, so nothing else fits the view to it. `seq` counts them.
   */
  readonly restoredLayout: { readonly revision: number; readonly seq: number } | null;
}
