// Bundles a Node entry into one file (default: the CLI to dist/cli.mjs; the benchmark passes its
// own entry). `yaml` is bundled from its browser build, the one the app runs: the same code reads
// the same text in both, and its Node build looks up `process.env.LOG_TOKENS` once per token
// (about a fifth of the parse time of a large file). Its browser build is ES modules, so the
// bundle needs no `require` shim.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const [entry = 'src/cli/main.ts', outfile = 'dist/cli.mjs'] = process.argv.slice(2);
const yamlBrowserBuild = fileURLToPath(new URL('../node_modules/yaml/browser/index.js', import.meta.url));

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
