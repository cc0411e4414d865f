/**
 * Immutable port-set algebra. A PortSet is a sorted list of disjoint, non-adjacent inclusive
 * ranges within 1..65535; a ConnectionSet holds one PortSet per protocol. Every operation returns
 * a new value and never mutates its arguments (STYLE.md habit 6).
 */
import { PROTOCOLS, type Protocol } from '../model/types';
import type { ConnectionSet, PortRange, PortSet } from './types';

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export const EMPTY_PORTS: PortSet = Object.freeze([]) as PortSet;
export const ALL_PORTS: PortSet = Object.freeze([Object.freeze([MIN_PORT, MAX_PORT]) as PortRange]);

/** The set holding exactly [lo, hi] clamped to the valid range (empty when lo > hi). */
export function portRange(lo: number, hi: number): PortSet {
  const from = Math.max(lo, MIN_PORT);
  const to = Math.min(hi, MAX_PORT);
  return from > to ? EMPTY_PORTS : [[from, to]];
}

export function isAllPorts(set: PortSet): boolean {
  return set.length === 1 && set[0]![0] === MIN_PORT && set[0]![1] === MAX_PORT;
}

export function containsPort(set: PortSet, port: number): boolean {
  return set.some(([lo, hi]) => lo <= port && port <= hi);
}

/** Sorts and merges overlapping or adjacent ranges. */
function normalise(ranges: PortRange[]): PortSet {
  if (ranges.length === 0) return EMPTY_PORTS;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

export function unionPorts(a: PortSet, b: PortSet): PortSet {
  if (a.length === 0 || isAllPorts(b)) return b;
  if (b.length === 0 || isAllPorts(a)) return a;
  return normalise([...a, ...b]);
}

export function intersectPorts(a: PortSet, b: PortSet): PortSet {
  if (a.length === 0 || isAllPorts(b)) return a;
  if (b.length === 0 || isAllPorts(a)) return b;
  const out: PortRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aLo, aHi] = a[i]!;
    const [bLo, bHi] = b[j]!;
    const lo = Math.max(aLo, bLo);
    const hi = Math.min(aHi, bHi);
    if (lo <= hi) out.push([lo, hi]);
    if (aHi < bHi) i++;
    else j++;
  }
  return out.length === 0 ? EMPTY_PORTS : out;
}

/** The ports of `a` that are not in `b`. */
export function subtractPorts(a: PortSet, b: PortSet): PortSet {
  if (a.length === 0 || b.length === 0) return a;
  if (isAllPorts(b)) return EMPTY_PORTS;
  const out: PortRange[] = [];
  let j = 0;
  for (const [lo, hi] of a) {
    let from = lo;
    while (j < b.length && b[j]![1] < from) j++;
    for (let k = j; k < b.length && b[k]![0] <= hi; k++) {
      const [bLo, bHi] = b[k]!;
      if (bLo > from) out.push([from, bLo - 1]);
      from = Math.max(from, bHi + 1);
      if (from > hi) break;
    }
    if (from <= hi) out.push([from, hi]);
  }
  return out.length === 0 ? EMPTY_PORTS : out;
}

// ---- ConnectionSet: one PortSet per protocol --------------------------------------------------

export const NO_CONNECTIONS: ConnectionSet = Object.freeze({
  TCP: EMPTY_PORTS,
  UDP: EMPTY_PORTS,
  SCTP: EMPTY_PORTS,
});

export const ALL_CONNECTIONS: ConnectionSet = Object.freeze({
  TCP: ALL_PORTS,
  UDP: ALL_PORTS,
  SCTP: ALL_PORTS,
});

/** A connection set allowing `ports` of one protocol and nothing else. */
export function connectionsOf(protocol: Protocol, ports: PortSet): ConnectionSet {
  return { ...NO_CONNECTIONS, [protocol]: ports };
}

function combine(
  a: ConnectionSet,
  b: ConnectionSet,
  op: (x: PortSet, y: PortSet) => PortSet,
): ConnectionSet {
  return { TCP: op(a.TCP, b.TCP), UDP: op(a.UDP, b.UDP), SCTP: op(a.SCTP, b.SCTP) };
}

export function unionConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  if (a === b || isNoConnections(b) || a === ALL_CONNECTIONS) return a;
  if (isNoConnections(a) || b === ALL_CONNECTIONS) return b;
  return combine(a, b, unionPorts);
}

export function intersectConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  if (a === b || b === ALL_CONNECTIONS) return a;
  if (a === ALL_CONNECTIONS) return b;
  return combine(a, b, intersectPorts);
}

export function subtractConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  if (b === ALL_CONNECTIONS) return NO_CONNECTIONS;
  if (isNoConnections(b)) return a;
  return combine(a, b, subtractPorts);
}

/** Whether two sets hold the same ports (their ranges are kept sorted and merged). */
export function sameConnections(a: ConnectionSet, b: ConnectionSet): boolean {
  const same = (x: PortSet, y: PortSet) => x.length === y.length && x.every(([lo, hi], i) => lo === y[i]![0] && hi === y[i]![1]);
  return a === b || (same(a.TCP, b.TCP) && same(a.UDP, b.UDP) && same(a.SCTP, b.SCTP));
}

export function isNoConnections(set: ConnectionSet): boolean {
  return PROTOCOLS.every((p) => set[p].length === 0);
}

export function isAllConnections(set: ConnectionSet): boolean {
  return PROTOCOLS.every((p) => isAllPorts(set[p]));
}

/** Whether the set allows the queried protocol (and port, when given). */
export function allowsQuery(set: ConnectionSet, protocol: Protocol, port?: number): boolean {
  return port === undefined ? set[protocol].length > 0 : containsPort(set[protocol], port);
}
