import { describe, expect, it } from 'vitest';
import type { GraphFocus } from '../../store/types';
import { focusLayout, focusOn } from './focus';
import { edgeId, namespaceNodeId } from './ids';
import { applyPlacement } from './placement';
import { toFlow } from './toFlow';
import { ANY_V4, CLIENT, defaultGraph, NGINX, OTHER } from './testGraph';

const whole = () => toFlow(defaultGraph(), { deniedFor: null });
const focused = (focus: GraphFocus) => {
  const { nodes, edges } = whole();
  return focusOn(nodes, edges, focus);
};
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id).sort();

describe('the focus view', () => {
  it('shows the node, its neighbours either way, their groups, and only the edges that touch the node', () => {
    const { nodes, edges } = focused({ node: NGINX, direction: 'both' });
    expect(edges.every((e) => e.source === NGINX || e.target === NGINX)).toBe(true);
    expect(ids(edges)).toEqual(ids(whole().edges.filter((e) => e.source === NGINX || e.target === NGINX)));
    expect(ids(nodes)).toEqual([ANY_V4, CLIENT, NGINX, OTHER, namespaceNodeId('default'), namespaceNodeId('team-b'), 'group:external'].sort());
  });

  it('follows one direction: what reaches the node, or what it reaches', () => {
    // nginx accepts TCP 80 from everyone; it reaches everyone too.
    const into = focused({ node: NGINX, direction: 'in' });
    expect(into.edges.every((e) => e.target === NGINX)).toBe(true);
    expect(into.edges.map((e) => e.id)).toContain(edgeId(OTHER, NGINX));
    const out = focused({ node: NGINX, direction: 'out' });
    expect(out.edges.every((e) => e.source === NGINX)).toBe(true);
  });

  it('leaves the graph whole when the focused node is not in it', () => {
    const { nodes, edges } = whole();
    const same = focusOn(nodes, edges, { node: 'gone/x[Pod]', direction: 'both' });
    expect(same.nodes).toBe(nodes);
    expect(same.edges).toBe(edges);
  });

  it('focuses on a collapsed namespace: its edges, the traffic inside it too', () => {
    const { edges } = toFlow(defaultGraph(), { deniedFor: null, collapsed: new Set(['default']), focus: { node: namespaceNodeId('default'), direction: 'both' } });
    const ns = namespaceNodeId('default');
    expect(edges.map((e) => e.id)).toContain(edgeId(ns, ns));
    expect(edges.every((e) => e.source === ns || e.target === ns)).toBe(true);
  });
});

describe('the focus layout', () => {
  it('puts what only reaches the node on its left, what it only reaches on its right, without overlaps', () => {
    const focus: GraphFocus = { node: NGINX, direction: 'both' };
    // Only into nginx: other-client and the outside are on its left.
    const into = focused({ ...focus, direction: 'in' });
    const placed = applyPlacement(into.nodes, focusLayout(into.nodes, into.edges, { ...focus, direction: 'in' }));
    const x = (id: string) => placed.find((n) => n.id === id)!.position.x;
    expect(x(namespaceNodeId('team-b'))).toBeLessThan(x(namespaceNodeId('default')));
    expect(x('group:external')).toBeLessThan(x(namespaceNodeId('default')));
    const out = focused({ ...focus, direction: 'out' });
    const right = applyPlacement(out.nodes, focusLayout(out.nodes, out.edges, { ...focus, direction: 'out' }));
    const rx = (id: string) => right.find((n) => n.id === id)!.position.x;
    expect(rx(namespaceNodeId('team-b'))).toBeGreaterThan(rx(namespaceNodeId('default')));
    const tops = placed.filter((n) => n.parentId === undefined);
    for (const a of tops)
      for (const b of tops) {
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
