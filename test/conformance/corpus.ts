/**
 * Access to ../shared/conformance/netpol-analyzer: a real-world corpus with the connectivity
 * that np-guard's analyser computed. Absent on machines without ../shared: callers skip.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ManifestInput } from '../../src/model';

export const CORPUS_DIR = resolve(__dirname, '../../../shared/conformance/netpol-analyzer');

export interface CorpusCase {
  readonly id: string;
  readonly path: string;
  readonly category: 'plain' | 'ingress' | 'anp' | 'cnp';
  readonly note: string;
  /** A harness skips these (none is, today). */
  readonly excluded?: boolean;
}

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, 'cases.json'));
}

export function corpusCases(): CorpusCase[] {
  return (JSON.parse(readFileSync(join(CORPUS_DIR, 'cases.json'), 'utf8')) as { cases: CorpusCase[] }).cases;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.(ya?ml|json)$/i.test(e.name) ? [join(dir, e.name)] : []));
}

export function caseInputs(testCase: CorpusCase): ManifestInput[] {
  const dir = join(CORPUS_DIR, testCase.path, 'input');
  return filesUnder(dir).map((file) => ({ file: relative(dir, file), text: readFileSync(file, 'utf8') }));
}

export function caseExpected(testCase: CorpusCase): string {
  return readFileSync(join(CORPUS_DIR, testCase.path, 'expected.txt'), 'utf8');
}
