/** Which cells of the truth table are in the page, and where a scroll goes to show one. */
import { describe, expect, it } from 'vitest';
import { CELL, COL_HEADER, ROW_HEADER, clampWindow, gridWindow, keepWindow, runs, scrollToCell } from './layout';

/** A scroller showing exactly 20 rows and 10 columns of cells beside its headers. */
const view = (top: number, left: number) => ({ top, left, width: ROW_HEADER + 10 * CELL, height: COL_HEADER + 20 * CELL });

describe('the cells in view', () => {
  it('are the rows and columns the viewport shows beside its headers, and three more either side', () => {
    expect(gridWindow(view(0, 0), 2009)).toEqual({ rows: { start: 0, end: 23 }, cols: { start: 0, end: 13 } });
    expect(gridWindow(view(1000 * CELL, 500 * CELL), 2009)).toEqual({
      rows: { start: 997, end: 1023 },
      cols: { start: 497, end: 513 },
    });
  });

  it('stop at the table’s end, and are none before the scroller is measured', () => {
    expect(gridWindow(view(2000 * CELL, 2005 * CELL), 2009)).toEqual({ rows: { start: 1997, end: 2009 }, cols: { start: 2002, end: 2009 } });
    expect(gridWindow({ top: 0, left: 0, width: 0, height: 0 }, 2009)).toEqual({ rows: { start: 0, end: 0 }, cols: { start: 0, end: 0 } });
  });

  it('are a few hundred however large the table: the page never holds four million', () => {
    const { rows, cols } = gridWindow(view(777 * CELL, 1234 * CELL), 2009);
    expect((rows.end - rows.start) * (cols.end - cols.start)).toBeLessThan(1000);
  });
});

describe('the window after a scroll', () => {
  it('is the same object when the same cells are in view, and keeps the span of an axis that did not move', () => {
    const before = gridWindow(view(1, 1), 2009);
    expect(keepWindow(before, gridWindow(view(5, 7), 2009))).toBe(before);
    const down = keepWindow(before, gridWindow(view(10 * CELL, 1), 2009));
    expect(down.rows).toEqual({ start: 7, end: 33 });
    expect(down.cols).toBe(before.cols);
    const across = keepWindow(down, gridWindow(view(10 * CELL, 10 * CELL), 2009));
    expect([across.rows, across.cols]).toEqual([down.rows, { start: 7, end: 23 }]);
    expect(across.rows).toBe(down.rows);
  });
});

describe('a window over a table that became shorter', () => {
  it('is cut to the table, and is itself when it fits', () => {
    const window = gridWindow(view(100 * CELL, 100 * CELL), 2009);
    expect(clampWindow(window, 2009)).toBe(window);
    expect(clampWindow(window, 110)).toEqual({ rows: { start: 97, end: 110 }, cols: { start: 97, end: 110 } });
    expect(clampWindow(window, 4)).toEqual({ rows: { start: 4, end: 4 }, cols: { start: 4, end: 4 } });
  });
});

describe('scrolling a cell into view', () => {
  it('scrolls as little as shows it whole, on each axis', () => {
    expect(scrollToCell(view(0, 0), 5, 3)).toEqual({ top: 0, left: 0 });
    expect(scrollToCell(view(0, 0), 30, 15)).toEqual({ top: 11 * CELL, left: 6 * CELL });
    expect(scrollToCell(view(100 * CELL, 100 * CELL), 40, 90)).toEqual({ top: 40 * CELL, left: 90 * CELL });
  });

  it('leaves an axis alone when it has nothing to show', () => {
    expect(scrollToCell(view(7, 9), undefined, undefined)).toEqual({ top: 7, left: 9 });
  });
});

describe('runs of highlighted indexes', () => {
  it('are consecutive indexes joined, clipped to the cells in view', () => {
    expect(runs([9, 3, 4, 5, 12, 11], { start: 0, end: 100 })).toEqual([
      { start: 3, end: 6 },
      { start: 9, end: 10 },
      { start: 11, end: 13 },
    ]);
    expect(runs([1, 2, 3, 50, 51, 52], { start: 2, end: 51 })).toEqual([
      { start: 2, end: 4 },
      { start: 50, end: 51 },
    ]);
    expect(runs([1, 2], { start: 10, end: 20 })).toEqual([]);
  });
});
