/**
 * Bounds that keep hostile or accidental input from hanging or crashing the page (file size,
 * binary content, nesting depth, alias expansion), each reported as one diagnostic; and the cap
 * on syntax errors that keeps one typo from flooding the problems list.
 */
import type { Diagnostic } from './source';
import { leftOut, say } from './messages';

/** Largest accepted input, in UTF-16 code units (about 20 MB of ASCII). */
export const MAX_INPUT_CHARS = 20 * 1024 * 1024;

/**
 * Deepest accepted nesting (block levels plus open flow brackets, see nesting.ts). Kubernetes
 * objects rarely pass 30; the `yaml` package recurses per level (its stack runs out near 800 in
 * Node), and V8 can abort the whole process (not throw) when it compiles a regular expression close
 * to the stack limit, so we stop long before.
 */
export const MAX_NESTING = 256;

/**
 * Passed to the `yaml` package's `toJS({ maxAliasCount })`, its alias-bomb guard: roughly the
 * number of alias expansions, counting those inside expanded anchors. Ordinary reuse (one peer
 * aliased in a few hundred rules) stays far below; a "billion laughs" passes it at its sixth level.
 */
export const MAX_ALIAS_COUNT = 10_000;

/**
 * The most tree nodes that aliases may expand into in one document. The count above lets a large
 * anchor be aliased thousands of times; this bounds what that builds.
 */
export const MAX_ALIAS_NODES = 1_000_000;

/** Syntax errors reported per document; one more diagnostic says how many were left out. */
export const MAX_SYNTAX_ERRORS = 5;

/** How much of the text is sampled for control characters when deciding it is binary. */
const BINARY_SAMPLE = 8192;

/** Why a whole input is refused: one diagnostic replaces all others for it. */
export type Refusal = Pick<Diagnostic, 'severity' | 'code' | 'message'>;

/**
 * Checks a whole input before it is split: too large, or not text. `undefined` when the text
 * can be parsed.
 */
export function screenInput(text: string): Refusal | undefined {
  if (text.length > MAX_INPUT_CHARS) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return {
      severity: 'error',
      code: 'input-too-large',
      message: `${say.tooLarge(mb, MAX_INPUT_CHARS / 1024 / 1024)} — ${leftOut.input}`,
    };
  }
  if (looksBinary(text)) return { severity: 'error', code: 'binary-input', message: `${say.binary} — ${leftOut.input}` };
  return undefined;
}

/** NUL anywhere, or more than 1 in 20 sampled characters being controls or U+FFFD (bad UTF-8). */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, BINARY_SAMPLE);
  const odd = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return odd * 20 > sample.length;
}
