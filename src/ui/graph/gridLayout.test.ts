import { describe, expect, it } from 'vitest';
import type { FlowEdge, FlowNode } from './flowTypes';
import { gridLayout, prefersGrid } from './gridLayout';
import { edgeId, namespaceNodeId } from './ids';
import { applyPlacement } from './placement';

const collapsed = (name: string): FlowNode => ({
  id: namespaceNodeId(name),
  type: 'collapsedNamespace',
  position: { x: 0, y: 0 },
  width: 250,
  height: 104,
  data: { name, labels: [], declared: true, members: [] },
});
const edge = (source: string, target: string): FlowEdge => ({
  id: edgeId(source, target),
  source,
  target,
  type: 'connection',
  data: { from: source as never, to: target as never, kind: 'ports', label: '1 pair · TCP 53' },
});

describe('the grid layout of many collapsed namespaces', () => {
  const names = Array.from({ length: 60 }, (_, i) => `team-${i}`);
  const nodes = [collapsed('kube-system'), ...names.map(collapsed)];
  const edges = names.map((n) => edge(namespaceNodeId(n), namespaceNodeId('kube-system')));

  it('is preferred to a layered layout once there are many boxes', () => {
    expect(prefersGrid(nodes)).toBe(true);
    expect(prefersGrid(nodes.slice(0, 20))).toBe(false);
  });

  it('puts the hub every namespace has an edge with in a row of its own, between the others, and overlaps nothing', () => {
    const placed = applyPlacement(nodes, gridLayout(nodes, edges));
    const y = (id: string) => placed.find((n) => n.id === id)!.position.y;
    const hub = y(namespaceNodeId('kube-system'));
    const others = names.map((n) => y(namespaceNodeId(n)));
    expect(others.some((o) => o < hub) && others.some((o) => o > hub)).toBe(true);
    expect(others.every((o) => Math.abs(o - hub) >= 104)).toBe(true);
    for (const a of placed)
      for (const b of placed)
        if (a !== b)
          expect(
            a.position.x + a.width! <= b.position.x || b.position.x + b.width! <= a.position.x || a.position.y + a.height! <= b.position.y || b.position.y + b.height! <= a.position.y,
            `${a.id} / ${b.id}`,
          ).toBe(true);
  });

  it('is plain rows without a hub', () => {
    const placed = applyPlacement(nodes, gridLayout(nodes));
    expect(placed.find((n) => n.id === namespaceNodeId('kube-system'))!.position).toEqual({ x: 0, y: 0 });
  });
});
