/**
 * Every input of the netpol-analyzer corpus's `anp/` (v1alpha1) and `cnp/` (v1alpha2, derived)
 * cases, read by the model: each cluster policy in it is kept, without an error. Absent on
 * machines without ../shared: skipped with a message, as test/conformance does.
 *
 * The corpus README says which inputs the API server would not take as written, and the model's
 * answer to each: v1alpha1 `pods` selectors without podSelector (135) or namespaceSelector (5),
 * kept with a warning; `nodes` peers (5 in each variant), experimental, kept with a note; and the
 * v1alpha1 namedPort beside a networks peer, which only the experimental CRD has and forbids,
 * kept with a warning (its v1alpha2 rewrite is valid in the standard channel: a note).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifests, splitDocuments } from './index';
import { parseDocument } from './document';
import type { Diagnostic, DocumentId } from './source';

const CORPUS_DIR = resolve(__dirname, '../../../shared/conformance/netpol-analyzer');
const available = existsSync(join(CORPUS_DIR, 'anp')) && existsSync(join(CORPUS_DIR, 'cnp'));
if (!available) {
  console.warn('model: ../shared/conformance/netpol-analyzer is absent on this machine — skipping the anp/ and cnp/ inputs.');
}

const CLUSTER_KIND = /^kind:\s*(ClusterNetworkPolicy|AdminNetworkPolicy|BaselineAdminNetworkPolicy)\s*$/m;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) =>
      e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.(ya?ml|json)$/i.test(e.name) ? [join(dir, e.name)] : [],
    );
}

function cases(category: 'anp' | 'cnp'): { id: string; inputs: { file: string; text: string }[] }[] {
  if (!available) return [];
  const root = join(CORPUS_DIR, category);
  return readdirSync(root)
    .sort()
    .map((id) => {
      const dir = join(root, id, 'input');
      return { id, inputs: filesUnder(dir).map((file) => ({ file: relative(dir, file), text: readFileSync(file, 'utf8') })) };
    });
}

const count = (diagnostics: readonly Diagnostic[], code: string, text?: string) =>
  diagnostics.filter((d) => d.code === code && (text === undefined || d.message.includes(text))).length;

/** The documents of a case that hold cluster policies, each parsed on its own. */
function clusterDocuments(inputs: readonly { text: string }[]) {
  return inputs
    .flatMap(({ text }) => splitDocuments(text))
    .filter((d) => CLUSTER_KIND.test(d.text))
    .map((d) => parseDocument(d.text, 0 as DocumentId));
}

describe.skipIf(!available)('netpol-analyzer corpus: cluster policies', () => {
  describe.each(['anp', 'cnp'] as const)('%s/', (category) => {
    const all = cases(category);

    it.each(all.map((c) => [c.id, c] as const))('%s', (_, { inputs }) => {
      // Each document holding a cluster policy gives exactly one object, without an error.
      const documents = clusterDocuments(inputs);
      expect(documents.length).toBeGreaterThan(0);
      for (const parsed of documents) {
        expect(parsed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
        expect(parsed.objects.map((o) => o.type)).toEqual(['ClusterPolicy']);
      }
      // And the whole case: as many cluster policies as `kind:` lines of those kinds.
      const result = parseManifests(inputs);
      expect(result.resources.clusterPolicies).toHaveLength(documents.length);
      expect(count(result.diagnostics, 'duplicate-object')).toBe(0);
    });

    it('says what the README says of them, and nothing else', () => {
      expect(all).toHaveLength(54);
      const diagnostics = all.flatMap((c) => clusterDocuments(c.inputs).flatMap((parsed) => parsed.diagnostics));
      const codes = new Set(diagnostics.map((d) => `${d.severity} ${d.code}`));
      if (category === 'anp') {
        expect(count(diagnostics, 'missing-selector', '.podSelector is required')).toBe(135);
        expect(count(diagnostics, 'missing-selector', '.namespaceSelector is required')).toBe(5);
        expect(count(diagnostics, 'named-port-with-addresses')).toBe(1);
        expect(codes).toEqual(
          new Set([
            'warning missing-selector',
            'warning named-port-with-addresses',
            'info experimental-field',
            'info cidr-host-bits',
          ]),
        );
      } else {
        expect(count(diagnostics, 'named-port-pods-only')).toBe(1);
        expect(codes).toEqual(new Set(['info named-port-pods-only', 'info experimental-field', 'info cidr-host-bits']));
      }
      expect(count(diagnostics, 'experimental-field', 'nodes peers')).toBe(5);
    });
  });
});
