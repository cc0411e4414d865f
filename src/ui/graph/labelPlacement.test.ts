import { describe, expect, it } from 'vitest';
import { DEFAULT_LABEL_AT, floatingEdge, labelSize, type Rect } from './edgeGeometry';
import type { FlowEdge, FlowNode } from './flowTypes';
import { edgeId } from './ids';
import { applyLabelSpots, labelSpots } from './labelPlacement';

const workload = (id: string, x: number, y: number, parentId?: string): FlowNode => ({
  id,
  type: 'workload',
  position: { x, y },
  width: 100,
  height: 40,
  ...(parentId ? { parentId } : {}),
  data: { name: id, kind: 'Pod', labels: [], isolatedIngress: false, isolatedEgress: false },
});
const edge = (source: string, target: string, label: string): FlowEdge => ({
  id: edgeId(source, target),
  source,
  target,
  type: 'connection',
  data: { from: source as never, to: target as never, kind: 'ports', label },
});

const rectOf = (nodes: readonly FlowNode[], id: string): Rect => {
  const node = nodes.find((n) => n.id === id)!;
  const parent = nodes.find((n) => n.id === node.parentId);
  return {
    x: node.position.x + (parent?.position.x ?? 0),
    y: node.position.y + (parent?.position.y ?? 0),
    width: node.width!,
    height: node.height!,
  };
};
/** The label box of an edge with its spot, computed the way the edge component draws it. */
const labelBox = (nodes: readonly FlowNode[], e: FlowEdge, at: number): Rect => {
  const { labelX, labelY } = floatingEdge(rectOf(nodes, e.source), rectOf(nodes, e.target), undefined, at);
  const size = labelSize(e.data!.label);
  return { x: labelX - size.width / 2, y: labelY - size.height / 2, ...size };
};
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Two edges crossing so that their default label spots (60% along) fall on the same place, and
// the way back of one of them.
const nodes = [workload('a', 0, 0), workload('b', 400, 300), workload('e', 480, 203), workload('f', 80, 203)];
const crossing = [edge('a', 'b', 'TCP 80'), edge('e', 'f', 'All'), edge('f', 'e', 'UDP 53')];

describe('label spots', () => {
  it('move labels that would cover each other apart', () => {
    const defaults = crossing.map((e) => labelBox(nodes, e, DEFAULT_LABEL_AT));
    expect(defaults.some((box, i) => defaults.some((other, j) => i !== j && overlaps(box, other)))).toBe(true);
    const spots = labelSpots(nodes, crossing);
    const boxes = crossing.map((e) => labelBox(nodes, e, spots.get(e.id)!));
    boxes.forEach((box, i) => boxes.forEach((other, j) => i !== j && expect(overlaps(box, other)).toBe(false)));
  });

  it('keep labels off workloads when the edge has room elsewhere', () => {
    // Another workload sits where the a→b label would go by default.
    const blocker = workload('x', 240, 180);
    const withBlocker = [workload('a', 0, 0), workload('b', 400, 300), blocker];
    const ab = crossing[0]!;
    expect(overlaps(labelBox(withBlocker, ab, DEFAULT_LABEL_AT), rectOf(withBlocker, 'x'))).toBe(true);
    const at = labelSpots(withBlocker, [ab]).get(ab.id)!;
    expect(overlaps(labelBox(withBlocker, ab, at), rectOf(withBlocker, 'x'))).toBe(false);
  });

  it('do not depend on the order of the edges', () => {
    expect(labelSpots(nodes, [...crossing].reverse())).toEqual(labelSpots(nodes, crossing));
  });

  it('see children where they are: relative to their group', () => {
    const group: FlowNode = { id: 'g', type: 'namespace', position: { x: 1000, y: 0 }, width: 400, height: 200, data: { name: 'g', labels: [], declared: true } };
    // r, a child of g, covers the default spot of the p→q label.
    const inGroup = [group, workload('p', 20, 60, 'g'), workload('r', 250, 60, 'g'), workload('q', 1500, 60)];
    const pq = edge('p', 'q', 'All');
    expect(overlaps(labelBox(inGroup, pq, DEFAULT_LABEL_AT), rectOf(inGroup, 'r'))).toBe(true);
    const at = labelSpots(inGroup, [pq]).get(pq.id)!;
    expect(overlaps(labelBox(inGroup, pq, at), rectOf(inGroup, 'r'))).toBe(false);
  });

  it('place the edges of a shown policy last, so the other labels keep their spots', () => {
    const denial: FlowEdge = { ...edge('b', 'a', 'Admin Deny: guard'), id: 'a->b|deny', data: { ...edge('b', 'a', 'x').data!, label: 'Admin Deny: guard', ofPolicy: 'ClusterNetworkPolicy/guard' as never } };
    const spots = labelSpots(nodes, [denial, ...crossing]);
    const before = labelSpots(nodes, crossing);
    for (const e of crossing) expect(spots.get(e.id)).toBe(before.get(e.id));
    expect(spots.has(denial.id)).toBe(true);
  });

  it('put the labels of edges into a hub near their other end, and of edges out of one near theirs', () => {
    const hub = workload('hub', 2000, 2000);
    const spokes = Array.from({ length: 9 }, (_, i) => workload(`s${i}`, i * 400, 0));
    const fanIn = spokes.map((n) => edge(n.id, 'hub', 'TCP 53'));
    const fanOut = spokes.map((n) => edge('hub', n.id, 'TCP 80'));
    const spots = labelSpots([hub, ...spokes], [...fanIn, ...fanOut]);
    for (const e of fanIn) expect(spots.get(e.id)!).toBeLessThan(0.5);
    for (const e of fanOut) expect(spots.get(e.id)!).toBeGreaterThan(0.5);
  });

  it('keep the edge objects whose label stays at the default, and reuse moved ones', () => {
    const cache = new WeakMap();
    const first = applyLabelSpots(nodes, crossing, cache);
    const again = applyLabelSpots(nodes, crossing, cache);
    expect(again).toEqual(first);
    again.forEach((e, i) => expect(e).toBe(first[i]));
    const kept = first.filter((e, i) => e === crossing[i]);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((e) => e.data!.labelAt === undefined)).toBe(true);
  });
});
