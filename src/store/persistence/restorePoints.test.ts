import { describe, expect, it } from 'vitest';
import {
  describeRestorePoint,
  MAX_RESTORE_POINTS,
  readRestorePoints,
  storeRestorePoint,
  withRestorePoint,
  worthKeeping,
} from './restorePoints';
import { memoryStorage } from './storage';
import type { RestorePoint } from './types';

const point = (id: string, text: string, savedAt = 0): RestorePoint => ({ id, reason: 'new', savedAt, work: { text, positions: {} } });

describe('restore points', () => {
  it('keep the newest first, at most MAX_RESTORE_POINTS', () => {
    let points: RestorePoint[] = [];
    for (let i = 0; i < MAX_RESTORE_POINTS + 2; i++) points = withRestorePoint(points, point(`p${i}`, `text ${i}`));
    expect(points.map((p) => p.id)).toEqual(['p6', 'p5', 'p4', 'p3', 'p2']);
  });

  it('keep one point per text: the newest', () => {
    const points = withRestorePoint([point('old', 'same'), point('other', 'other')], point('new', 'same'));
    expect(points.map((p) => p.id)).toEqual(['new', 'other']);
  });

  it('are not worth keeping for blank work', () => {
    expect(worthKeeping({ text: ' \n\t', positions: {} })).toBe(false);
    expect(worthKeeping({ text: '# a comment', positions: {} })).toBe(true);
  });

  it('are described by their size and first non-blank lines, shortened', () => {
    const long = `name: ${'x'.repeat(200)}`;
    const info = describeRestorePoint(point('p', `\n\nkind: Pod\n  \n${long}\nthird: 3\nfourth: 4`, 42));
    expect(info).toEqual({
      id: 'p',
      reason: 'new',
      savedAt: 42,
      lines: 7,
      preview: ['kind: Pod', `${long.slice(0, 79)}…`, 'third: 3'],
    });
  });

  it('are stored and read back', async () => {
    const storage = memoryStorage();
    expect(await readRestorePoints(storage)).toEqual([]);
    await storeRestorePoint(storage, point('a', 'A'));
    const stored = await storeRestorePoint(storage, point('b', 'B'));
    expect(stored.map((p) => p.id)).toEqual(['b', 'a']);
    expect(await readRestorePoints(storage)).toEqual(stored);
  });
});
