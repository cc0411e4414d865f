/**
 * The v1alpha1 → v1alpha2 conversion against the corpus's own (../shared/conformance): every
 * `anp/<case>` converted gives manifests with exactly the connectivity of the originals, and the
 * policies of `cnp/<case>`, the same cases rewritten by the corpus's maintainers with the mapping
 * of its README ("Derived ClusterNetworkPolicy cases"). Policies are compared as the model reads
 * them, not as text: the corpus normalised indentation its own way.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { parseManifests, type ManifestInput } from '../../src/model';
import { clusterPolicyShape, convertToV1alpha2, joinStream } from '../../src/model/write';
import { caseInputs, corpusAvailable, corpusCases, type CorpusCase } from './corpus';

const available = corpusAvailable();
if (!available) {
  console.warn('conversion: ../shared/conformance/netpol-analyzer is absent on this machine — skipping the corpus.');
}
const cases = available ? corpusCases().filter((c) => !c.excluded) : [];
/** `cnp/<case>` records name the `anp/<case>` they were derived from. */
const derived = new Map(
  cases.flatMap((c) => {
    const from = (c as CorpusCase & { derived_from?: string }).derived_from;
    return c.category === 'cnp' && from ? [[from, c] as const] : [];
  }),
);

/** Resources without their source locations (nothing else may differ), cluster policies by meaning and kind. */
function readAs(inputs: readonly ManifestInput[]) {
  const { namespaces, workloads, policies, clusterPolicies } = parseManifests(inputs).resources;
  const strip = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (key, v: unknown) =>
        key === 'location' || key === 'nameLocation' ? undefined : typeof v === 'bigint' ? String(v) : v,
      ),
    );
  return {
    namespaces: strip(namespaces),
    workloads: strip(workloads),
    policies: strip(policies),
    clusterPolicies: clusterPolicies.map((p) => ({ kind: p.kind, ...clusterPolicyShape(p) })),
  };
}

const connectivity = (inputs: readonly ManifestInput[]) => {
  const { endpoints, connections } = analyze(parseManifests(inputs).resources);
  return { endpoints: endpoints.map((e) => e.id), connections };
};

describe.skipIf(!available)('converting the corpus to v1alpha2', () => {
  it('has a derived cnp case for every anp case', () => {
    const anp = cases.filter((c) => c.category === 'anp');
    expect(anp).toHaveLength(54);
    expect(anp.filter((c) => !derived.has(c.path)).map((c) => c.id)).toEqual([]);
  });

  for (const testCase of cases.filter((c) => c.category === 'anp')) {
    it(`${testCase.id}: same connectivity as the original, same policies as ${derived.get(testCase.path)?.path}`, () => {
      const inputs = caseInputs(testCase);
      const conversion = convertToV1alpha2(inputs);
      expect(conversion.problems).toEqual([]);
      const converted = conversion.files.map((f) => ({ file: f.file, text: joinStream(f.documents) }));
      expect(connectivity(converted)).toEqual(connectivity(inputs));
      // Every (B)ANP became a ClusterNetworkPolicy, and the files that held none are unchanged.
      expect(parseManifests(converted).resources.clusterPolicies.every((p) => p.kind === 'ClusterNetworkPolicy')).toBe(true);
      for (const file of conversion.files.filter((f) => !f.changed)) {
        expect(file.documents.join('')).toBe(inputs.find((input) => input.file === file.file)!.text);
      }
      const reference = caseInputs(derived.get(testCase.path)!);
      expect(converted.map((f) => f.file)).toEqual(reference.map((f) => f.file));
      expect(readAs(converted)).toEqual(readAs(reference));
    });
  }
});
