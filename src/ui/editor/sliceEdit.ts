/**
 * A large text into the editor in slices, one task each, as one undo step. Monaco applies an edit
 * in one go, and at 191 000 lines (a 4.4 MB cluster opened or pasted) one edit was a main-thread
 * task of 0.25–0.3 s of CPU: the piece tree, then every listener of the change (tokenization
 * state, the bracket tree, the view's lines) over the whole text. Slices of SLICE_CHARS keep each
 * task short; the page paints in between. A text of one slice is applied at once, as before.
 */
import type * as Monaco from 'monaco-editor';

/**
 * About this many characters per slice: ~11 000 lines of the generated cluster, ~50 ms of Monaco's
 * work measured on a busy two-core machine (it is per line: ~4.5 µs). 18 slices for 4.4 MB.
 */
export const SLICE_CHARS = 256 * 1024;

/** `text` cut into pieces of about `size` characters, each but the last ending with a line break. */
export function slices(text: string, size = SLICE_CHARS): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    const lineEnd = text.indexOf('\n', start + size - 1);
    if (lineEnd < 0) break;
    pieces.push(text.slice(start, lineEnd + 1));
    start = lineEnd + 1;
  }
  if (start < text.length || pieces.length === 0) pieces.push(text.slice(start));
  return pieces;
}

export interface SliceEdit {
  /** Stops after the slice being applied: what is in the model stays (a newer text replaces it). */
  cancel(): void;
}

/**
 * Replaces `range` of the model with `text`, one slice per task, the first at once. While slices
 * remain the editor is read-only (a keystroke would land in a half-written text). `done` gets the
 * range the text now fills. The slices form one undo step: nothing closes the edit stack
 * element between them, and it is closed before the first and after the last.
 * Returns the edit in progress, or undefined when the text went in at once (`done` was called).
 */
export function replaceInSlices(
  editor: Monaco.editor.IStandaloneCodeEditor,
  range: Monaco.IRange,
  text: string,
  done: (filled: Monaco.IRange) => void,
): SliceEdit | undefined {
  const model = editor.getModel()!;
  const pieces = slices(text);
  const before = editor.getSelections();
  const inSlices = pieces.length > 1;
  let target: Monaco.IRange = range;
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  const end = () => {
    ended = true;
    if (inSlices) editor.updateOptions({ readOnly: false });
  };
  const close = () => {
    model.pushStackElement();
    end();
    const { startLineNumber, startColumn } = range;
    done({ startLineNumber, startColumn, endLineNumber: target.startLineNumber, endColumn: target.startColumn });
  };
  const step = () => {
    model.pushEditOperations(before, [{ range: target, text: pieces[next++]! }], ([inserted]) => {
      const { endLineNumber, endColumn } = inserted!.range;
      target = { startLineNumber: endLineNumber, startColumn: endColumn, endLineNumber, endColumn };
      return null;
    });
    if (next < pieces.length) timer = setTimeout(step);
    // Closing the undo step copies the whole text into it (~30 ms at 4.4 MB): a task of its own.
    else if (inSlices) timer = setTimeout(close);
    else close();
  };
  if (inSlices) editor.updateOptions({ readOnly: true });
  model.pushStackElement();
  step();
  if (ended) return undefined;
  return {
    cancel() {
      if (ended) return;
      clearTimeout(timer);
      end();
    },
  };
}
