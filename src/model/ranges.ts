/**
 * Offsets in a document's text → the model's ranges (source.ts), for every node and diagnostic
 * the reader makes.
 */
import type { SourceRange } from './source';

export type ToRange = (start: number, end: number) => SourceRange;

/**
 * Offsets → Monaco-style range, trimmed of trailing whitespace. A position past the last
 * character (an error "at the end") moves onto it, so it stays inside its document; an empty
 * range gets one character (the one before it when it sits on whitespace, e.g. the `-` of an
 * empty list item), so editors can show it. `starts`: where each line starts (the `yaml`
 * package's `LineCounter.lineStarts`, filled by its parser before the first range is made).
 */
export function rangeMaker(text: string, starts: readonly number[]): ToRange {
  const contentEnd = text.trimEnd().length;
  // Every node has a range: the look-ups below are LineCounter.linePos without its objects.
  /** The index of the first line start at or after `offset` (linePos's binary search). */
  const search = (offset: number): number => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const lineAt = (offset: number, low: number): number => (starts[low] === offset ? low + 1 : low);
  const columnAt = (offset: number, low: number): number =>
    starts[low] === offset ? 1 : low === 0 ? offset : offset - starts[low - 1]! + 1;
  const make = (start: number, end: number): SourceRange => {
    const from = search(start);
    const to = search(end);
    return {
      startLine: lineAt(start, from),
      startColumn: columnAt(start, from),
      endLine: lineAt(end, to),
      endColumn: columnAt(end, to),
    };
  };
  return (start, end) => {
    const from = Math.max(0, Math.min(start, contentEnd - 1));
    let to = Math.min(end, contentEnd);
    while (to > from && isSpace(text, to - 1)) to--;
    if (to > from) return make(from, to);
    const back = from > 0 && isSpace(text, from) && text[from - 1] !== '\n';
    return back ? make(from - 1, from) : make(from, from + 1);
  };
}

/** `/\s/` at `offset`; printable ASCII, nearly every character of a manifest, answered at once. */
function isSpace(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code > 32 && code < 127 ? false : /\s/.test(text[offset] ?? '');
}
