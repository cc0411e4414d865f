/** Files → the bytes of a zip archive (fflate: small, no dependencies, synchronous for a few files). */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { RepoFile } from './repoFiles';

export function zipFiles(files: readonly RepoFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[file.path] = strToU8(file.text);
  return zipSync(entries);
}
