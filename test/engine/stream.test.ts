/**
 * `Analyzer.stream` (what the CLI's `connectivity` prints from) against `update`: on random
 * clusters with every tier of policy, the streamed connections are the analysis' connections, in
 * the same order, and the rest is the same analysis — fresh, or after earlier revisions (whose
 * reused work it shares). Reading the connections twice gives them twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Analyzer, analyze, analyzeStream } from '../../src/engine';
import { parseManifests } from '../../src/model';
import type { ClusterResources } from '../../src/model/types';
import { clusterArb } from '../support/cluster';
import { tieredClusterArb, tieredClusterYaml } from '../support/tiered-cluster';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

const resourcesOf = (text: string): ClusterResources => parseManifests([{ file: 'c.yaml', text }]).resources;
const tieredArb = tieredClusterArb(clusterArb).map((c) => resourcesOf(tieredClusterYaml(c)));

describe('Analyzer.stream', () => {
  it('gives the connections of update, in order, and the same analysis', () => {
    fc.assert(
      fc.property(tieredArb, (resources) => {
        const { connections, ...rest } = analyze(resources);
        const streamed = analyzeStream(resources);
        expect([...streamed.connections]).toEqual(connections);
        expect([...streamed.connections]).toEqual(connections);
        expect({ ...streamed, connections: undefined }).toEqual({ ...rest, connections: undefined });
      }),
      { numRuns: RUNS },
    );
  });

  it('after earlier revisions, streams what a fresh analysis gives', () => {
    fc.assert(
      fc.property(fc.array(tieredArb, { minLength: 2, maxLength: 3 }), (revisions) => {
        const analyzer = new Analyzer();
        for (const resources of revisions.slice(0, -1)) analyzer.update(resources);
        const last = revisions.at(-1)!;
        expect([...analyzer.stream(last).connections]).toEqual(analyze(last).connections);
      }),
      { numRuns: RUNS },
    );
  });
});
