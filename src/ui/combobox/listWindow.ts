/**
 * Virtualising a list of fixed-height rows: only the rows in view (and a few either side) are in
 * the page, so a list of 2 000 endpoints opens as fast as one of ten. Rows of one height make
 * this two divisions, so no library is needed (@tanstack/react-virtual measures rows of any
 * height, at ~11 KB gzip on the first load).
 */

/** The rows `[start, end)` a viewport shows at `scrollTop`, with `overscan` rows either side. */
export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 4,
): { readonly start: number; readonly end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + viewportHeight) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/** The `scrollTop` that shows row `index` whole, scrolling as little as possible. */
export function scrollToRow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}
