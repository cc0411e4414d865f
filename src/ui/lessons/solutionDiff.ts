/**
 * "Show solution": the student's text against the lesson's solution as a unified diff — hunks of
 * changed lines with three lines of context, each line marked added, removed or kept — computed
 * by jsdiff (`diff`, Myers' algorithm, the one `git diff` defaults to).
 */
import { structuredPatch } from 'diff';

export type DiffLineKind = 'added' | 'removed' | 'context';

export interface DiffLine {
  readonly kind: DiffLineKind;
  readonly text: string;
  /** 1-based line in the student's text (removed and context lines). */
  readonly oldLine?: number;
  /** 1-based line in the solution (added and context lines). */
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
 * Beyond this many edits the diff is not computed (the cost grows with their square): a text that
 * far from the solution is better replaced than read line by line.
 */
const MAX_EDITS = 2000;

/** A final newline or its absence is no difference worth showing a student. */
const withFinalNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

/** The hunks that turn `current` into `solution`: none when they are the same; null when they differ too much to show. */
export function solutionDiff(current: string, solution: string): DiffHunk[] | null {
  const patch = structuredPatch('yours', 'solution', withFinalNewline(current), withFinalNewline(solution), undefined, undefined, {
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

/** Where a hunk is in the student's text, which the editor shows: `Lines 8–10 of your text`. */
export function hunkTitle(hunk: DiffHunk): string {
  const numbers = hunk.lines.flatMap((l) => (l.oldLine === undefined ? [] : [l.oldLine]));
  if (numbers.length === 0) return 'Your text is empty';
  const [first, last] = [numbers[0]!, numbers.at(-1)!];
  return first === last ? `Line ${first} of your text` : `Lines ${first}–${last} of your text`;
}

/** What the solution adds and removes, in lines. */
export function diffSummary(hunks: readonly DiffHunk[]): string {
  const count = (kind: DiffLineKind) => hunks.reduce((n, h) => n + h.lines.filter((l) => l.kind === kind).length, 0);
  const lines = (n: number) => `${n} line${n === 1 ? '' : 's'}`;
  return `The solution adds ${lines(count('added'))} and removes ${lines(count('removed'))}.`;
}
