/**
 * Share links: the whole work — text and layout — inside the URL's fragment, which browsers never
 * send to a server. The fragment is `#share-v1=` and base64url(gzip(JSON {text, positions})), plus
 * `lesson` (a lesson id) when the link opens a lesson: an instructor shares a lesson with the text
 * the class starts from. Links without it are the links of before; an older app opens a lesson
 * link as plain work.
 *
 * gzip, through the browser's own CompressionStream: no library, and links come out about 40%
 * shorter than lz-string's on our examples. Its CRC-32 and length trailer matter as much: a link
 * that a chat tool cut short or mangled fails to open, and is never read as some other text.
 *
 * The text goes as JSON, so it comes back as the very same string (every code point, the line
 * endings the editor holds, even a lone surrogate), hence the same UTF-8 bytes when downloaded.
 */
import { isLessonId } from '../lessonProgress';
import type { Work, XY } from './types';

/** The share fragment of this version. */
export const SHARE_PREFIX = '#share-v1=';
const ANY_SHARE_FRAGMENT = /^#share-v(\d+)=/;

/**
 * The longest link we call reliable. RFC 9110 §4.1 recommends that everything handling URIs
 * supports at least 8000 octets; browsers take far more, but chat tools and mail clients that
 * shorten, wrap or cut links are the weak part.
 */
export const RELIABLE_LINK_CHARS = 8000;

/** Guards against a small link that unpacks into gigabytes: far above what the model accepts. */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** Why a share link could not be opened. */
export type LinkProblem = 'damaged' | 'newer-version' | 'too-large';

/** What a link holds: the work, and the lesson it opens in, if any. */
export interface SharedWork {
  readonly work: Work;
  readonly lesson?: string;
}

export type OpenedLink = SharedWork | { readonly problem: LinkProblem };

/** The link to `base` (the app's address, without fragment) that opens `work`, in `lesson` if given. */
export async function shareLink({ work, lesson }: SharedWork, base: string): Promise<string> {
  const json = JSON.stringify({ text: work.text, positions: work.positions, ...(lesson !== undefined && { lesson }) });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('gzip'), Infinity);
  return `${base}${SHARE_PREFIX}${toBase64Url(packed!)}`;
}

/** The work a fragment holds; null when the fragment is not a share link at all. */
export async function openShareFragment(fragment: string): Promise<OpenedLink | null> {
  const version = ANY_SHARE_FRAGMENT.exec(fragment);
  if (!version) return null;
  if (!fragment.startsWith(SHARE_PREFIX)) return { problem: Number(version[1]) > 1 ? 'newer-version' : 'damaged' };
  const bytes = fromBase64Url(fragment.slice(SHARE_PREFIX.length));
  if (!bytes || bytes.length === 0) return { problem: 'damaged' };
  let unpacked: Uint8Array | null;
  try {
    unpacked = await pipe(bytes, new DecompressionStream('gzip'), MAX_UNPACKED_BYTES);
  } catch {
    return { problem: 'damaged' };
  }
  if (!unpacked) return { problem: 'too-large' };
  try {
    return toShared(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(unpacked))) ?? { problem: 'damaged' };
  } catch {
    return { problem: 'damaged' };
  }
}

/** Runs bytes through a (de)compression stream; null when the output passes `limit` bytes. */
async function pipe(input: Uint8Array, transform: GenericTransformStream, limit: number): Promise<Uint8Array | null> {
  const stream = new Blob([input as BlobPart]).stream().pipeThrough(transform as ReadableWritablePair<Uint8Array, Uint8Array>);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    length += chunk.value.length;
    if (length > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(chunk.value);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toShared(value: unknown): SharedWork | null {
  const { text, positions, lesson } = (value ?? {}) as { text?: unknown; positions?: unknown; lesson?: unknown };
  if (typeof text !== 'string' || typeof positions !== 'object' || positions === null) return null;
  // The id names a file to fetch: a mangled one means a mangled link.
  if (lesson !== undefined && !isLessonId(lesson)) return null;
  const entries = Object.entries(positions as Record<string, unknown>);
  if (!entries.every(([, p]) => isXY(p))) return null;
  const work = { text, positions: Object.fromEntries(entries) as Record<string, XY> };
  return lesson === undefined ? { work } : { work, lesson };
}

function isXY(value: unknown): value is XY {
  const p = value as Partial<XY> | null;
  return typeof p === 'object' && p !== null && Number.isFinite(p.x) && Number.isFinite(p.y);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes arguments: chunks keep the call under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
