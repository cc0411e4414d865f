/**
 * Reads the CLI's PATH arguments: files as given, directories recursively (*.yaml, *.yml, *.json),
 * `-` for standard input. Unreadable paths become messages, not exceptions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestInput } from '../model';

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i;

export interface ReadInputs {
  readonly inputs: ManifestInput[];
  readonly problems: string[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      return entry.isFile() && MANIFEST_EXTENSIONS.test(entry.name) ? [path] : [];
    });
}

export function readInputs(paths: readonly string[], readStdin: () => string): ReadInputs {
  const inputs: ManifestInput[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    try {
      if (path === '-') {
        inputs.push({ file: '<stdin>', text: readStdin() });
        continue;
      }
      const files = statSync(path).isDirectory() ? filesUnder(path) : [path];
      if (files.length === 0) problems.push(`${path}: no *.yaml, *.yml or *.json files in this directory`);
      for (const file of files) inputs.push({ file, text: readFileSync(file, 'utf8') });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String((error as Error).message);
      problems.push(`${path}: ${reason}`);
    }
  }
  return { inputs, problems };
}
