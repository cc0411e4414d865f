/**
 * Edits as the editor reports them, and as commands write them (write/expectation-edit.ts):
 * replace `length` characters at `offset` by `text`. A batch is ordered so it can be applied in
 * sequence (Monaco sorts a batch from the end of the document).
 * Sending these instead of the whole text keeps a keystroke in a 4 MB document cheap.
 */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let result = text;
  for (const { offset, length, text: inserted } of changes) {
    result = result.slice(0, offset) + inserted + result.slice(offset + length);
  }
  return result;
}
