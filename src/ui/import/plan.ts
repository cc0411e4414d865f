/** What the text becomes when files are imported: replacing it, or added after it. */
import { MAX_INPUT_CHARS } from '../../model';
import { megabytes } from './screen';

export type ImportMode = 'replace' | 'add';

/** The new text, or how large it would be when that is over the model's limit. */
export type ImportPlan = { readonly text: string } | { readonly tooLarge: number };

/**
 * The text after importing `joined` (from `joinFiles`, so it starts with `---`): the joined
 * files alone, or the current text followed by them. Adding to a blank text is replacing it. A
 * text over the model's limit would be refused whole by the parser, emptying the graph, so it is
 * refused here instead and nothing changes.
 */
export function planImport(current: string, joined: string, mode: ImportMode): ImportPlan {
  const text = mode === 'replace' || current.trim() === '' ? joined : `${withFinalNewline(current)}${joined}`;
  return text.length <= MAX_INPUT_CHARS ? { text } : { tooLarge: megabytes(text.length) };
}

const withFinalNewline = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);
