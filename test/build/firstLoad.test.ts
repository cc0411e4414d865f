/**
 * The first load, checked on a fresh production build made in memory (`vite build` with
 * `write: false`, about 3 s): which Monaco languages are bundled, and how much main-thread
 * JavaScript a first visit fetches before the editor is interactive. `npm run bench:load` measures
 * the same in Chromium; this check reads the bundle, so it needs no browser and no server.
 */
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Gzip budget (zlib's default level) of the main-thread scripts of a first visit. Monaco's core
 * API alone is ~640 kB of it, React, React Flow and the app ~190 kB; the editor features we load
 * (src/ui/editor/monacoFeatures.ts) ~190 kB. The package's full entry, every contribution and 80
 * languages, would add ~90 kB.
 */
const MAIN_THREAD_BUDGET_KB = 1080;

/** Modules the first render imports dynamically, at once: the editor (src/ui/editor/LazyYamlEditor.tsx). */
const LOADED_AT_START = ['/src/ui/editor/YamlEditor.tsx'];

/** Monaco's languages: `basic-languages/<id>/` (tokenizers) and `language/<id>/` (language services). */
const MONACO_LANGUAGE = /\/monaco-editor\/esm\/vs\/(?:basic-languages|language)\/([^/]+)\//;
const ALLOWED_LANGUAGES = new Set(['yaml', 'json']);

type Chunk = Rolldown.OutputChunk;
let chunks: Chunk[];

beforeAll(async () => {
  // Vitest runs with NODE_ENV=test, which would bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const result = await build({
      mode: 'production',
      logLevel: 'silent',
      build: { write: false, reportCompressedSize: false },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    chunks = outputs.flatMap((o) => o.output.filter((c): c is Chunk => c.type === 'chunk'));
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}, 120_000);

/** The chunks a chunk needs before it runs: itself and its static imports, transitively. */
function withStaticImports(start: Chunk, byFile: Map<string, Chunk>, into: Set<Chunk>) {
  if (into.has(start)) return;
  into.add(start);
  for (const file of start.imports) withStaticImports(byFile.get(file)!, byFile, into);
}

describe('the first load', () => {
  it('bundles no Monaco language but YAML (and JSON)', () => {
    const languageOf = (id: string) => MONACO_LANGUAGE.exec(id)?.[1];
    const languages = new Set(chunks.flatMap((c) => c.moduleIds.map(languageOf).filter((l) => l !== undefined)));
    expect([...languages].filter((l) => !ALLOWED_LANGUAGES.has(l))).toEqual([]);
  });

  it(`fetches at most ${MAIN_THREAD_BUDGET_KB} kB (gzip) of main-thread JavaScript before the editor`, () => {
    const byFile = new Map(chunks.map((c) => [c.fileName, c]));
    const first = new Set<Chunk>();
    withStaticImports(chunks.find((c) => c.isEntry)!, byFile, first);
    for (const module of LOADED_AT_START) {
      const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(module));
      expect(chunk, `a chunk for ${module}`).toBeDefined();
      withStaticImports(chunk!, byFile, first);
    }
    const kB = [...first].reduce((sum, c) => sum + gzipSync(c.code).length, 0) / 1000;
    expect(kB).toBeLessThanOrEqual(MAIN_THREAD_BUDGET_KB);
  });
});
