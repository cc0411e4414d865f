/**
 * Failing expectations marked on the graph (src/ui/graph/checkMarks.ts), on random clusters and
 * random expectations, in every view the app draws: the picture still reads exactly as the engine
 * says (a mark claims no connectivity); every failing pair whose ends are drawn is marked — traffic
 * that should be denied on the edge that draws it, traffic expected and not allowed on a
 * `✗ expected <ports>` edge between the pair's nodes, with exactly the ports the pairs between
 * those nodes miss — and nothing else is marked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExpectations, unionConnections } from '../../src/engine';
import { describeConnections } from '../../src/engine/describe';
import type { Analysis, ConnectionSet, EndpointId } from '../../src/engine/types';
import type { DocumentId } from '../../src/model/source';
import type { EndpointPattern, Expectation, ExpectedPorts } from '../../src/model/types';
import { collapsedNamespaces } from '../../src/store/graphView';
import type { Check } from '../../src/store/evaluation/protocol';
import { applyCheckMarks, pairMarks } from '../../src/ui/graph/checkMarks';
import { createMarkCache } from '../../src/ui/graph/pairMarkEdges';
import { edgeId } from '../../src/ui/graph/ids';
import { createFlowCache, endpointNodeIds, toFlow, type FlowModel } from '../../src/ui/graph/toFlow';
import { allowedViewDifferences, deniedViewDifferences, focusViewDifferences } from '../support/flow-decode';
import { shownModel } from '../support/shown-model';
import { graphAnalysis, graphClusterArb } from '../support/graph-cluster';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);
const AT = { document: 0 as DocumentId, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };

const shown = shownModel;

/** A pattern over the random clusters' names: a namespace, an app label, both, or nothing. */
const patternArb: fc.Arbitrary<EndpointPattern | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ namespace: fc.constantFrom('a', 'b', 'c', 'kube-system'), app: fc.option(fc.constantFrom('web', 'api', 'db')) }).map(
    ({ namespace, app }): EndpointPattern => ({ type: 'selector', namespace, labels: app ? { app } : {}, location: AT }),
  ),
);
const portsArb: fc.Arbitrary<readonly ExpectedPorts[] | undefined> = fc.option(
  fc.array(
    fc.record({ protocol: fc.constantFrom('TCP', 'UDP'), first: fc.constantFrom(53, 80, 5432, 8080) }).map((p) => ({ ...p, last: p.first })),
    { minLength: 1, maxLength: 2 },
  ),
  { nil: undefined },
);
const expectationArb: fc.Arbitrary<Expectation> = fc
  .record({ from: patternArb, to: patternArb, ports: portsArb, verdict: fc.constantFrom('allowed', 'denied', 'only') })
  .map(({ from, to, ports, verdict }) => ({
    ...(from ? { from } : {}),
    ...(verdict === 'only' ? { to: to ?? { type: 'selector', labels: { app: 'db' }, location: AT }, only: [from ?? { type: 'selector', namespace: 'a', labels: {}, location: AT }] } : { ...(to ? { to } : {}), expect: verdict }),
    ...(ports ? { ports } : {}),
    index: 0,
    location: AT,
  }));

const checksOf = (analysis: Analysis, expectations: readonly Expectation[]): Check[] =>
  checkExpectations(analysis, expectations).map((result) => ({ document: 'intent', result }));

const key = (source: string, target: string) => edgeId(source, target);
const text = (set: ConnectionSet) => describeConnections(set);

/** Every failing pair drawn is marked as the module says, and nothing else is. */
function markProblems(unmarked: FlowModel, marked: FlowModel, checks: readonly Check[]): string[] {
  const problems: string[] = [];
  const nodeOf = endpointNodeIds(unmarked.nodes);
  const missing = new Map<string, ConnectionSet>();
  const shouldDeny = new Set<string>();
  for (const { result } of checks) {
    for (const pair of result.failing) {
      const [source, target] = [nodeOf.get(pair.from as EndpointId), nodeOf.get(pair.to as EndpointId)];
      if (source === undefined || target === undefined) continue;
      if (result.expectation.expect === 'allowed') missing.set(key(source, target), unionConnections(missing.get(key(source, target)) ?? { TCP: [], UDP: [], SCTP: [] }, pair.offending));
      else shouldDeny.add(key(source, target));
    }
  }
  const marks = marked.edges.filter((e) => e.data!.kind === 'expected');
  for (const mark of marks) {
    const wanted = missing.get(key(mark.source, mark.target));
    if (!wanted) problems.push(`${mark.id}: marks a pair nothing expects`);
    else if (mark.data!.label !== `✗ expected ${text(wanted) === 'All Connections' ? 'All' : text(wanted)}`) problems.push(`${mark.id}: "${mark.data!.label}", missing ${text(wanted)}`);
  }
  if (marks.length !== missing.size) problems.push(`${marks.length} expected-marks for ${missing.size} node pairs`);
  const stands = (e: FlowModel['edges'][number]) => [key(e.source, e.target), ...(e.data!.members ?? []).map(([s, t]) => key(s, t))];
  for (const [before, after] of unmarked.edges.map((e, i) => [e, marked.edges[i]!] as const)) {
    if (before.data!.label !== after.data!.label || before.id !== after.id) problems.push(`${before.id}: changed by marking`);
    const fails = before.data!.ofPolicy === undefined && stands(before).some((k) => shouldDeny.has(k));
    if (fails !== Boolean(after.data!.failing)) problems.push(`${before.id}: marked ${Boolean(after.data!.failing)}, fails ${fails}`);
  }
  return problems;
}

describe('failing expectations on the graph', () => {
  it('mark every failing pair drawn, claim no connectivity, in the allowed, denied, collapsed and focus views', () => {
    fc.assert(
      fc.property(
        graphClusterArb,
        fc.array(expectationArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(2, 24),
        fc.boolean(),
        fc.nat(),
        (cluster, expectations, hubLimit, collapse, pick) => {
          const analysis = graphAnalysis(cluster);
          const checks = checksOf(analysis, expectations);
          const marks = pairMarks(checks);
          const collapsed = collapse ? collapsedNamespaces({ namespaces: { open: false, except: ['a'] }, deniedFor: null, focus: null }, analysis) : undefined;
          const allowed = toFlow(analysis, { deniedFor: null, hubLimit, collapsed });
          const markedAllowed = applyCheckMarks(allowed, marks);
          expect(allowedViewDifferences(shown(markedAllowed), analysis)).toEqual([]);
          expect(markProblems(allowed, markedAllowed, checks)).toEqual([]);
          const subject = analysis.endpoints[pick % analysis.endpoints.length]!.id;
          const denied = toFlow(analysis, { deniedFor: subject, hubLimit });
          const markedDenied = applyCheckMarks(denied, marks);
          expect(deniedViewDifferences(shown(markedDenied), analysis, subject)).toEqual([]);
          expect(markProblems(denied, markedDenied, checks)).toEqual([]);
          const node = allowed.nodes.filter((n) => n.type === 'workload')[pick % 7]?.id;
          if (node) {
            const focused = toFlow(analysis, { deniedFor: null, hubLimit, focus: { node, direction: 'both' } });
            const markedFocus = applyCheckMarks(focused, marks);
            expect(focusViewDifferences(shown(markedFocus), analysis, node, 'both')).toEqual([]);
            expect(markProblems(focused, markedFocus, checks)).toEqual([]);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('draw nothing when every expectation holds', () => {
    const analysis = graphAnalysis(fc.sample(graphClusterArb, { numRuns: 1, seed: 7 })[0]!);
    // Each pair expected to allow what it allows: every expectation holds.
    const holding = analysis.connections.slice(0, 5).map((c): Expectation => ({
      from: { type: 'endpoint', id: c.from, location: AT },
      to: { type: 'endpoint', id: c.to, location: AT },
      ports: c.allowed.TCP.map(([first, last]) => ({ protocol: 'TCP' as const, first, last })),
      expect: 'allowed',
      index: 0,
      location: AT,
    }));
    const checks = checksOf(analysis, holding.filter((e) => e.ports!.length > 0));
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((c) => c.result.passed)).toBe(true);
    const model = toFlow(analysis, { deniedFor: null });
    expect(applyCheckMarks(model, pairMarks(checks))).toBe(model);
  });

  it('keep the object of every mark that says the same, revision after revision', () => {
    const analysis = graphAnalysis(fc.sample(graphClusterArb, { numRuns: 1, seed: 7 })[0]!);
    // Nothing allowed anywhere, and everyone on TCP 5432: edges marked, and marks of their own.
    const expectations: Expectation[] = [
      { expect: 'denied', index: 0, location: AT },
      { ports: [{ protocol: 'TCP', first: 5432, last: 5432 }], expect: 'allowed', index: 1, location: AT },
    ];
    const marks = pairMarks(checksOf(analysis, expectations));
    const flowCache = createFlowCache();
    const revision = () => ({ ...toFlow(analysis, { deniedFor: null }, flowCache) });
    const cache = createMarkCache();
    const first = applyCheckMarks(revision(), marks, cache);
    expect(first.edges.some((e) => e.data!.failing) && first.edges.some((e) => e.data!.kind === 'expected')).toBe(true);
    const again = applyCheckMarks(revision(), [...marks], cache);
    expect(again.edges.every((e, i) => e === first.edges[i])).toBe(true);
  });
});
