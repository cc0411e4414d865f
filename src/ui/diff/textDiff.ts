/**
 * One text against another as a unified diff — hunks of changed lines with three lines of context,
 * each line marked added, removed or kept — computed by jsdiff (`diff`, Myers' algorithm, the one
 * `git diff` defaults to). A lesson's solution against the student's text; a planned change
 * against the editor's text (the Review change dialog).
 */
import { structuredPatch } from 'diff';

export type DiffLineKind = 'added' | 'removed' | 'context';

export interface DiffLine {
  readonly kind: DiffLineKind;
  readonly text: string;
  /** 1-based line in the text before (removed and context lines): where the editor shows it. */
  readonly oldLine?: number;
  /** 1-based line in the text after (added and context lines). */
  readonly newLine?: number;
}

export interface DiffHunk {
  /** `@@ -12,4 +12,9 @@`, as unified diffs head a hunk. */
  readonly header: string;
  readonly lines: readonly DiffLine[];
}

/** Lines of context around each change, as `diff -u` and `git diff` show. */
const CONTEXT_LINES = 3;

/**
 * Beyond this many edits the diff is not computed (the cost grows with their square): texts that
 * far apart are better replaced than read line by line.
 */
const MAX_EDITS = 2000;

/** A final newline or its absence is no difference worth showing. */
const withFinalNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

/** The hunks that turn `before` into `after`: none when they are the same; null when they differ too much to show. */
export function textDiff(before: string, after: string): DiffHunk[] | null {
  const patch = structuredPatch('before', 'after', withFinalNewline(before), withFinalNewline(after), undefined, undefined, {
    context: CONTEXT_LINES,
    maxEditLength: MAX_EDITS,
  });
  if (!patch) return null;
  return patch.hunks.map((hunk) => {
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    const lines = hunk.lines.map((line): DiffLine => {
      const text = line.slice(1);
      if (line.startsWith('+')) return { kind: 'added', text, newLine: newLine++ };
      if (line.startsWith('-')) return { kind: 'removed', text, oldLine: oldLine++ };
      return { kind: 'context', text, oldLine: oldLine++, newLine: newLine++ };
    });
    return { header: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, lines };
  });
}

/** Where a hunk is in the text before, which the editor shows: `Lines 8–10 of your text`. */
export function hunkTitle(hunk: DiffHunk, textName = 'your text'): string {
  const numbers = hunk.lines.flatMap((l) => (l.oldLine === undefined ? [] : [l.oldLine]));
  if (numbers.length === 0) return `${textName[0]!.toUpperCase()}${textName.slice(1)} is empty`;
  const [first, last] = [numbers[0]!, numbers.at(-1)!];
  return first === last ? `Line ${first} of ${textName}` : `Lines ${first}–${last} of ${textName}`;
}

/** `2 lines`, `1 line`: how many lines of `kind` the hunks hold. */
export function linesOf(hunks: readonly DiffHunk[], kind: DiffLineKind): string {
  const n = hunks.reduce((sum, h) => sum + h.lines.filter((l) => l.kind === kind).length, 0);
  return `${n} line${n === 1 ? '' : 's'}`;
}
