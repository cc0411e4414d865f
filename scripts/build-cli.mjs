// Bundles a Node entry into one file (default: the CLI to dist/cli.mjs; the benchmark passes its
// own entry). `yaml`'s Node entry is CommonJS, hence the require banner.
import { build } from 'esbuild';

const [entry = 'src/cli/main.ts', outfile = 'dist/cli.mjs'] = process.argv.slice(2);

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
