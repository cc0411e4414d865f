import { describe, expect, it } from 'vitest';
import { floatingEdge, loopEdge } from './edgeGeometry';

const a = { x: 0, y: 0, width: 100, height: 50 };
const b = { x: 300, y: 0, width: 100, height: 50 };

describe('floatingEdge', () => {
  it('runs from border to border, shifted to the right of its direction', () => {
    expect(floatingEdge(a, b, 6).path).toBe('M 100,31 L 300,31');
  });

  it('puts the two directions of a pair on different lines', () => {
    const there = floatingEdge(a, b, 6);
    const back = floatingEdge(b, a, 6);
    expect(back.path).toBe('M 300,19 L 100,19');
    expect(there.labelY).not.toBe(back.labelY);
  });

  it('places the label toward the target, right of the line', () => {
    const { labelX, labelY } = floatingEdge(a, b, 6, 0.6);
    expect(labelX).toBe(220);
    expect(labelY).toBe(31 + 12);
  });

  it('leaves through the top or bottom when the target is below', () => {
    const below = { x: 0, y: 200, width: 100, height: 50 };
    expect(floatingEdge(a, below, 0).path).toBe('M 50,50 L 50,200');
  });
});

describe('loopEdge', () => {
  it('leaves and re-enters the right side of its node, its label right of the loop', () => {
    const { path, labelX, labelY } = loopEdge(a, 90);
    expect(path.startsWith('M 100,12.5 ')).toBe(true);
    expect(path.endsWith(' 100,37.5')).toBe(true);
    // The loop reaches 60 past the node at most (a cubic's peak is 3/4 of its control points').
    expect(labelX - 45).toBeGreaterThanOrEqual(a.x + a.width + 60);
    expect(labelY).toBe(25);
  });
});
