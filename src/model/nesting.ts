/**
 * A bound of how deeply a YAML (or JSON) text nests, found by one pass over its characters without
 * parsing it, so that absurd nesting is refused at once: the `yaml` package's parser needs about
 * 10 µs per level, so 20 MB of `[` would hang the page for minutes. (The exact guard against the
 * composer's recursion is a measure of the parsed syntax tree, in yaml.ts.)
 *
 * The bound counts block levels and flow collections open at a point:
 * - a block level is a distinct, increasing indentation on a stack, as YAML reads them: every
 *   `- `, `? ` or `: ` that starts a line opens one at its column (`- - x` is two lists), the
 *   content after them another; a line closes the levels indented more than it is;
 * - each `[` and `{` opens one; so do constructs that YAML rejects but the `yaml` package still
 *   builds: `a: b: c` on one line, `a: ? b`, `[a: b: c]`, `[- a]`.
 * Blank lines, comments, quoted strings and the bodies of block scalars (`|`, `>`) open nothing.
 *
 * For YAML and JSON as people write them the bound is at least the real depth and close to it
 * (limits.test.ts checks both on random documents). Where the scan cannot tell cheaply it
 * overestimates, except in syntax errors crafted to make it read a quote or block scalar that
 * the parser does not: those are caught by the exact guard, only later. What it must get right
 * are the places where YAML reads plain text and a naive scan would see structure, and the other
 * way round: a quote starts a quoted string only where a value starts; a quoted string or block
 * scalar ends at the first line indented no more than its parent; a line that continues a plain
 * (unquoted) scalar starts no quote.
 *
 * nesting-scanner.ts reads the tokens line by line; nesting-levels.ts counts what they open.
 */
import { NestingScanner } from './nesting-scanner';

export interface NestingBound {
  /** At least the deepest nesting of collections in the text. */
  readonly depth: number;
  /** Where `depth` is reached (0-based offset into the text). */
  readonly offset: number;
}

/**
 * Scans `text` once, in linear time. Stops as soon as the bound passes `stopAbove`, so `offset`
 * is then where the limit was passed.
 */
export function nestingBound(text: string, stopAbove = Infinity): NestingBound {
  const scanner = new NestingScanner(text, stopAbove);
  const { open } = scanner;
  for (let pos = 0; pos < text.length && !open.stopped;) {
    const newline = text.indexOf('\n', pos);
    const end = newline < 0 ? text.length : newline;
    scanner.scanLine(pos, end);
    pos = end + 1;
  }
  return { depth: open.depth, offset: open.offset };
}
