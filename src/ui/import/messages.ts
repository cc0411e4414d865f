/** The import's sentences: why a file is not opened, and why a choice is not offered. */
import { MAX_INPUT_CHARS } from '../../model';
import type { ImportMode } from './plan';
import { megabytes, type FileRefusal } from './screen';

/** Rounded up, so a size just over the limit does not read as the limit itself. */
const size = (mb: number): string =>
  `${(Math.ceil(mb * 10) / 10).toFixed(1)} MB, more than the ${megabytes(MAX_INPUT_CHARS)} MB limit`;

/** Why a file is not opened, after its name. */
export function refusalReason(refusal: FileRefusal): string {
  switch (refusal.kind) {
    case 'too-large':
      return `it is ${size(refusal.megabytes)}`;
    case 'binary':
      return 'it is not text (it holds NUL or other control bytes), so it is not YAML or JSON';
    case 'not-manifest':
      return 'it is not YAML or JSON (its name does not end in .yaml, .yml or .json, and it has no top-level kind)';
    case 'unreadable':
      return 'the browser could not read it (a folder cannot be opened; open the files in it instead)';
  }
}

/** Why replacing or adding is not offered: the text it makes is over the limit. */
export function tooLargeReason(mode: ImportMode, mb: number): string {
  return mode === 'replace'
    ? `Replacing, the new text would be ${size(mb)}.`
    : `Added to the current text, the new text would be ${size(mb)}.`;
}
