import { describe, expect, it } from 'vitest';
import { scrollToRow, visibleRows } from './listWindow';

describe('visibleRows', () => {
  it('are the rows in view and a few either side, within the list', () => {
    expect(visibleRows(0, 256, 32, 2009, 4)).toEqual({ start: 0, end: 12 });
    expect(visibleRows(3200, 256, 32, 2009, 4)).toEqual({ start: 96, end: 112 });
    // Half a row scrolled: the row half in view is in.
    expect(visibleRows(3216, 256, 32, 2009, 0)).toEqual({ start: 100, end: 109 });
    expect(visibleRows(64_000, 256, 32, 2009, 4)).toEqual({ start: 1996, end: 2009 });
    expect(visibleRows(0, 256, 32, 3, 4)).toEqual({ start: 0, end: 3 });
  });
});

describe('scrollToRow', () => {
  it('scrolls as little as shows the row whole', () => {
    // In view: no scroll.
    expect(scrollToRow(3, 0, 256, 32)).toBe(0);
    // Below: its bottom at the viewport's bottom.
    expect(scrollToRow(8, 0, 256, 32)).toBe(32);
    expect(scrollToRow(2008, 0, 256, 32)).toBe(2009 * 32 - 256);
    // Above: its top at the viewport's top.
    expect(scrollToRow(2, 320, 256, 32)).toBe(64);
  });
});
