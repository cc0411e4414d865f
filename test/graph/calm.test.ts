/**
 * "All" edges hidden (calm.ts): what stays drawn still reads back exactly, a missing edge is only
 * ever a pair that allows nothing or everything (the rule the graph's banner states), the count
 * the banner gives is the number of edges left out, and an "All" edge with a mark stays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapsedNamespaces } from '../../src/store/graphView';
import { hideUnrestricted } from '../../src/ui/graph/calm';
import { toFlow } from '../../src/ui/graph/toFlow';
import { defaultGraph } from '../../src/ui/graph/testGraph';
import { allowedViewDifferences } from '../support/flow-decode';
import { shownModel } from '../support/shown-model';
import { graphAnalysis, graphClusterArb, namespaceChoiceArb } from '../support/graph-cluster';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

const choiceArb = fc.option(namespaceChoiceArb);

describe('“All” edges hidden', () => {
  it('on random clusters, bundled, collapsed or not: the rest reads back exactly, a missing edge allows nothing or everything', () => {
    fc.assert(
      fc.property(graphClusterArb, choiceArb, fc.constantFrom(1, 3, 24), (text, choice, hubLimit) => {
        const analysis = graphAnalysis(text);
        const collapsed = collapsedNamespaces({ namespaces: choice, deniedFor: null, focus: null }, analysis);
        const model = toFlow(analysis, { deniedFor: null, hubLimit, collapsed });
        const { model: calm, hidden } = hideUnrestricted(model);
        expect(allowedViewDifferences({ ...shownModel(calm), allHidden: true }, analysis)).toEqual([]);
        expect(hidden).toBe(model.edges.filter((e) => e.data!.kind === 'all').length);
        expect(calm.edges.filter((e) => e.data!.kind === 'all')).toEqual([]);
        // Read without the banner's rule, the picture is wrong exactly when something was left out.
        expect(allowedViewDifferences(shownModel(calm), analysis).length > 0).toBe(hidden > 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps an “All” edge that a failing expectation or Compare marks; nothing to hide keeps the model', () => {
    const model = toFlow(defaultGraph(), { deniedFor: null });
    const all = model.edges.filter((e) => e.data!.kind === 'all');
    expect(all.length).toBeGreaterThan(2);
    const [failing, gained] = all;
    const marked = {
      nodes: model.nodes,
      edges: model.edges.map((e) =>
        e === failing
          ? { ...e, data: { ...e.data!, failing: true } }
          : e === gained
            ? { ...e, data: { ...e.data!, gained: { label: '+ All', title: 'gained' } } }
            : e,
      ),
    };
    const { model: calm, hidden } = hideUnrestricted(marked);
    expect(calm.edges.map((e) => e.id).filter((id) => all.some((a) => a.id === id))).toEqual([failing!.id, gained!.id]);
    expect(hidden).toBe(all.length - 2);

    const restricted = { nodes: model.nodes, edges: model.edges.filter((e) => e.data!.kind !== 'all') };
    expect(hideUnrestricted(restricted)).toEqual({ model: restricted, hidden: 0 });
    expect(hideUnrestricted(restricted).model).toBe(restricted);
  });
});
