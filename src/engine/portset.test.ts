import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALL_PORTS,
  EMPTY_PORTS,
  containsPort,
  intersectPorts,
  portRange,
  subtractPorts,
  unionPorts,
} from './portset';
import type { PortSet } from './types';

/** Arbitrary port sets built from random ranges, so they go through normalisation. */
const portSet = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 30 })), { maxLength: 6 })
  .map((ranges) => ranges.reduce<PortSet>((acc, [lo, len]) => unionPorts(acc, portRange(lo, lo + len)), EMPTY_PORTS));

const wellFormed = (set: PortSet) =>
  set.every(([lo, hi], i) => lo <= hi && lo >= 1 && hi <= 65535 && (i === 0 || lo > set[i - 1]![1] + 1));

describe('port sets', () => {
  it('merges overlapping and adjacent ranges', () => {
    expect(unionPorts([[80, 80]], [[81, 90]])).toEqual([[80, 90]]);
    expect(unionPorts([[1, 5], [20, 30]], [[4, 21]])).toEqual([[1, 30]]);
    expect(unionPorts([[10, 10]], [[12, 12]])).toEqual([[10, 10], [12, 12]]);
  });

  it('intersects', () => {
    expect(intersectPorts([[1, 100]], [[50, 200], [300, 400]])).toEqual([[50, 100]]);
    expect(intersectPorts([[1, 10]], [[11, 20]])).toEqual([]);
    expect(intersectPorts(ALL_PORTS, [[80, 80]])).toEqual([[80, 80]]);
  });

  it('clamps ranges to 1..65535', () => {
    expect(portRange(0, 70000)).toEqual([[1, 65535]]);
    expect(portRange(10, 5)).toEqual([]);
  });

  it('agrees with pointwise membership and stays well formed', () => {
    fc.assert(
      fc.property(portSet, portSet, fc.integer({ min: 1, max: 240 }), (a, b, port) => {
        const inA = containsPort(a, port);
        const inB = containsPort(b, port);
        const results = [unionPorts(a, b), intersectPorts(a, b)];
        expect(results.every(wellFormed)).toBe(true);
        expect(containsPort(results[0]!, port)).toBe(inA || inB);
        expect(containsPort(results[1]!, port)).toBe(inA && inB);
      }),
    );
  });

  it('never mutates its arguments', () => {
    const a: PortSet = [[1, 5], [10, 20]];
    const b: PortSet = [[3, 12]];
    const before = JSON.stringify([a, b]);
    unionPorts(a, b);
    intersectPorts(a, b);
    expect(JSON.stringify([a, b])).toBe(before);
  });
});

describe('port set difference', () => {
  it('cuts ranges', () => {
    expect(subtractPorts([[1, 100]], [[10, 20], [50, 50]])).toEqual([[1, 9], [21, 49], [51, 100]]);
    expect(subtractPorts([[1, 10], [20, 30]], [[5, 25]])).toEqual([[1, 4], [26, 30]]);
    expect(subtractPorts([[1, 10]], ALL_PORTS)).toEqual([]);
    expect(subtractPorts(ALL_PORTS, [[1, 1]])).toEqual([[2, 65535]]);
  });

  it('keeps exactly the ports of a that are not in b', () => {
    fc.assert(
      fc.property(portSet, portSet, fc.integer({ min: 1, max: 240 }), (a, b, port) => {
        const out = subtractPorts(a, b);
        expect(wellFormed(out)).toBe(true);
        expect(containsPort(out, port)).toBe(containsPort(a, port) && !containsPort(b, port));
      }),
    );
  });
});
