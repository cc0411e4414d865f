/**
 * "All" edges bundled into trunks (fans.ts): the picture still reads back exactly under the
 * legend's trunk rule (each line reads the label at its junction), every fan is two or more `All`
 * lines into one node with one lead, and the geometry puts the junction in front of the node, on
 * its sources' side, with every line of a fan passing through it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapsedNamespaces } from '../../src/store/graphView';
import type { FocusDirection } from '../../src/store/types';
import { fannedEdge } from '../../src/ui/graph/edgeGeometry';
import { applyFans, junctionOf, TRUNK_LENGTH } from '../../src/ui/graph/fans';
import type { FlowEdge } from '../../src/ui/graph/flowTypes';
import { applyPlacement, placeMissing } from '../../src/ui/graph/placement';
import { toFlow, type FlowModel } from '../../src/ui/graph/toFlow';
import { defaultGraph } from '../../src/ui/graph/testGraph';
import { allowedViewDifferences, focusViewDifferences } from '../support/flow-decode';
import { shownModel } from '../support/shown-model';
import { graphAnalysis, graphClusterArb, namespaceChoiceArb } from '../support/graph-cluster';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

/** The model placed as the app first places it, then fanned. */
function fanned(model: FlowModel): FlowModel {
  const nodes = applyPlacement(model.nodes, placeMissing(model.nodes, {}));
  return { nodes, edges: applyFans(nodes, model.edges, new WeakMap()) };
}

/** The fans of a model: lead id → its lines. */
function fansOf(edges: readonly FlowEdge[]): Map<string, FlowEdge[]> {
  const fans = new Map<string, FlowEdge[]>();
  for (const e of edges) if (e.data!.fan) fans.set(e.data!.fan.lead, [...(fans.get(e.data!.fan.lead) ?? []), e]);
  return fans;
}

const choiceArb = fc.option(namespaceChoiceArb);

describe('“All” edges bundled into trunks', () => {
  it('on random clusters, hub-bundled, collapsed or not: reads back exactly; each fan is 2+ All lines into one node, one lead', () => {
    fc.assert(
      fc.property(graphClusterArb, choiceArb, fc.constantFrom(1, 3, 24), (text, choice, hubLimit) => {
        const analysis = graphAnalysis(text);
        const collapsed = collapsedNamespaces({ namespaces: choice, deniedFor: null, focus: null }, analysis);
        const model = fanned(toFlow(analysis, { deniedFor: null, hubLimit, collapsed }));
        expect(allowedViewDifferences(shownModel(model), analysis)).toEqual([]);
        const fans = fansOf(model.edges);
        for (const [lead, lines] of fans) {
          expect(lines.length).toBeGreaterThanOrEqual(2);
          expect(lines.some((e) => e.id === lead)).toBe(true);
          expect(new Set(lines.map((e) => e.target)).size).toBe(1);
          expect(lines.every((e) => e.data!.kind === 'all' && !e.data!.members && !e.data!.pairs && e.data!.fan!.size === lines.length)).toBe(true);
        }
        // Two `All` lines into one node are always fanned.
        const into = new Map<string, number>();
        for (const e of model.edges) {
          const plainAll = e.data!.kind === 'all' && !e.data!.members && !e.data!.pairs && e.source !== e.target;
          if (plainAll) into.set(e.target, (into.get(e.target) ?? 0) + 1);
        }
        expect([...fans.values()].map((lines) => lines[0]!.target).sort()).toEqual([...into].filter(([, n]) => n >= 2).map(([t]) => t).sort());
        // Without the trunk rule a line reads nothing: the rule is what makes the picture exact.
        const bare = shownModel(model);
        const withoutRule = { ...bare, edges: bare.edges.map(({ trunk: _trunk, ...edge }) => edge) };
        expect(allowedViewDifferences(withoutRule, analysis).length > 0).toBe(fans.size > 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('in the focus view of any node: reads back exactly', () => {
    fc.assert(
      fc.property(graphClusterArb, fc.constantFrom<FocusDirection>('in', 'out', 'both'), fc.nat(), (text, direction, pick) => {
        const analysis = graphAnalysis(text);
        const whole = toFlow(analysis, { deniedFor: null });
        const leaves = whole.nodes.filter((n) => n.type !== 'namespace' && n.type !== 'externalGroup');
        const node = leaves[pick % leaves.length]!.id;
        const model = fanned(toFlow(analysis, { deniedFor: null, focus: { node, direction } }));
        expect(focusViewDifferences(shownModel(model), analysis, node, direction)).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('the classic example: nine `All` labels become three, one per receiving node', () => {
    const before = toFlow(defaultGraph(), { deniedFor: null });
    const model = fanned(before);
    const labelled = (m: FlowModel) => shownModel(m).edges.filter((e) => e.label === 'All').length;
    expect([labelled(before), labelled(model)]).toEqual([9, 3]);
    expect(fansOf(model.edges).size).toBe(3);
  });

  it('puts the junction in front of the node toward its sources; every line passes through it and ends on the node', () => {
    const target = { x: 0, y: 100, width: 100, height: 40 };
    const above = [{ x: -200, y: -100, width: 100, height: 40 }, { x: 200, y: -100, width: 100, height: 40 }];
    // Sources centred above: the trunk comes down from 56 px over the top border.
    expect(junctionOf(target, above)).toEqual({ x: 50, y: 100 - TRUNK_LENGTH });
    const left = [{ x: -300, y: 100, width: 100, height: 40 }];
    expect(junctionOf(target, left)).toEqual({ x: -TRUNK_LENGTH, y: 120 });
    // Sources all round: from above.
    const around = [{ x: -100, y: 100, width: 100, height: 40 }, { x: 100, y: 100, width: 100, height: 40 }];
    expect(junctionOf(target, around)).toEqual({ x: 50, y: 100 - TRUNK_LENGTH });

    const junction = junctionOf(target, above);
    const { path, labelX, labelY } = fannedEdge(above[0]!, target, junction);
    const points = [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    expect(points[1]).toEqual(junction);
    expect(points[2]).toEqual({ x: 50, y: 100 });
    expect({ x: labelX, y: labelY }).toEqual(junction);
  });

  it('keeps each line object while its fan is unchanged', () => {
    const model = toFlow(defaultGraph(), { deniedFor: null });
    const nodes = applyPlacement(model.nodes, placeMissing(model.nodes, {}));
    const cache = new WeakMap();
    const first = applyFans(nodes, model.edges, cache);
    const again = applyFans(nodes, model.edges, cache);
    expect(again.every((e, i) => e === first[i])).toBe(true);
  });
});
