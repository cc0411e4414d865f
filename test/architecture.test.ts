/**
 * Import boundaries (our stand-in for an eslint `no-restricted-imports` rule; STYLE.md habit 1):
 * - src/engine is pure TypeScript: no React, react-dom, Monaco, monaco-yaml, zustand, @xyflow,
 *   `yaml`, and nothing from src/ui, src/store or src/cli;
 * - src/model knows `yaml` but not React, Monaco, zustand, @xyflow, nor src/engine, src/ui,
 *   src/store, src/cli.
 * Type-only imports count too: the boundary is about what a folder may know.
 * The checker itself is tested on a synthetic tree, so this file cannot pass vacuously.
 */
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Rule {
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
}

const RULES: readonly Rule[] = [
  {
    folder: 'src/engine',
    packages: ['react', 'react-dom', 'monaco-editor', 'monaco-yaml', 'zustand', 'yaml'],
    scopes: ['@xyflow'],
    folders: ['src/ui', 'src/store', 'src/cli'],
    // The model's parsing reaches `yaml`; only its import-free type and text modules are shared.
    pureOnly: { folder: 'src/model', modules: ['types', 'source', 'address-text'] },
  },
  {
    folder: 'src/model',
    packages: ['react', 'react-dom', 'monaco-editor', 'monaco-yaml', 'zustand'],
    scopes: ['@xyflow'],
    folders: ['src/engine', 'src/ui', 'src/store', 'src/cli'],
  },
];

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

function sourceFiles(dir: string): string[] {
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

/** `file: specifier` for every import that breaks a rule under `root`. */
export function violations(root: string, rules: readonly Rule[] = RULES): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    for (const file of sourceFiles(join(root, rule.folder))) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        const rel = relative(root, file).split(sep).join('/');
        if (spec.startsWith('.') || spec.startsWith('/')) {
          const target = relative(root, resolve(dirname(file), spec)).split(sep).join('/');
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
        // `src/...` aliases, should anyone add them.
        if (rule.folders.some((f) => spec === f || spec.startsWith(`${f}/`))) out.push(`${rel}: ${spec}`);
      }
    }
  }
  return out;
}

describe('import boundaries of src/engine and src/model', () => {
  it('the engine and the model import nothing they must not', () => {
    expect(sourceFiles(join(REPO, 'src/engine')).length, 'src/engine has no sources yet').toBeGreaterThan(0);
    expect(violations(REPO)).toEqual([]);
  });
});

describe('the boundary checker itself', () => {
  const root = mkdtempSync(join(tmpdir(), 'arch-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('src/engine/ok.ts', "import type { Cidr } from '../model/types';\nimport { x } from './local';\n// import React from 'react'\n/** import 'zustand' */\n");
  write('src/engine/bad1.ts', "import { parse } from 'yaml';\nimport type { Node } from '@xyflow/react';\nimport { parseManifests } from '../model';\nimport { addressText } from '../model/address-text';\n");
  write('src/engine/sub/bad2.ts', "export { useStore } from '../../store/app';\nconst m = await import('monaco-editor');\n");
  write('src/engine/bad3.tsx', "import {\n  createStore,\n} from 'zustand/vanilla';\nimport 'react-dom/client';\nconst c = require('../cli/main');\n");
  write('src/model/ok.ts', "import { parseDocument } from 'yaml';\nimport type { X } from './types';\n");
  write('src/model/bad.ts', "import type { Analysis } from '../engine/types';\nimport { Editor } from 'monaco-yaml';\nimport React from 'react';\n");
  write('src/ui/fine.tsx', "import React from 'react';\nimport { analyze } from '../engine';\n");

  it('reports every forbidden import, and nothing else', () => {
    expect(violations(root).sort()).toEqual(
      [
        "src/engine/bad1.ts: yaml",
        "src/engine/bad1.ts: @xyflow/react",
        "src/engine/bad1.ts: ../model",
        "src/engine/sub/bad2.ts: ../../store/app",
        "src/engine/sub/bad2.ts: monaco-editor",
        "src/engine/bad3.tsx: zustand/vanilla",
        "src/engine/bad3.tsx: react-dom/client",
        "src/engine/bad3.tsx: ../cli/main",
        "src/model/bad.ts: ../engine/types",
        "src/model/bad.ts: monaco-yaml",
        "src/model/bad.ts: react",
      ].sort(),
    );
  });

  it('catches a violation added to a copy of the real tree', () => {
    const copy = mkdtempSync(join(tmpdir(), 'arch-copy-'));
    try {
      for (const f of ['src/engine', 'src/model']) cpSync(join(REPO, f), join(copy, f), { recursive: true });
      expect(violations(copy)).toEqual(violations(REPO));
      writeFileSync(join(copy, 'src/engine/__violation.ts'), "import { create } from 'zustand';\n");
      writeFileSync(join(copy, 'src/model/__violation.ts'), "export * from '../engine/index';\n");
      expect(violations(copy)).toEqual(
        expect.arrayContaining(['src/engine/__violation.ts: zustand', 'src/model/__violation.ts: ../engine/index']),
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
