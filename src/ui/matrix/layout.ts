/**
 * Where the truth table's parts sit, and which of them are in view. Cells are squares of one
 * size, so the cells in view are two divisions per axis (combobox/listWindow.ts, used for both):
 * only they are in the page, whether the table has ten endpoints or two thousand. Row and column
 * headers stay in view (sticky) over the cells, so each axis sees the viewport less its header.
 * Pure.
 */
import { scrollToRow, visibleRows } from '../combobox/listWindow';

export const CELL = 26;
/** Row headers: the namespace band, then the endpoint's name. */
export const ROW_HEADER = 240;
export const ROW_BAND = 88;
/** Column headers: the namespace band, then the endpoint's name written upwards. */
export const COL_HEADER = 150;
export const COL_BAND = 24;
/** Cells rendered beyond the viewport on each side, so a scroll step finds them there. */
const OVERSCAN = 3;

/** Indexes `[start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface GridWindow {
  readonly rows: Span;
  readonly cols: Span;
}

export interface Viewport {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

const NONE: Span = { start: 0, end: 0 };

/** The rows and columns of `count` endpoints a scroller at `viewport` shows. */
export function gridWindow(viewport: Viewport, count: number): GridWindow {
  // A scroller no larger than its headers (not measured yet, or squeezed) shows no cells.
  const along = (scrolled: number, size: number): Span => (size > 0 ? visibleRows(scrolled, size, CELL, count, OVERSCAN) : NONE);
  return { rows: along(viewport.top, viewport.height - COL_HEADER), cols: along(viewport.left, viewport.width - ROW_HEADER) };
}

const sameSpan = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

/**
 * The window after a scroll, keeping what did not change: the same object when nothing did, the
 * same span on an axis that did not move — so the rows and headers memoised on them stay.
 */
export function keepWindow(previous: GridWindow, next: GridWindow): GridWindow {
  const rows = sameSpan(previous.rows, next.rows) ? previous.rows : next.rows;
  const cols = sameSpan(previous.cols, next.cols) ? previous.cols : next.cols;
  return rows === previous.rows && cols === previous.cols ? previous : { rows, cols };
}

/** The window within a table of `count` endpoints: itself when it already is. */
export function clampWindow(shown: GridWindow, count: number): GridWindow {
  const within = (span: Span) => (span.end <= count ? span : { start: Math.min(span.start, count), end: count });
  return keepWindow(shown, { rows: within(shown.rows), cols: within(shown.cols) });
}

/** The scroll position that shows row `row` and column `col` whole (either may be absent), scrolling as little as possible. */
export function scrollToCell(
  viewport: Viewport,
  row: number | undefined,
  col: number | undefined,
): { readonly top: number; readonly left: number } {
  return {
    top: row === undefined ? viewport.top : scrollToRow(row, viewport.top, viewport.height - COL_HEADER, CELL),
    left: col === undefined ? viewport.left : scrollToRow(col, viewport.left, viewport.width - ROW_HEADER, CELL),
  };
}

/** Sorted indexes as runs of consecutive ones, each clipped to `within` (runs outside it dropped). */
export function runs(indexes: Iterable<number>, within: Span): Span[] {
  const sorted = [...indexes].sort((a, b) => a - b);
  const found: Span[] = [];
  for (const i of sorted) {
    const last = found.at(-1);
    if (last && last.end === i) found[found.length - 1] = { start: last.start, end: i + 1 };
    else if (!last || last.end < i) found.push({ start: i, end: i + 1 });
  }
  return found
    .map((r) => ({ start: Math.max(r.start, within.start), end: Math.min(r.end, within.end) }))
    .filter((r) => r.start < r.end);
}
