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

/**
 * Whether `nestingBound(text)` could pass `max`; `false` for most manifests, which then need no
 * scan. The scan's count is at most twice the longest line (block levels have distinct keys below
 * twice its length, nesting-levels.ts) plus what single characters open: a `[` or `{` one level, a
 * `:` one and a `-` or `?` before white space two (inside flow collections), or without flow
 * collections only a `:` before white space or after a quote (`"a": b`) and a `-` or `?` before
 * white space, one each. Counted over the whole text, quotes and comments included: an upper
 * bound, in one pass of `indexOf`s.
 */
export function mayNestDeeperThan(text: string, max: number): boolean {
  let longest = 0;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  const brackets = count(text, '[', () => true) + count(text, '{', () => true);
  const flow = brackets > 0;
  const colons = count(text, ':', (at) => flow || isBlankAfter(text, at) || isAfterQuote(text, at));
  const indicators = count(text, '-', (at) => isBlankAfter(text, at)) + count(text, '?', (at) => isBlankAfter(text, at));
  return 2 * longest + brackets + colons + (flow ? 2 : 1) * indicators > max;
}

/** How many times `char` occurs in `text` where `counts`. */
function count(text: string, char: string, counts: (at: number) => boolean): number {
  let found = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) if (counts(at)) found++;
  return found;
}

/** White space, a carriage return, a line end or the end of the text after `at`. */
function isBlankAfter(text: string, at: number): boolean {
  const next = text.charCodeAt(at + 1);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 13 || next === 10;
}

/** A quote before `at`, white space between them allowed. */
function isAfterQuote(text: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t' || text[before] === '\r')) before--;
  return text[before] === '"' || text[before] === "'";
}
