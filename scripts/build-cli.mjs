// Bundles a Node entry into one file (default: the CLI to dist/cli.mjs; the benchmark passes its
// own entry). `yaml` is bundled from its browser build, the one the app runs: the same code reads
// the same text in both, and its Node build looks up `process.env.LOG_TOKENS` once per token
// (about a fifth of the parse time of a large file). Its browser build is ES modules, so the
// bundle needs no `require` shim.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const [entry = 'src/cli/main.ts', outfile = 'dist/cli.mjs'] = process.argv.slice(2);
const yamlBrowserBuild = join(dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser/index.js');

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  alias: { yaml: yamlBrowserBuild },
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
