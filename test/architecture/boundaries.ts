/**
 * The import-boundary checker: our stand-in for an eslint `no-restricted-imports` rule (STYLE.md
 * habit 1). The rules themselves live in `test/architecture.test.ts`, next to their tests.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { repoPath, sourceFiles, specifiers } from './imports';

export interface Rule {
  /** Folder (relative to the root) whose files are checked. */
  readonly folder: string;
  /** Forbidden bare package names (the package itself and its subpaths). */
  readonly packages: readonly string[];
  /** Forbidden package scopes, e.g. `@xyflow`. */
  readonly scopes: readonly string[];
  /** Forbidden folders (relative to the root) for relative imports. */
  readonly folders: readonly string[];
  /** A folder of which only these pure modules (no extension) may be imported. */
  readonly pureOnly?: { readonly folder: string; readonly modules: readonly string[] };
  /** Packages (and their subpaths) that only these files (relative to the root) may import. */
  readonly onlyIn?: { readonly packages: readonly string[]; readonly files: readonly string[] };
}

/** `file: specifier` for every import that breaks a rule under `root`. */
export function violations(root: string, rules: readonly Rule[]): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    for (const file of sourceFiles(join(root, rule.folder))) {
      const rel = repoPath(root, file);
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.') || spec.startsWith('/')) {
          const target = repoPath(root, resolve(dirname(file), spec));
          if (rule.folders.some((f) => target === f || target.startsWith(`${f}/`))) out.push(`${rel}: ${spec}`);
          const pure = rule.pureOnly;
          if (pure && (target === pure.folder || target.startsWith(`${pure.folder}/`))) {
            const module = target.slice(pure.folder.length + 1).replace(/\.[cm]?[jt]sx?$/, '');
            if (!pure.modules.includes(module)) out.push(`${rel}: ${spec}`);
          }
          continue;
        }
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        const scope = spec.startsWith('@') ? spec.split('/')[0]! : '';
        if (rule.packages.includes(pkg) || rule.scopes.includes(scope)) out.push(`${rel}: ${spec}`);
        const only = rule.onlyIn;
        if (only && only.packages.includes(pkg) && !only.files.includes(rel)) out.push(`${rel}: ${spec}`);
        // `src/...` aliases, should anyone add them.
        if (rule.folders.some((f) => spec === f || spec.startsWith(`${f}/`))) out.push(`${rel}: ${spec}`);
      }
    }
  }
  return out;
}
