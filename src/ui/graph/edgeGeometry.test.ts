import { describe, expect, it } from 'vitest';
import { floatingEdge } from './edgeGeometry';

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
