/**
 * Conformance against np-guard netpol-analyzer's golden outputs (../shared/conformance).
 * Every case runs: plain and ingress (NetworkPolicy), `anp/` (AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy, v1alpha1) and `cnp/` (the same cases as ClusterNetworkPolicy,
 * v1alpha2, against the same expected output). `{ingress-controller}` lines are dropped (we do
 * not model Ingress objects). Cases the corpus marks `excluded` are skipped, as its README asks.
 *
 * Known, deliberate divergences are listed in ./divergences.ts with their reason and a check that
 * the divergence is exactly that reason — never silently dropped.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { parseManifests } from '../../src/model';
import { canonical, commonCuts, differences, fromConnections, parseConnlist } from './connlist';
import { caseExpected, caseInputs, corpusAvailable, corpusCases, type CorpusCase } from './corpus';
import { DIVERGENCES, type Divergence } from './divergences';

const same = <T>(value: T): T => value;

function compare(testCase: CorpusCase, asReference: Divergence['asReference'] = {}): string[] {
  const model = parseManifests((asReference.inputs ?? same)(caseInputs(testCase)));
  const analysis = analyze((asReference.resources ?? same)(model.resources));
  const ours = fromConnections(analysis.endpoints, analysis.connections);
  const expected = parseConnlist(caseExpected(testCase)).filter((l) => l.from !== '{ingress-controller}');
  const cuts = commonCuts(ours, expected);
  return differences(canonical(expected, cuts), canonical(ours, cuts));
}

const available = corpusAvailable();
if (!available) {
  console.warn('conformance: ../shared/conformance/netpol-analyzer is absent on this machine — skipping the corpus.');
}
const cases = available ? corpusCases().filter((c) => !c.excluded) : [];

describe.skipIf(!available)('netpol-analyzer corpus', () => {
  it('has the cases the README lists', () => {
    const count = (category: CorpusCase['category']) => cases.filter((c) => c.category === category).length;
    expect([count('plain'), count('ingress'), count('anp'), count('cnp')]).toEqual([42, 8, 54, 54]);
  });

  for (const testCase of cases) {
    const divergence = DIVERGENCES[testCase.id];
    if (!divergence) {
      it(`${testCase.id} matches the reference`, () => {
        expect(compare(testCase)).toEqual([]);
      });
      continue;
    }
    it(`${testCase.id} differs from the reference only because ${divergence.reason}`, () => {
      // Still different (or the entry is stale and must go) …
      expect(compare(testCase)).not.toEqual([]);
      // … and the same once the reference's convention is applied.
      expect(compare(testCase, divergence.asReference)).toEqual([]);
    });
  }
});
