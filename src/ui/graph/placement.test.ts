import { describe, expect, it } from 'vitest';
import type { XY } from '../../store/types';
import { applyPlacement, needsFullLayout, placeMissing, GROUP_HEADER, GROUP_PAD } from './placement';
import { gridLayout } from './gridLayout';
import { toFlow } from './toFlow';
import type { FlowNode } from './flowTypes';
import { namespaceNodeId } from './ids';
import { CLIENT, NGINX, OTHER, defaultGraph } from './testGraph';

const nodes = () => toFlow(defaultGraph(), { deniedFor: null }).nodes;
type Box = { x: number; y: number; w: number; h: number };

function absoluteBoxes(placed: readonly FlowNode[]): Map<string, Box> {
  const byId = new Map(placed.map((n) => [n.id, n]));
  return new Map(
    placed.map((n) => {
      const parent = n.parentId ? byId.get(n.parentId)!.position : { x: 0, y: 0 };
      return [n.id, { x: n.position.x + parent.x, y: n.position.y + parent.y, w: n.width!, h: n.height! }];
    }),
  );
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function expectNoOverlap(placed: readonly FlowNode[]) {
  const boxes = absoluteBoxes(placed);
  const siblings = (a: FlowNode, b: FlowNode) => a.parentId === b.parentId;
  for (const a of placed)
    for (const b of placed)
      if (a !== b && siblings(a, b)) expect(overlap(boxes.get(a.id)!, boxes.get(b.id)!), `${a.id} / ${b.id}`).toBe(false);
}

describe('placement', () => {
  it('places everything from scratch without overlaps, children inside their group', () => {
    const all = nodes();
    const placed = applyPlacement(all, placeMissing(all, {}));
    expectNoOverlap(placed);
    const boxes = absoluteBoxes(placed);
    for (const n of placed.filter((n) => n.parentId)) {
      const child = boxes.get(n.id)!;
      const group = boxes.get(n.parentId!)!;
      expect(child.x + child.w).toBeLessThanOrEqual(group.x + group.w);
      expect(child.y + child.h).toBeLessThanOrEqual(group.y + group.h);
    }
  });

  it("declares every node's handles, centred on its top and bottom edges, so React Flow need not measure them", () => {
    const all = nodes();
    for (const node of applyPlacement(all, placeMissing(all, {}))) {
      const centre = node.width! / 2;
      expect(node.handles, node.id).toEqual([
        expect.objectContaining({ type: 'target', position: 'top', x: centre - 3, y: -3 }),
        expect.objectContaining({ type: 'source', position: 'bottom', x: centre - 3, y: node.height! - 3 }),
      ]);
    }
  });

  it('never moves a known node, and puts a new one below its namespace siblings', () => {
    const all = nodes();
    const known: Record<string, XY> = { ...placeMissing(all, {}), [NGINX]: { x: 300, y: 400 } };
    const withoutClient = Object.fromEntries(Object.entries(known).filter(([k]) => k !== CLIENT));
    const added = placeMissing(all, withoutClient);
    expect(Object.keys(added)).toEqual([CLIENT]);
    expect(added[CLIENT]!.y).toBeGreaterThan(400);
    expect(added[CLIENT]!.x).toBe(GROUP_PAD);
  });

  it('moves a group down, for display only, when its neighbour grew into it', () => {
    const all = nodes();
    const positions: Record<string, XY> = {
      ...placeMissing(all, {}),
      [namespaceNodeId('default')]: { x: 0, y: 0 },
      [namespaceNodeId('team-b')]: { x: 0, y: 300 },
      [NGINX]: { x: GROUP_PAD, y: 500 },
    };
    const placed = applyPlacement(all, positions);
    const other = placed.find((n) => n.id === namespaceNodeId('team-b'))!;
    const def = placed.find((n) => n.id === namespaceNodeId('default'))!;
    expect(other.position.y).toBeGreaterThanOrEqual(def.position.y + def.height!);
    expect(positions[namespaceNodeId('team-b')]).toEqual({ x: 0, y: 300 });
  });

  it('lays out a grid with every child below its group header', () => {
    const all = nodes();
    const positions = gridLayout(all);
    expect(positions[OTHER]).toEqual({ x: GROUP_PAD, y: GROUP_HEADER });
    expectNoOverlap(applyPlacement(all, positions));
  });
});

describe('placement cache', () => {
  it('keeps unmoved nodes as the same objects', () => {
    const all = nodes();
    const cache = new WeakMap();
    const positions = placeMissing(all, {});
    const first = applyPlacement(all, positions, cache);
    const moved = applyPlacement(all, { ...positions, [CLIENT]: { x: 500, y: 500 } }, cache);
    expect(moved.find((n) => n.id === NGINX)).toBe(first.find((n) => n.id === NGINX));
    expect(moved.find((n) => n.id === CLIENT)).not.toBe(first.find((n) => n.id === CLIENT));
    expect(moved.find((n) => n.id === CLIENT)!.position).toEqual({ x: 500, y: 500 });
  });
});

describe('a namespace opened', () => {
  const pods = (n: number): FlowNode[] => [
    { id: namespaceNodeId('big'), type: 'namespace', position: { x: 0, y: 0 }, data: { name: 'big', labels: [], declared: true } },
    ...Array.from({ length: n }, (_, i): FlowNode => ({
      id: `big/p${i}[Pod]`,
      type: 'workload',
      parentId: namespaceNodeId('big'),
      position: { x: 0, y: 0 },
      width: 230,
      height: 120,
      data: { name: `p${i}`, kind: 'Pod', labels: [], isolatedIngress: false, isolatedEgress: false },
    })),
  ];

  it('lays its workloads out as a grid taller than wide, where it stood, with no whole layout', () => {
    const all = pods(20);
    const known = { [namespaceNodeId('big')]: { x: 500, y: 300 } };
    expect(needsFullLayout(all, known)).toBe(false);
    const added = placeMissing(all, known);
    expect(added[namespaceNodeId('big')]).toBeUndefined();
    expect(new Set(Object.values(added).map((p) => p.x)).size).toBe(3);
    expect(new Set(Object.values(added).map((p) => p.y)).size).toBe(7);
    expectNoOverlap(applyPlacement(all, { ...known, ...added }));
  });
});

describe('needsFullLayout', () => {
  it('asks for a whole layout when most pods are new, not for a few newcomers', () => {
    const all = nodes();
    const known = placeMissing(all, {});
    expect(needsFullLayout(all, {})).toBe(true);
    expect(needsFullLayout(all, known)).toBe(false);
    const onlyOne = { [NGINX]: known[NGINX]! };
    expect(needsFullLayout(all, onlyOne)).toBe(true);
    const allButOne = Object.fromEntries(Object.entries(known).filter(([id]) => id !== CLIENT));
    expect(needsFullLayout(all, allButOne)).toBe(false);
  });
});

describe('gridLayout of a large cluster', () => {
  it('is about as wide as it is high', () => {
    const many: FlowNode[] = [];
    for (let g = 0; g < 100; g++) {
      many.push({ id: namespaceNodeId(`${g}`), type: 'namespace', position: { x: 0, y: 0 }, data: { name: `${g}`, labels: [], declared: true } });
      for (let c = 0; c < 20; c++) {
        many.push({
          id: `${g}/${c}[Pod]`,
          type: 'workload',
          parentId: namespaceNodeId(`${g}`),
          position: { x: 0, y: 0 },
          width: 230,
          height: 120,
          data: { name: `${c}`, kind: 'Pod', labels: [], isolatedIngress: false, isolatedEgress: false },
        });
      }
    }
    const placed = applyPlacement(many, gridLayout(many)).filter((n) => !n.parentId);
    const width = Math.max(...placed.map((n) => n.position.x + n.width!));
    const height = Math.max(...placed.map((n) => n.position.y + n.height!));
    expect(width / height).toBeGreaterThan(0.6);
    expect(width / height).toBeLessThan(2);
  });
});
