/**
 * Compare's marks on the graph (src/ui/compare/compareMarks.ts), on random baselines and random
 * current clusters, in every view the app draws: the picture still reads exactly as the engine says
 * (a mark claims no connectivity); every pair drawn that lost traffic is marked on a `− <ports>`
 * edge between its nodes, with exactly the ports the pairs between those nodes lost; every edge
 * that draws a pair that gained traffic says `+ <ports>`, exactly the ports its pairs gained; and
 * nothing else is marked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, checkExpectations, unionConnections } from '../../src/engine';
import type { ConnectionSet, EndpointId } from '../../src/engine/types';
import { parseManifests } from '../../src/model';
import type { DocumentId } from '../../src/model/source';
import type { Expectation } from '../../src/model/types';
import { collapsedNamespaces } from '../../src/store/graphView';
import { compareAnalyses, type ComparedSide, type Comparison } from '../../src/store/evaluation/comparison';
import { applyCompareMarks } from '../../src/ui/compare/compareMarks';
import { applyCheckMarks, pairMarks } from '../../src/ui/graph/checkMarks';
import { createMarkCache } from '../../src/ui/graph/pairMarkEdges';
import { connectionLabel } from '../../src/ui/graph/flowEdge';
import { edgeId } from '../../src/ui/graph/ids';
import { createFlowCache, endpointNodeIds, toFlow, type FlowModel } from '../../src/ui/graph/toFlow';
import { allowedViewDifferences, deniedViewDifferences, focusViewDifferences } from '../support/flow-decode';
import { shownModel } from '../support/shown-model';
import { graphClusterArb } from '../support/graph-cluster';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
const NONE: ConnectionSet = { TCP: [], UDP: [], SCTP: [] };
const AT = { document: 0 as DocumentId, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
/** Every pair allows TCP 5432: fails for most, so most node pairs get a `✗ expected` mark. */
const EVERYONE_ON_5432: Expectation = { ports: [{ protocol: 'TCP', first: 5432, last: 5432 }], expect: 'allowed', index: 0, location: AT };

function sideOf(text: string): ComparedSide {
  const { resources } = parseManifests([{ file: 'c.yaml', text }]);
  return { analysis: analyze(resources), resources };
}

const shown = shownModel;

const key = (source: string, target: string) => edgeId(source, target);
const add = (into: Map<string, ConnectionSet>, k: string, set: ConnectionSet) => into.set(k, unionConnections(into.get(k) ?? NONE, set));
const isNone = (set: ConnectionSet) => set.TCP.length + set.UDP.length + set.SCTP.length === 0;

/**
 * Every change drawn is marked as the module says, and nothing else is. `allowedView`: every pair
 * that gained traffic has an edge drawing it (the denied and focus views draw other edges).
 */
function markProblems(unmarked: FlowModel, marked: FlowModel, comparison: Comparison, allowedView = true): string[] {
  const problems: string[] = [];
  const nodeOf = endpointNodeIds(unmarked.nodes);
  const lost = new Map<string, ConnectionSet>();
  const gained = new Map<string, ConnectionSet>();
  for (const { change, shownFrom, shownTo } of comparison.pairs) {
    const [source, target] = [shownFrom && nodeOf.get(shownFrom as EndpointId), shownTo && nodeOf.get(shownTo as EndpointId)];
    if (source === undefined || target === undefined) continue;
    if (!isNone(change.removed)) add(lost, key(source, target), change.removed);
    if (!isNone(change.added)) add(gained, key(source, target), change.added);
  }
  const marks = marked.edges.filter((e) => e.data!.kind === 'lost');
  for (const mark of marks) {
    const wanted = lost.get(key(mark.source, mark.target));
    if (!wanted) problems.push(`${mark.id}: marks a pair that lost nothing`);
    else if (mark.data!.label !== `− ${connectionLabel(wanted)}`) problems.push(`${mark.id}: "${mark.data!.label}", lost ${connectionLabel(wanted)}`);
  }
  if (marks.length !== lost.size) problems.push(`${marks.length} lost-marks for ${lost.size} node pairs`);
  const stands = (e: FlowModel['edges'][number]) => [key(e.source, e.target), ...(e.data!.members ?? []).map(([s, t]) => key(s, t))];
  const drawsGain = new Set<string>();
  for (const [before, after] of unmarked.edges.map((e, i) => [e, marked.edges[i]!] as const)) {
    if (before.data!.label !== after.data!.label || before.id !== after.id) problems.push(`${before.id}: changed by marking`);
    const connection = before.data!.ofPolicy === undefined && before.data!.kind !== 'expected';
    const gains = connection ? stands(before).filter((k) => gained.has(k)) : [];
    gains.forEach((k) => drawsGain.add(k));
    const wanted = gains.reduce((set, k) => unionConnections(set, gained.get(k)!), NONE);
    const said = gains.length > 0 ? `+ ${connectionLabel(wanted)}` : undefined;
    if (after.data!.gained?.label !== said) problems.push(`${before.id}: says "${after.data!.gained?.label}", gained ${said}`);
  }
  // Traffic gained is drawn now, so an edge draws it (unless a shown policy's denial stands in its place).
  if (allowedView) for (const k of gained.keys()) if (!drawsGain.has(k)) problems.push(`${k}: gained traffic no edge draws`);
  return problems;
}

describe('Compare on the graph', () => {
  it('marks every change drawn, claims no connectivity, in the allowed, denied, collapsed and focus views', () => {
    fc.assert(
      fc.property(graphClusterArb, graphClusterArb, fc.constantFrom(2, 24), fc.boolean(), fc.nat(), (before, after, hubLimit, collapse, pick) => {
        const current = sideOf(after);
        const comparison = compareAnalyses(sideOf(before), current);
        const { analysis } = current;
        const collapsed = collapse ? collapsedNamespaces({ namespaces: { open: false, except: ['a'] }, deniedFor: null, focus: null }, analysis) : undefined;
        const allowed = toFlow(analysis, { deniedFor: null, hubLimit, collapsed });
        const markedAllowed = applyCompareMarks(allowed, comparison);
        expect(allowedViewDifferences(shown(markedAllowed), analysis)).toEqual([]);
        expect(markProblems(allowed, markedAllowed, comparison)).toEqual([]);
        // As the app draws them (useFlowModel.ts): over the failing expectations' marks, a gain goes
        // on the edge that draws it, never on a `✗ expected` mark between the same two nodes.
        const checks = checkExpectations(analysis, [EVERYONE_ON_5432]).map((result) => ({ document: 'intent', result }));
        const checked = applyCheckMarks(allowed, pairMarks(checks));
        expect(markProblems(checked, applyCompareMarks(checked, comparison), comparison)).toEqual([]);
        const subject = analysis.endpoints[pick % analysis.endpoints.length]!.id;
        const denied = toFlow(analysis, { deniedFor: subject, hubLimit });
        const markedDenied = applyCompareMarks(denied, comparison);
        expect(deniedViewDifferences(shown(markedDenied), analysis, subject)).toEqual([]);
        expect(markProblems(denied, markedDenied, comparison, false)).toEqual([]);
        const node = allowed.nodes.filter((n) => n.type === 'workload')[pick % 7]?.id;
        if (node) {
          const focused = toFlow(analysis, { deniedFor: null, hubLimit, focus: { node, direction: 'both' } });
          const markedFocus = applyCompareMarks(focused, comparison);
          expect(focusViewDifferences(shown(markedFocus), analysis, node, 'both')).toEqual([]);
          expect(markProblems(focused, markedFocus, comparison, false)).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('draws nothing while nothing changed or nothing is pinned', () => {
    const text = fc.sample(graphClusterArb, { numRuns: 1, seed: 7 })[0]!;
    const side = sideOf(text);
    const model = toFlow(side.analysis, { deniedFor: null });
    expect(applyCompareMarks(model, compareAnalyses(side, sideOf(text)))).toBe(model);
    expect(applyCompareMarks(model, null)).toBe(model);
  });
});

describe('Compare on the graph, revision after revision', () => {
  it('keeps the object of every mark that says the same, and makes a new one for a mark that changed', () => {
    const texts = fc.sample(graphClusterArb, { numRuns: 40, seed: 3 });
    // Two clusters whose comparison gains and loses traffic on the graph.
    const found = texts.flatMap((before, i) => {
      const current = sideOf(texts[(i + 1) % texts.length]!);
      const comparison = compareAnalyses(sideOf(before), current);
      const model = toFlow(current.analysis, { deniedFor: null });
      const marked = applyCompareMarks(model, comparison);
      const kinds = new Set(marked.edges.flatMap((e) => [...(e.data!.gained ? ['gained'] : []), e.data!.kind]));
      return kinds.has('gained') && kinds.has('lost') ? [{ current, comparison }] : [];
    })[0];
    expect(found).toBeDefined();
    const { current, comparison } = found!;
    // As the app draws revisions: toFlow's cache keeps the edges, each revision is a new model.
    const flowCache = createFlowCache();
    const revision = () => ({ ...toFlow(current.analysis, { deniedFor: null }, flowCache) });
    const cache = createMarkCache();
    const first = applyCompareMarks(revision(), comparison, cache);
    // The next revision, the comparison the same; then one whose marks say more.
    const again = applyCompareMarks(revision(), { ...comparison }, cache);
    expect(again.edges.length).toBe(first.edges.length);
    expect(again.edges.every((e, i) => e === first.edges[i])).toBe(true);
    const said = applyCompareMarks(revision(), { ...comparison, pairs: [...comparison.pairs, ...comparison.pairs] }, cache);
    const marks = (m: FlowModel) => m.edges.filter((e) => e.data!.gained || e.data!.kind === 'lost');
    // Each pair said twice: every mark's tooltip changes, so every mark is a new object, saying so.
    expect(marks(said).every((e) => !first.edges.includes(e))).toBe(true);
    expect(marks(said).map((e) => e.data!.gained?.label ?? e.data!.label)).toEqual(marks(first).map((e) => e.data!.gained?.label ?? e.data!.label));
    expect(marks(said).every((e, i) => (e.data!.gained?.title ?? e.data!.title)!.length > (marks(first)[i]!.data!.gained?.title ?? marks(first)[i]!.data!.title)!.length)).toBe(true);
  });
});
