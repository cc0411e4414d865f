import { describe, expect, it } from 'vitest';
import { elkGraphFor } from './elkLayout';
import { toFlow } from './toFlow';
import { defaultGraph } from './testGraph';

describe('which graphs ELK lays out', () => {
  const { nodes, edges } = toFlow(defaultGraph(), { deniedFor: null, collapsed: new Set() });

  it('a graph with edges of specific ports between namespaces (the classic example: TCP 80 into nginx)', () => {
    expect(elkGraphFor(nodes, edges)?.edges?.length).toBeGreaterThan(0);
  });

  it('not a graph whose edges allow everything: ELK would have nothing to order, the grid places it', () => {
    const open = edges.filter((e) => e.data?.kind === 'all');
    expect(open.length).toBeGreaterThan(0);
    expect(elkGraphFor(nodes, open)).toBeUndefined();
    expect(elkGraphFor(nodes, [])).toBeUndefined();
  });
});
