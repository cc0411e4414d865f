/**
 * Reading a source tree's imports: the ground shared by the boundary rules (`boundaries.ts`) and
 * the cycle finder (`cycles.ts`). A few regular expressions, not a parser: enough for our own
 * sources, and tested on synthetic trees by `test/architecture.test.ts`.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every module specifier in a TS/JS source: static, re-export, side-effect, dynamic, require. */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  // Drop comments so that a mention in a doc comment is not an import.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]!);
  return out;
}

/** Every TS/JS source file under `dir` (absolute paths); none if `dir` does not exist. */
export function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(m|c)?[tj]sx?$/.test(name) ? [p] : [];
  });
}

/** `path` relative to `root`, with `/` separators: how files are named in reports. */
export function repoPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
