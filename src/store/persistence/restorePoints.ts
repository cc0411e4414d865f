/**
 * Restore points: work that New, an example, a file, a share link, a restore or another tab
 * replaced. The newest few are kept, one per text (the newest layout of it wins).
 */
import type { KeyValueStorage } from './storage';
import { RESTORE_POINTS_KEY, type RestorePoint, type RestoreReason, type Work } from './types';

/**
 * How many are kept. Each holds a whole text (up to the 20 MB the model accepts, 4 MB for a
 * 2000-workload cluster): a handful covers "I did not mean to do that" without filling the disk.
 */
export const MAX_RESTORE_POINTS = 5;

/** What a list shows of a restore point (the text itself stays in storage until restored). */
export interface RestorePointInfo {
  readonly id: string;
  readonly reason: RestoreReason;
  readonly savedAt: number;
  readonly lines: number;
  /** Its first non-blank lines, to recognise it by. */
  readonly preview: readonly string[];
}

const PREVIEW_LINES = 3;
const PREVIEW_CHARS = 80;

/** Blank work is not worth a restore point: nothing would come back. */
export function worthKeeping(work: Work): boolean {
  return work.text.trim() !== '';
}

/** The list with `point` first: an older point of the same text goes, and the oldest beyond `max`. */
export function withRestorePoint(
  points: readonly RestorePoint[],
  point: RestorePoint,
  max = MAX_RESTORE_POINTS,
): RestorePoint[] {
  return [point, ...points.filter((p) => p.work.text !== point.work.text)].slice(0, max);
}

export function describeRestorePoint(point: RestorePoint): RestorePointInfo {
  const { text } = point.work;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  const preview: string[] = [];
  // Only the start of a large text is scanned: the preview never needs more.
  for (const line of text.slice(0, PREVIEW_LINES * 1000).split('\n')) {
    if (preview.length === PREVIEW_LINES) break;
    if (line.trim() !== '') preview.push(line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS - 1)}…` : line);
  }
  return { id: point.id, reason: point.reason, savedAt: point.savedAt, lines, preview };
}

export async function readRestorePoints(storage: KeyValueStorage): Promise<readonly RestorePoint[]> {
  return (await storage.get<RestorePoint[]>(RESTORE_POINTS_KEY)) ?? [];
}

/** Stores `point` (see `withRestorePoint`) and returns the list as stored. */
export async function storeRestorePoint(storage: KeyValueStorage, point: RestorePoint): Promise<readonly RestorePoint[]> {
  let stored: RestorePoint[] = [];
  await storage.update<RestorePoint[]>(RESTORE_POINTS_KEY, (points) => (stored = withRestorePoint(points ?? [], point)));
  return stored;
}
