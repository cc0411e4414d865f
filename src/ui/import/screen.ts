/**
 * Which files may be imported. The model's own limits (size, binary) are applied to each file
 * before the editor gets any of it, so a refused file changes nothing, and its name or its text
 * must say it is a manifest.
 */
import { MAX_INPUT_CHARS, screenInput } from '../../model';
import type { NamedText } from './join';

/** Why one file is not imported; `messages.ts` words it. */
export type FileRefusal =
  | { readonly kind: 'too-large'; readonly megabytes: number }
  | { readonly kind: 'binary' }
  | { readonly kind: 'not-manifest' }
  | { readonly kind: 'unreadable' };

/** A file that may be imported (its text), or one that may not (why). */
export type ScreenedFile = NamedText | RefusedFile;

export interface RefusedFile {
  readonly name: string;
  readonly refusal: FileRefusal;
}

export const isRefused = (file: ScreenedFile): file is RefusedFile => 'refusal' in file;

/** Sizes in messages are in megabytes of 2^20 bytes, or of UTF-16 code units as the model counts. */
export const megabytes = (units: number): number => units / (1024 * 1024);

/**
 * A UTF-16 code unit takes at most 3 bytes of UTF-8 (an invalid byte decodes to one U+FFFD), so
 * a file of more bytes than this always decodes to more than MAX_INPUT_CHARS: it is refused
 * unread rather than pulled into memory first.
 */
export const MAX_FILE_BYTES = 3 * MAX_INPUT_CHARS;

/** Names that say YAML or JSON: the ones the CLI reads from a directory. */
const MANIFEST_NAME = /\.(?:ya?ml|json)$/i;

/** A top-level `kind` key, in YAML (`kind: List`) or JSON (`"kind": "List"`). */
const KIND_KEY = /^kind[ \t]*:|"kind"\s*:/m;

/** Refuses a file by its size alone, before it is read. */
export function screenFileSize(bytes: number): FileRefusal | undefined {
  return bytes > MAX_FILE_BYTES ? { kind: 'too-large', megabytes: megabytes(bytes) } : undefined;
}

/**
 * Refuses a file's text: over the model's size limit, binary, or not a manifest. A name ending
 * in .yaml, .yml or .json is enough (an empty or half-written file opens); any other name (a
 * `kubectl get -o yaml > pods.txt`) needs a top-level `kind` in the text, so a README does not.
 */
export function screenFileText(name: string, text: string): FileRefusal | undefined {
  const refusal = screenInput(text);
  if (refusal?.code === 'input-too-large') return { kind: 'too-large', megabytes: megabytes(text.length) };
  if (refusal) return { kind: 'binary' };
  if (!MANIFEST_NAME.test(name) && !KIND_KEY.test(text)) return { kind: 'not-manifest' };
  return undefined;
}
