/**
 * "Allow" and "block" on random clusters (support/graph-cluster.ts: namespaces, hubs, ipBlocks,
 * named ports and random policies), judged by the engine on the edited text, independently of the
 * plans' own judgement: a plan without warnings changes exactly the gesture's pair and ports;
 * a plan with warnings changes nothing it does not name in them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, pairChangeLines, type PairChange } from '../../src/engine';
import { isNoConnections, subtractConnections } from '../../src/engine/portset';
import type { Analysis, WorkloadEndpoint } from '../../src/engine/types';
import { parseManifests } from '../../src/model';
import { planAllow, planBlock, trafficSet, type Traffic } from '../../src/plans';
import { graphClusterArb } from '../support/graph-cluster';
import { checkPlan, insideRange, withUniqueLabels } from '../support/plan-check';

const analysisOf = (text: string) => analyze(parseManifests([{ file: 'x.yaml', text }]).resources);
const workloads = (a: Analysis) => a.endpoints.filter((e): e is WorkloadEndpoint => e.type === 'workload');
const allowedBetween = (a: Analysis, from: string, to: string) => a.connections.find((c) => c.from === from && c.to === to)?.allowed;

const trafficArb: fc.Arbitrary<Traffic> = fc.record({
  protocol: fc.constantFrom('TCP', 'UDP'),
  ports: fc.oneof(fc.constant<'all'>('all'), fc.subarray([53, 80, 5432, 8080], { minLength: 1 })),
});

/** Every change not named in the warnings is a failure: each of its sentences must be there. */
function expectSaid(extra: readonly PairChange[], warnings: readonly string[]): void {
  const said = warnings.join(' ');
  for (const line of extra.slice(0, 20).flatMap(pairChangeLines)) expect(said).toContain(line);
}

describe('planAllow on random clusters', () => {
  it('gives exactly the pair exactly the ports, or says what else changes', () => {
    const exact = { unique: 0, uniqueRuns: 0 };
    fc.assert(
      fc.property(graphClusterArb, fc.boolean(), fc.nat(), fc.nat(), trafficArb, (generated, unique, i, j, traffic) => {
        const text = unique ? withUniqueLabels(generated) : generated;
        const before = analysisOf(text);
        const all = workloads(before);
        const from = all[i % all.length]!;
        const to = all[j % all.length]!;
        fc.pre(from.id !== to.id);
        const plan = planAllow(text, from, to, traffic);
        if (unique) exact.uniqueRuns++;
        if (unique && plan.warnings.length === 0) exact.unique++;
        const { after, diff } = checkPlan(text, plan);
        const gain = trafficSet(traffic);
        const extra = diff.changes.filter(
          (c) => !(c.from === from.id && c.to === to.id && isNoConnections(c.removed) && isNoConnections(subtractConnections(c.added, gain))),
        );
        const missing = subtractConnections(gain, allowedBetween(analysisOf(after), from.id, to.id) ?? gain);
        if (plan.warnings.length === 0) {
          expect(extra).toEqual([]);
          expect(diff.endpointsAdded.length + diff.endpointsRemoved.length).toBe(0);
          expect(isNoConnections(missing)).toBe(true);
        } else {
          expectSaid(extra, plan.warnings);
          if (!isNoConnections(missing)) expect(plan.warnings.join(' ')).toContain(`${from.id} → ${to.id} does not allow`);
        }
      }),
      { numRuns: 30 },
    );
    // Where labels tell every workload apart, the smallest change is exact: warnings are the exception.
    expect(exact.uniqueRuns).toBeGreaterThan(0);
    expect(exact.unique).toBe(exact.uniqueRuns);
  });

  it('to outside addresses: the source gains the ports toward exactly that CIDR', () => {
    fc.assert(
      fc.property(graphClusterArb, fc.nat(), fc.constantFrom('10.0.0.0/8', '198.51.100.0/24', '203.0.113.7/32'), (text, i, cidr) => {
        const all = workloads(analysisOf(text));
        const from = all[i % all.length]!;
        const plan = planAllow(text, from, { type: 'outside', cidr }, { protocol: 'TCP', ports: [443] });
        const { diff } = checkPlan(text, plan);
        const [base, bits] = cidr.split('/');
        const prefix = base!.split('.').slice(0, Number(bits) / 8).join('.');
        const extra = diff.changes.filter((c) => !(c.from === from.id && c.to.startsWith(prefix) && isNoConnections(c.removed)));
        if (plan.warnings.length === 0) expect(extra).toEqual([]);
        else expectSaid(extra, plan.warnings);
      }),
      { numRuns: 15 },
    );
  });
});

describe('planBlock on random clusters', () => {
  it('stops exactly the pair, or each alternative says what else it changes', () => {
    const exact = { unique: 0, uniqueRuns: 0 };
    fc.assert(
      fc.property(graphClusterArb, fc.boolean(), fc.nat(), (generated, unique, k) => {
        const text = unique ? withUniqueLabels(generated) : generated;
        const before = analysisOf(text);
        const pairs = before.connections;
        fc.pre(pairs.length > 0);
        const { from, to } = pairs[k % pairs.length]!;
        const plans = planBlock(text, from, to);
        expect(plans[0]!.changes.length).toBeGreaterThan(0);
        if (unique) exact.uniqueRuns++;
        if (unique && plans[0]!.warnings.length === 0) exact.unique++;
        // The pair's traffic, wherever the edit cuts an outside range into pieces.
        const isPair = (f: string, t: string) => insideRange(f, from) && insideRange(t, to);
        for (const plan of plans.slice(0, 2)) {
          const { after, diff } = checkPlan(text, plan);
          const extra = diff.changes.filter((c) => !(isPair(c.from, c.to) && isNoConnections(c.added)));
          const left = analysisOf(after).connections.filter((c) => isPair(c.from, c.to) && !isNoConnections(c.allowed));
          if (plan.warnings.length === 0) {
            expect(extra).toEqual([]);
            expect(left).toEqual([]);
          } else {
            expectSaid(extra, plan.warnings);
          }
        }
      }),
      { numRuns: 15 },
    );
    // Where labels tell every workload apart, the best alternative is exact but in rare cases (a
    // rule granting more pods of its policy than the source, which only a split policy could undo):
    // most runs, so the property is not passed by warnings alone.
    expect(exact.uniqueRuns).toBeGreaterThan(0);
    expect(exact.unique).toBeGreaterThanOrEqual(exact.uniqueRuns * 0.6);
  });
});
