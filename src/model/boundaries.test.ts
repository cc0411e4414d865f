import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The model's import rule (see README.md), enforced: `yaml` and its own files, nothing else. */
const dir = new URL('./', import.meta.url);
const sourcesIn = (folder: string) =>
  readdirSync(new URL(folder, dir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `${folder}${f}`);
const sources = sourcesIn('');
/** The writing side (README.md, "Reading and writing"). */
const writeSources = sourcesIn('write/');
const importsOf = (file: string) =>
  [
    ...readFileSync(new URL(file, dir), 'utf8').matchAll(
      /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => m[1]);

describe('src/model imports', () => {
  it.each(sources)('%s imports only yaml and its own files', (file) => {
    const outside = importsOf(file).filter((spec) => spec !== 'yaml' && !/^\.\/[\w.-]+$/.test(spec ?? ''));
    expect(outside).toEqual([]);
  });

  it.each(writeSources)('%s imports only yaml, its own folder and the model', (file) => {
    const outside = importsOf(file).filter((spec) => spec !== 'yaml' && !/^\.\.?\/[\w.-]+$/.test(spec ?? ''));
    expect(outside).toEqual([]);
  });

  it('keeps the engine contract (types.ts, source.ts) free of yaml', () => {
    expect([...importsOf('types.ts'), ...importsOf('source.ts')]).toEqual(['./source']);
  });

  it('keeps address-text.ts, which the engine shares, free of imports', () => {
    expect(importsOf('address-text.ts')).toEqual([]);
  });

  it('keeps yaml inside yaml.ts and yaml-subset.ts (reading) and write/ (writing)', () => {
    expect(sources.filter((f) => importsOf(f).includes('yaml'))).toEqual(['yaml-subset.ts', 'yaml.ts']);
  });
});
