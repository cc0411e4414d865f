/**
 * Reads the CLI's PATH arguments: files as given, directories recursively (*.yaml, *.yml, *.json),
 * `-` for standard input. Unreadable paths become messages, not exceptions.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestInput } from '../model';

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i;

export interface ReadInputs {
  readonly inputs: ManifestInput[];
  readonly problems: string[];
}

/** Manifests below `dir`, sorted; symbolic links are followed, each real directory read once. */
function filesUnder(dir: string, seen = new Set<string>()): string[] {
  const real = realpathSync(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      const stats = statSync(path, { throwIfNoEntry: false });
      if (stats?.isDirectory()) return filesUnder(path, seen);
      return stats?.isFile() && MANIFEST_EXTENSIONS.test(name) ? [path] : [];
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
