/**
 * Where a value of an object was written: a path of keys and list indexes (as a JSON schema
 * validator reports it) → a range of the object's document.
 */
import type { SourceRange } from '../source';
import type { YNode } from '../tree';

/** Keys of mappings and indexes of lists, from the object's root. */
export type ValuePath = readonly (string | number)[];

/**
 * The range of the value at `path` in `root`. A scalar is pointed at itself; a mapping or list at
 * its key (`spec:`), or at its first line when it has none (a list item, the root), so a problem
 * with a whole collection highlights one line, not fifty. A path that leaves the written text (a
 * required field that is missing, a field the export adds) points at the deepest value on it.
 * `lineEnd(line)` is the column just after the last character of a line of the document.
 */
export function rangeAt(root: YNode, path: ValuePath, lineEnd: (line: number) => number): SourceRange {
  let node = root;
  let keyRange: SourceRange | undefined;
  for (const step of path) {
    const entry = node.type === 'map' ? node.entries.find((e) => e.key === String(step)) : undefined;
    const item = node.type === 'seq' ? node.items[Number(step)] : undefined;
    if (entry) {
      node = entry.value;
      keyRange = entry.keyRange;
    } else if (item) {
      node = item;
      keyRange = undefined;
    } else {
      break;
    }
  }
  // A key with nothing after it (`metadata:`) reads as a null scalar with no text of its own.
  const written = node.type === 'scalar' && !(node.value === null && node.source === '');
  if (written) return node.range;
  return keyRange ?? firstLine(node.range, lineEnd);
}

function firstLine(range: SourceRange, lineEnd: (line: number) => number): SourceRange {
  if (range.startLine === range.endLine) return range;
  return { ...range, endLine: range.startLine, endColumn: lineEnd(range.startLine) };
}
