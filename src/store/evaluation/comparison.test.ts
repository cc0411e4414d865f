/**
 * Compare in the session: the baseline's analysis kept, the current one compared with it after
 * each evaluation. Proven equal to the plain path — both texts analysed from scratch and diffed, as
 * the Review change dialog's preview does — on random clusters edited revision after revision.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, carvesIpv6, connectivityDiff, isNoConnections } from '../../engine';
import { parseManifests } from '../../model';
import { graphClusterArb } from '../../../test/support/graph-cluster';
import { NO_CHANGES, type Comparison } from './comparison';
import { EvaluationSession } from './session';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 15);
const CLASSIC = readFileSync(new URL('../../../fixtures/classic/nginx.yaml', import.meta.url), 'utf8');
const CLIENT = 'default/client[Pod]';
const NGINX = 'default/nginx-pod-with-label[Pod]';

/** The classic example, and the client's egress isolated to one ipBlock (`{cidr: …}`). */
const egress = (cidr: string) =>
  `${CLASSIC}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: out, namespace: default}\nspec:\n  podSelector: {matchLabels: {app: client}}\n  policyTypes: [Egress]\n  egress: [{to: [{ipBlock: ${cidr}}]}]\n`;

const resourcesOf = (text: string) => parseManifests([{ file: 'cluster.yaml', text }]).resources;

/** The plain path: both texts from scratch, in one address space. */
function plainDiff(before: string, after: string) {
  let sides = [analyze(resourcesOf(before)), analyze(resourcesOf(after))] as const;
  if (carvesIpv6(sides[0]) !== carvesIpv6(sides[1])) {
    sides = [analyze(resourcesOf(before), { addressFamilies: [6] }), analyze(resourcesOf(after), { addressFamilies: [6] })];
  }
  return connectivityDiff(...sides);
}

/** A session that evaluated `baseline`, pinned it, then evaluated each of `edits` in turn; the comparison after each. */
function comparisons(baseline: string, edits: readonly string[]): { comparisons: (Comparison | undefined)[]; session: EvaluationSession } {
  const session = new EvaluationSession('cluster.yaml');
  session.evaluate(0, baseline, true);
  expect(session.pin({ pin: 1, revision: 0 })).toEqual({ pin: 1, comparison: NO_CHANGES });
  return { session, comparisons: edits.map((text, i) => session.evaluate(i + 1, text).comparison?.comparison) };
}

describe('Compare in the session', () => {
  it('says what an edit changed since the baseline, per pair and port, and marks it on the pair the graph draws', () => {
    const [comparison] = comparisons(CLASSIC, [CLASSIC.replace('port: 80', 'port: 443')]).comparisons;
    expect(comparison!.changedPairs).toBe(3);
    const pair = comparison!.pairs.find((p) => p.change.from === CLIENT && p.change.to === NGINX)!;
    expect(pair.lines).toEqual([`Allows: ${CLIENT} → ${NGINX} TCP 443.`, `Stops allowing: ${CLIENT} → ${NGINX} TCP 80.`]);
    expect([pair.shownFrom, pair.shownTo]).toEqual([CLIENT, NGINX]);
  });

  it('sends a comparison only when it changed, and waits for the revision it pins', () => {
    const edited = CLASSIC.replace('port: 80', 'port: 443');
    const { session, comparisons: [first, again, back] } = comparisons(CLASSIC, [edited, `# a comment\n${edited}`, CLASSIC]);
    expect(first!.changedPairs).toBe(3);
    expect(again).toBeUndefined();
    expect(back).toEqual(NO_CHANGES);
    // Pinned ahead of the session (the worker's queue): the result of that revision brings it.
    expect(session.pin({ pin: 2, revision: 5 })).toBeUndefined();
    expect(session.evaluate(4, edited).comparison).toBeUndefined();
    expect(session.evaluate(5, CLASSIC).comparison).toEqual({ pin: 2, comparison: NO_CHANGES });
    expect(session.evaluate(6, edited).comparison).toMatchObject({ pin: 2, comparison: { changedPairs: 3 } });
    expect(session.pin(null)).toBeUndefined();
    expect(session.evaluate(7, CLASSIC).comparison).toBeUndefined();
  });

  it('compares the outside world address by address, drawn on the range that holds each piece now', () => {
    const [narrowed] = comparisons(egress('{cidr: 0.0.0.0/0}'), [egress('{cidr: 0.0.0.0/0, except: [10.0.0.0/8]}')]).comparisons;
    const lost = narrowed!.pairs.filter((p) => p.change.from === CLIENT && p.change.kind === 'removed');
    expect(lost.map((p) => [p.change.to, p.shownTo])).toEqual([['10.0.0.0-10.255.255.255', '10.0.0.0-10.255.255.255']]);
    const [v6] = comparisons(egress('{cidr: 0.0.0.0/0}'), [egress('{cidr: "::/0"}')]).comparisons;
    expect(v6!.endpointsAdded).toEqual([]);
    expect(v6!.pairs.some((p) => p.lines[0]!.startsWith(`Allows: ${CLIENT} → ::-ffff`))).toBe(true);
  });

  it('compares IPv6 addresses only one side names, edit after edit, whichever side names them', () => {
    const v4 = egress('{cidr: 0.0.0.0/0}');
    const v6 = egress('{cidr: "::/0"}');
    const v6narrow = egress('{cidr: "2001:db8::/32"}');
    for (const [baseline, edits] of [[v4, [v6, v6narrow, v4, v6]], [v6, [v4, v6narrow, v4]]] as const) {
      const got = comparisons(baseline, edits).comparisons;
      let last: Comparison = NO_CHANGES;
      edits.forEach((text, i) => {
        const plain = plainDiff(baseline, text);
        last = got[i] ?? last;
        expect([last.changedPairs, last.endpointsAdded, last.endpointsRemoved]).toEqual([plain.changes.length, [], []]);
        expect(last.pairs.map((p) => p.change)).toEqual(plain.changes);
      });
    }
  });

  it('equals both texts analysed from scratch and diffed, on random clusters edited in turn', () => {
    fc.assert(
      fc.property(graphClusterArb, fc.array(graphClusterArb, { minLength: 1, maxLength: 2 }), (baseline, edits) => {
        const { comparisons: got } = comparisons(baseline, edits);
        let last: Comparison = NO_CHANGES;
        edits.forEach((text, i) => {
          const comparison = (last = got[i] ?? last);
          const plain = plainDiff(baseline, text);
          expect(comparison.changedPairs).toBe(plain.changes.length);
          expect(comparison.pairs.map((p) => p.change)).toEqual(plain.changes.slice(0, comparison.pairs.length));
          expect([comparison.endpointsAdded, comparison.endpointsRemoved]).toEqual([plain.endpointsAdded, plain.endpointsRemoved]);
          // Where a pair is drawn: the current analysis allows between those endpoints what the pair allows now.
          const current = analyze(resourcesOf(text));
          const ids = new Set(current.endpoints.map((e) => e.id));
          const allowed = new Map(current.connections.map((c) => [`${c.from} ${c.to}`, c.allowed]));
          for (const { change, shownFrom, shownTo } of comparison.pairs) {
            for (const shown of [shownFrom, shownTo]) if (shown !== undefined) expect(ids.has(shown)).toBe(true);
            if (ids.has(change.from)) expect(shownFrom).toBe(change.from);
            if (shownFrom === undefined || shownTo === undefined || shownFrom === shownTo) continue;
            const now = allowed.get(`${shownFrom} ${shownTo}`);
            if (now) expect(now).toEqual(change.after);
            else expect(isNoConnections(change.after)).toBe(true);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });
});
