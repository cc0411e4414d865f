import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { fromElkGraph, toElkGraph } from './elkGraph';
import { applyPlacement } from './placement';
import { toFlow } from './toFlow';
import { defaultGraph } from './testGraph';

describe('ELK layout', () => {
  it.each([
    ['every namespace open', new Set<string>()],
    ['a namespace collapsed', new Set(['team-b'])],
  ])('positions every node, children inside groups, siblings apart: %s', async (_, collapsed) => {
    const { nodes, edges } = toFlow(defaultGraph(), { deniedFor: null, collapsed });
    const positions = fromElkGraph(await new ELK().layout(toElkGraph(nodes, edges)));
    expect(Object.keys(positions).sort()).toEqual(nodes.map((n) => n.id).sort());
    const placed = applyPlacement(nodes, positions);
    const groups = placed.filter((n) => !n.parentId);
    for (const a of groups)
      for (const b of groups) {
        if (a === b) continue;
        const apart =
          a.position.x + a.width! <= b.position.x ||
          b.position.x + b.width! <= a.position.x ||
          a.position.y + a.height! <= b.position.y ||
          b.position.y + b.height! <= a.position.y;
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
  });
});
