/**
 * Keeps the work: autosaves the app store's text, layout and view (within a second of a change),
 * keeps replaced work as restore points, and never saves over another tab's work
 * (autosave.ts: the slot is written compare-and-swap; tabs.ts: tabs say when they open and save).
 *
 * Storage operations run one after another (`serial`), so a restore point of the work a
 * replacement replaced is stored before the save that writes the replacement over it.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../appStore';
import type { ReplacedWork, ReplaceReason } from '../types';
import { readSlot, sameStamp, sameWork, saveWork } from './autosave';
import type { KeepNotice, KeepState } from './keepState';
import { describeRestorePoint, readRestorePoints, storeRestorePoint, worthKeeping } from './restorePoints';
import { lessonView } from '../lessonProgress';
import { openShareFragment } from './shareLink';
import type { Start } from './startup';
import type { KeyValueStorage } from './storage';
import type { TabChannel, TabMessage } from './tabs';
import type { RestorePoint, SavedSlot, SavedWork, Work } from './types';

/** Changes are saved this long after the first unsaved one, so a burst of typing is one save. */
export const SAVE_DELAY_MS = 400;

/**
 * Then the save waits for an idle moment, this long at most: storing a 4 MB text costs the main
 * thread about 20 ms (IndexedDB clones it), better spent between keystrokes than during one.
 */
const IDLE_WAIT_MS = 300;

/** Runs `task` when the browser is idle (or now, where it cannot tell). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: IDLE_WAIT_MS });
  else task();
}

export interface KeeperOptions {
  readonly store: AppStore;
  readonly storage: KeyValueStorage;
  /** Null where BroadcastChannel is missing: conflicts are then found when saving. */
  readonly channel: TabChannel | null;
  readonly start: Start;
  readonly now?: () => number;
  /** Tests shorten it. */
  readonly saveDelayMs?: number;
}

/** A random id (tabs, restore points); `crypto.randomUUID` needs a secure context, this does not. */
function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class Keeper {
  readonly state: StoreApi<KeepState>;
  readonly tab = randomId();
  private readonly store: AppStore;
  private readonly storage: KeyValueStorage;
  private readonly channel: TabChannel | null;
  private readonly now: () => number;
  private readonly saveDelayMs: number;
  /** The slot as this tab last read or wrote it: it saves over that (see `nextSlot`). */
  private known: SavedSlot | null;
  /** The store holds changes the slot does not. */
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor({ store, storage, channel, start, now = Date.now, saveDelayMs = SAVE_DELAY_MS }: KeeperOptions) {
    this.store = store;
    this.storage = storage;
    this.channel = channel;
    this.now = now;
    this.saveDelayMs = saveDelayMs;
    this.known = start.known;
    const problem = start.link && 'problem' in start.link ? start.link.problem : null;
    this.state = createStore<KeepState>()(() => ({
      status: start.storageFailed ? 'failed' : 'saved',
      savedAt: null,
      failure: start.storageFailed ? 'the saved work could not be read' : null,
      otherTabs: [],
      restorePoints: [],
      notice: problem ? { kind: 'linkProblem', problem } : null,
      restoredLayout: Object.keys(start.work.positions).length > 0 ? { revision: store.getState().revision, seq: 0 } : null,
    }));
    if (start.keep) this.keep({ ...start.keep, id: randomId() });
    else if (start.link && 'opened' in start.link) this.tell({ kind: 'kept', reason: 'share', point: null });
    void this.serial(async () => this.setPoints(await readRestorePoints(storage)));
    // Opened from a link: the tab's work is not the slot's yet.
    if (start.link && 'opened' in start.link) this.changed();
    this.unsubscribe = store.subscribe((s, p) => {
      if (s.replaced && s.replaced !== p.replaced) this.keepReplaced(s.replaced);
      if (s.revision !== p.revision || s.positions !== p.positions || s.view !== p.view) this.changed();
    });
    channel?.listen((message) => this.hear(message));
    this.sayHello();
  }

  /** Tells the other tabs this one is open (again, after the browser kept the page in its cache). */
  sayHello(): void {
    this.channel?.post({ type: 'hello', tab: this.tab });
  }

  /** Tells the other tabs this one is gone (the page is hidden for good, or kept in a cache). */
  sayGoodbye(): void {
    this.channel?.post({ type: 'bye', tab: this.tab });
  }

  /** Saves now what waits for the timer (the page is being hidden or closed). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const { status } = this.state.getState();
    if (!this.dirty || status === 'behind' || status === 'failed') return this.queue;
    this.dirty = false;
    const work = this.snapshot();
    return this.serial(async () => {
      const outcome = await saveWork(this.storage, work, this.known, this.tab, this.now());
      if ('conflict' in outcome) {
        this.dirty = true;
        this.state.setState({ status: 'behind' });
        return;
      }
      this.known = outcome.saved;
      this.state.setState({ status: this.dirty ? 'pending' : 'saved', savedAt: this.now() });
      this.channel?.post({ type: 'saved', tab: this.tab, stamp: outcome.saved.stamp });
    });
  }

  /** This tab holds changes it cannot save now: closing it would lose them. */
  hasUnsavedWork(): boolean {
    const { status } = this.state.getState();
    return this.dirty && (status === 'behind' || status === 'failed');
  }

  /** Behind another tab: opens its work here; this tab's becomes a restore point. */
  loadTheirs(): Promise<void> {
    return this.serial(async () => {
      const slot = await readSlot(this.storage);
      if (!slot) return this.resume();
      // Set first: the save that follows the replacement writes over the slot just read.
      this.known = slot;
      this.state.setState({ status: 'saved', failure: null });
      this.replaceWith(slot.work, 'otherTab');
    });
  }

  /** Behind another tab: saves this tab's work; the other's becomes a restore point. */
  keepMine(): Promise<void> {
    return this.serial(async () => {
      const slot = await readSlot(this.storage);
      if (slot && worthKeeping(slot.work) && !sameWork(slot.work, this.snapshot())) {
        const point = { id: randomId(), reason: 'savedOver' as const, savedAt: this.now(), work: workOf(slot.work) };
        this.setPoints(await storeRestorePoint(this.storage, point));
        this.tell({ kind: 'kept', reason: 'savedOver', point: point.id });
      }
      this.known = slot ?? null;
      this.resume();
    });
  }

  /** After a failure: tries to save again. */
  retry(): Promise<void> {
    return this.serial(async () => this.resume());
  }

  /** Opens a restore point; the work it replaces becomes one. */
  restore(id: string): Promise<void> {
    return this.serial(async () => {
      const points = await readRestorePoints(this.storage);
      const point = points.find((p) => p.id === id);
      this.setPoints(points);
      if (point) this.replaceWith(point.work, 'restore');
    });
  }

  /**
   * Opens a share link given while the app is open (the address's fragment changed), in the
   * lesson it carries or out of lesson mode; false when the fragment is no share link.
   */
  async openLink(fragment: string): Promise<boolean> {
    const opened = await openShareFragment(fragment);
    if (!opened) return false;
    if ('problem' in opened) {
      this.tell({ kind: 'linkProblem', problem: opened.problem });
    } else {
      this.replaceWith(opened.work, 'share');
      this.store.getState().actions.setView(lessonView(opened.lesson));
    }
    return true;
  }

  dismissNotice(): void {
    this.tell(null);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.unsubscribe();
    this.sayGoodbye();
    this.channel?.close();
  }

  private replaceWith(work: Work, reason: ReplaceReason): void {
    const { actions } = this.store.getState();
    actions.replaceText(work.text, reason, work.positions);
    const seq = (this.state.getState().restoredLayout?.seq ?? 0) + 1;
    this.state.setState({ restoredLayout: { revision: this.store.getState().revision, seq } });
  }

  private snapshot(): SavedWork {
    const { readText, positions, view } = this.store.getState();
    return { text: readText(), positions, view };
  }

  private changed(): void {
    this.dirty = true;
    const { status } = this.state.getState();
    if (status === 'behind' || status === 'failed') return;
    if (status !== 'pending') this.state.setState({ status: 'pending' });
    this.timer ??= setTimeout(() => whenIdle(() => void this.flush()), this.saveDelayMs);
  }

  /** Saving is allowed again: whatever the store holds goes to the slot. */
  private resume(): void {
    this.state.setState({ status: 'saved', failure: null });
    this.changed();
  }

  private keepReplaced({ work, reason }: ReplacedWork): void {
    if (worthKeeping(work)) this.keep({ id: randomId(), reason, savedAt: this.now(), work });
    else this.tell(reason === 'share' ? { kind: 'kept', reason, point: null } : null);
  }

  private keep(point: RestorePoint): void {
    void this.serial(async () => {
      this.setPoints(await storeRestorePoint(this.storage, point));
      this.tell({ kind: 'kept', reason: point.reason, point: point.id });
    });
  }

  private hear(message: TabMessage): void {
    const others = this.state.getState().otherTabs.filter((t) => t !== message.tab);
    this.state.setState({ otherTabs: message.type === 'bye' ? others : [...others, message.tab] });
    if (message.type === 'hello') this.channel?.post({ type: 'here', tab: this.tab });
    if (message.type === 'saved' && !sameStamp(message.stamp, this.known?.stamp ?? null)) void this.serial(() => this.checkSlot());
  }

  /**
   * Another tab saved: is this tab now behind? Not when it saved what this tab shows, nor when it
   * saved again what this tab had read or written (its own layout of it): this tab's changes, if
   * any, then go over it.
   */
  private async checkSlot(): Promise<void> {
    const slot = await readSlot(this.storage);
    const { status } = this.state.getState();
    if (!slot || sameStamp(slot.stamp, this.known?.stamp ?? null) || status === 'behind' || status === 'failed') return;
    if (sameWork(slot.work, this.snapshot()) || (this.known && sameWork(slot.work, this.known.work))) this.known = slot;
    else this.state.setState({ status: 'behind' });
  }

  private serial(operation: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(operation).catch((error: unknown) => {
      // Whatever failed, the slot may not hold what the tab shows.
      this.dirty = true;
      this.state.setState({ status: 'failed', failure: error instanceof Error ? error.message : String(error) });
    });
    return this.queue;
  }

  private setPoints(points: readonly RestorePoint[]): void {
    this.state.setState({ restorePoints: points.map(describeRestorePoint) });
  }

  private tell(notice: KeepNotice | null): void {
    this.state.setState({ notice });
  }
}

function workOf({ text, positions }: Work): Work {
  return { text, positions };
}
