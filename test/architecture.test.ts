/**
 * The shape of src/, enforced (STYLE.md habit 1; each folder's README says what it may import).
 *
 * Import boundaries, our stand-in for an eslint `no-restricted-imports` rule:
 * - src/engine is pure TypeScript: no React, react-dom, Monaco, monaco-yaml, zustand, @xyflow,
 *   `yaml`, and nothing from src/ui, src/store or src/cli;
 * - src/model knows `yaml` but not React, Monaco, zustand, @xyflow, nor src/engine, src/ui,
 *   src/store, src/cli;
 * - src/store knows the model, the engine and zustand, and React in `react.ts` only; not
 *   react-dom, Monaco, @xyflow, src/ui or src/cli (the UI depends on the store, never the reverse);
 * - src/cli knows node, the model and the engine; not React, Monaco, zustand, @xyflow, src/ui or
 *   src/store;
 * - src/plans (the YAML edits graph gestures write) knows the model, `yaml` and the engine, which
 *   judges every edit; not React, Monaco, zustand, @xyflow, src/ui, src/store or src/cli. Neither
 *   the model nor the engine knows it.
 * And no import cycles anywhere in src/.
 *
 * Type-only imports count too: the boundary is about what a folder may know. The checkers
 * (`architecture/*.ts`) are themselves tested on synthetic trees, so this file cannot pass
 * vacuously.
 */
import { appendFileSync, cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { violations, type Rule } from './architecture/boundaries';
import { findCycles, importGraph } from './architecture/cycles';
import { sourceFiles } from './architecture/imports';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const RULES: readonly Rule[] = [
  {
    folder: 'src/engine',
    packages: ['react', 'react-dom', 'monaco-editor', 'monaco-yaml', 'zustand', 'yaml'],
    scopes: ['@xyflow'],
    folders: ['src/ui', 'src/store', 'src/cli', 'src/plans'],
    // The model's parsing reaches `yaml`; only its import-free type and text modules are shared.
    pureOnly: { folder: 'src/model', modules: ['types', 'source', 'address-text'] },
  },
  {
    folder: 'src/model',
    packages: ['react', 'react-dom', 'monaco-editor', 'monaco-yaml', 'zustand'],
    scopes: ['@xyflow'],
    folders: ['src/engine', 'src/ui', 'src/store', 'src/cli', 'src/plans'],
  },
  {
    folder: 'src/store',
    // Nothing in the store renders, so no react-dom; React itself only for the hooks of react.ts.
    packages: ['react-dom', 'monaco-editor', 'monaco-yaml'],
    scopes: ['@xyflow'],
    folders: ['src/ui', 'src/cli'],
    onlyIn: { packages: ['react'], files: ['src/store/react.ts'] },
  },
  {
    folder: 'src/cli',
    packages: ['react', 'react-dom', 'monaco-editor', 'monaco-yaml', 'zustand'],
    scopes: ['@xyflow'],
    folders: ['src/ui', 'src/store'],
  },
  {
    folder: 'src/plans',
    // Plans are data in, data out: the store applies them, the UI asks for them, never the reverse.
    packages: ['react', 'react-dom', 'monaco-editor', 'monaco-yaml', 'zustand'],
    scopes: ['@xyflow'],
    folders: ['src/ui', 'src/store', 'src/cli'],
  },
];

/** A fresh temporary folder, removed after the suite, and a writer of files under it. */
function syntheticTree(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  return { root, write };
}

describe('import boundaries of src/engine, src/model, src/store, src/cli and src/plans', () => {
  it('no folder imports anything it must not', () => {
    for (const rule of RULES) {
      expect(sourceFiles(join(REPO, rule.folder)).length, `${rule.folder} has no sources yet`).toBeGreaterThan(0);
    }
    expect(violations(REPO, RULES)).toEqual([]);
  });
});

describe('the boundary checker itself', () => {
  const { root, write } = syntheticTree('arch-');
  write('src/engine/ok.ts', "import type { Cidr } from '../model/types';\nimport { x } from './local';\n// import React from 'react'\n/** import 'zustand' */\n");
  write('src/engine/bad1.ts', "import { parse } from 'yaml';\nimport type { Node } from '@xyflow/react';\nimport { parseManifests } from '../model';\nimport { addressText } from '../model/address-text';\n");
  write('src/engine/sub/bad2.ts', "export { useStore } from '../../store/app';\nconst m = await import('monaco-editor');\n");
  write('src/engine/bad3.tsx', "import {\n  createStore,\n} from 'zustand/vanilla';\nimport 'react-dom/client';\nconst c = require('../cli/main');\n");
  write('src/model/ok.ts', "import { parseDocument } from 'yaml';\nimport type { X } from './types';\n");
  write('src/model/bad.ts', "import type { Analysis } from '../engine/types';\nimport { Editor } from 'monaco-yaml';\nimport React from 'react';\n");
  write('src/store/ok.ts', "import { createStore } from 'zustand/vanilla';\nimport { analyze } from '../engine';\nimport type { Diagnostic } from '../model/source';\n");
  write('src/store/react.ts', "import { useContext } from 'react';\nimport { useStore } from 'zustand';\n");
  write('src/store/bad.ts', "import type { Node } from '@xyflow/react';\nimport { App } from '../ui/app/App';\nimport * as monaco from 'monaco-editor';\nexport { configureMonacoYaml } from 'monaco-yaml';\nimport { useState } from 'react';\nimport { flushSync } from 'react-dom';\nconst run = await import('../cli/run');\n");
  write('src/store/sub/react.ts', "import { createElement } from 'react';\n");
  write('src/cli/ok.ts', "import { readFileSync } from 'node:fs';\nimport { parseManifests } from '../model';\nimport { analyze } from '../engine/index';\n");
  write('src/cli/bad.ts', "import { createAppStore } from '../store/appStore';\nimport type { Theme } from '../ui/app/theme';\nimport { create } from 'zustand';\nimport { jsx } from 'react/jsx-runtime';\nimport type { Edge } from '@xyflow/system';\nconst m = await import('monaco-yaml');\n");
  write('src/plans/ok.ts', "import { isMap } from 'yaml';\nimport { analyze } from '../engine';\nimport { parseManifests } from '../model';\n");
  write('src/plans/bad.ts', "import { createAppStore } from '../store/appStore';\nimport { create } from 'zustand';\nimport type { Node } from '@xyflow/react';\n");
  write('src/model/bad-plans.ts', "import { planAllow } from '../plans';\n");
  write('src/ui/fine.tsx', "import React from 'react';\nimport { analyze } from '../engine';\nimport { useAppState } from '../store/react';\n");

  it('reports every forbidden import, and nothing else', () => {
    expect(violations(root, RULES).sort()).toEqual(
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
        "src/store/bad.ts: @xyflow/react",
        "src/store/bad.ts: ../ui/app/App",
        "src/store/bad.ts: monaco-editor",
        "src/store/bad.ts: monaco-yaml",
        "src/store/bad.ts: react",
        "src/store/bad.ts: react-dom",
        "src/store/bad.ts: ../cli/run",
        // Only src/store/react.ts may import React, not any file of that name.
        "src/store/sub/react.ts: react",
        "src/cli/bad.ts: ../store/appStore",
        "src/cli/bad.ts: ../ui/app/theme",
        "src/cli/bad.ts: zustand",
        "src/cli/bad.ts: react/jsx-runtime",
        "src/cli/bad.ts: @xyflow/system",
        "src/cli/bad.ts: monaco-yaml",
        "src/plans/bad.ts: ../store/appStore",
        "src/plans/bad.ts: zustand",
        "src/plans/bad.ts: @xyflow/react",
        "src/model/bad-plans.ts: ../plans",
      ].sort(),
    );
  });

  it('catches a violation added to a copy of the real tree', () => {
    const copy = mkdtempSync(join(tmpdir(), 'arch-copy-'));
    try {
      for (const f of ['src/engine', 'src/model', 'src/store', 'src/cli', 'src/plans']) {
        cpSync(join(REPO, f), join(copy, f), { recursive: true });
      }
      expect(violations(copy, RULES)).toEqual(violations(REPO, RULES));
      writeFileSync(join(copy, 'src/engine/__violation.ts'), "import { create } from 'zustand';\n");
      writeFileSync(join(copy, 'src/model/__violation.ts'), "export * from '../engine/index';\n");
      writeFileSync(join(copy, 'src/store/__violation.ts'), "import { App } from '../ui/app/App';\n");
      writeFileSync(join(copy, 'src/cli/__violation.ts'), "import { useAppState } from '../store/react';\n");
      expect(violations(copy, RULES)).toEqual(
        expect.arrayContaining([
          'src/engine/__violation.ts: zustand',
          'src/model/__violation.ts: ../engine/index',
          'src/store/__violation.ts: ../ui/app/App',
          'src/cli/__violation.ts: ../store/react',
        ]),
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('import cycles in src/', () => {
  it('no module of src/ imports itself, directly or through others', () => {
    const graph = importGraph(REPO);
    expect([...graph.values()].flat().length, 'no import in src/ resolved to a file').toBeGreaterThan(0);
    expect(findCycles(graph)).toEqual([]);
  });
});

describe('the cycle finder itself', () => {
  const { root, write } = syntheticTree('arch-cycles-');
  // Through an index file, a .tsx file and a type-only import.
  write('tangled/src/a/index.ts', "export * from './one';\nimport './style.css';\n");
  write('tangled/src/a/one.ts', "import type { Two } from './two';\nimport { leaf } from './leaf';\nimport { parse } from 'yaml';\n");
  write('tangled/src/a/two.tsx', "import { one } from '../a';\n");
  write('tangled/src/a/leaf.ts', "// import { one } from './one';\nexport const leaf = 1;\n");
  // Through a `?worker` import and a dynamic import written with `.js`.
  write('tangled/src/b/client.ts', "import Worker from './worker?worker';\n");
  write('tangled/src/b/worker.ts', "const { answer } = await import('./client.js');\n");
  write('tangled/src/c/self.ts', "export type { Self } from './self';\n");
  // Two cycles through one file: both are reported, not one per tangle.
  write('tangled/src/d/hub.ts', "import { left } from './left';\nimport { right } from './right';\n");
  write('tangled/src/d/left.ts', "import type { Hub } from './hub';\n");
  write('tangled/src/d/right.ts', "export { hub } from './hub';\n");
  // Only src/ is the graph: a loop through a file outside it, or a missing file, is no cycle.
  write('tangled/src/e/out.ts', "import { back } from '../../outside';\nimport { gone } from './gone';\n");
  write('tangled/outside.ts', "import { out } from './src/e/out';\n");

  write('acyclic/src/top.ts', "import { left } from './left';\nimport { right } from './right/index';\nimport url from './bottom?url';\nimport React from 'react';\n");
  write('acyclic/src/left.tsx', "import type { Bottom } from './bottom';\n");
  write('acyclic/src/right/index.ts', "export * from '../bottom';\nimport { left } from 'left';\n");
  write('acyclic/src/bottom.ts', "// import { top } from './top';\n/* export * from './left' */\nexport const bottom = 1;\n");

  it('reports each cycle, from its least file name', () => {
    expect(findCycles(importGraph(join(root, 'tangled')))).toEqual([
      'src/a/index.ts → src/a/one.ts → src/a/two.tsx → src/a/index.ts',
      'src/b/client.ts → src/b/worker.ts → src/b/client.ts',
      'src/c/self.ts → src/c/self.ts',
      'src/d/hub.ts → src/d/left.ts → src/d/hub.ts',
      'src/d/hub.ts → src/d/right.ts → src/d/hub.ts',
    ]);
  });

  it('resolves every import of an acyclic tree, and reports no cycle in it', () => {
    const graph = importGraph(join(root, 'acyclic'));
    expect(Object.fromEntries(graph)).toEqual({
      'src/bottom.ts': [],
      'src/left.tsx': ['src/bottom.ts'],
      'src/right/index.ts': ['src/bottom.ts'],
      'src/top.ts': ['src/bottom.ts', 'src/left.tsx', 'src/right/index.ts'],
    });
    expect(findCycles(graph)).toEqual([]);
  });

  it('finds a cycle added to a copy of the real tree', () => {
    const copy = mkdtempSync(join(tmpdir(), 'arch-copy-'));
    try {
      cpSync(join(REPO, 'src'), join(copy, 'src'), { recursive: true });
      const before = findCycles(importGraph(copy));
      expect(before).toEqual(findCycles(importGraph(REPO)));
      appendFileSync(join(copy, 'src/engine/index.ts'), "\nexport * from './__cycle';\n");
      writeFileSync(join(copy, 'src/engine/__cycle.ts'), "import type { Analysis } from '.';\n");
      expect(findCycles(importGraph(copy))).toEqual(
        [...before, 'src/engine/__cycle.ts → src/engine/index.ts → src/engine/__cycle.ts'].sort(),
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
