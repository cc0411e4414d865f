/**
 * Reads netpol-analyzer's connlist `txt` format and compares it with our connectivity after the
 * normalisation that the corpus README describes: pairs as a map, connection sets compared as
 * sets, external ranges refined per (workload, direction) to common breakpoints.
 */
import { PROTOCOLS, type Protocol } from '../../src/model/types';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  describeConnections,
  unionConnections,
  type ConnectionSet,
  type Connection,
  type Endpoint,
} from '../../src/engine';

export interface ExternalRange {
  readonly first: bigint;
  readonly last: bigint;
}

export interface PairLine {
  readonly from: string;
  readonly to: string;
  /** Set when the endpoint on that side is an external IPv4 range. */
  readonly fromRange?: ExternalRange;
  readonly toRange?: ExternalRange;
  readonly allowed: ConnectionSet;
}

function ipv4(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) + BigInt(Number(part)), 0n);
}

const RANGE = /^(\d+\.\d+\.\d+\.\d+)-(\d+\.\d+\.\d+\.\d+)(\[External\])?$/;

export function parseRange(peer: string): ExternalRange | undefined {
  const match = RANGE.exec(peer);
  return match ? { first: ipv4(match[1]!), last: ipv4(match[2]!) } : undefined;
}

/** `All Connections` or `TCP 80,8080-8090,UDP 53`: a comma also separates ranges of one protocol. */
export function parseConns(text: string): ConnectionSet {
  if (text === 'All Connections') return ALL_CONNECTIONS;
  let set = NO_CONNECTIONS;
  let protocol: Protocol | undefined;
  for (const token of text.split(',')) {
    const [head, rest] = token.split(' ');
    let range = head!;
    if (rest !== undefined) {
      if (!PROTOCOLS.includes(head as Protocol)) throw new Error(`bad protocol in "${text}"`);
      protocol = head as Protocol;
      range = rest;
    }
    if (!protocol) throw new Error(`ports before a protocol in "${text}"`);
    const [lo, hi] = range.split('-').map(Number);
    set = unionConnections(set, { ...NO_CONNECTIONS, [protocol]: [[lo!, hi ?? lo!]] });
  }
  return set;
}

export function parseConnlist(text: string): PairLine[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const match = /^(.+?) => (.+?) : (.+)$/.exec(line);
      if (!match) throw new Error(`not a connlist line: ${line}`);
      const [, from, to, conns] = match as unknown as [string, string, string, string];
      const fromRange = parseRange(from);
      const toRange = parseRange(to);
      return { from, to, ...(fromRange ? { fromRange } : {}), ...(toRange ? { toRange } : {}), allowed: parseConns(conns) };
    });
}

export function fromConnections(endpoints: readonly Endpoint[], connections: readonly Connection[]): PairLine[] {
  const ranges = new Map<string, ExternalRange>();
  for (const e of endpoints) if (e.type === 'external' && e.range.family === 4) ranges.set(e.id, e.range);
  return connections.flatMap((c) => {
    const fromRange = ranges.get(c.from);
    const toRange = ranges.get(c.to);
    // The reference models IPv4 only; an IPv6 external endpoint has no counterpart there.
    const isV6 = (id: string) => !ranges.has(id) && /^[0-9a-f:]*:[0-9a-f:]*-/.test(id);
    if (isV6(c.from) || isV6(c.to)) return [];
    return [{ from: c.from, to: c.to, ...(fromRange ? { fromRange } : {}), ...(toRange ? { toRange } : {}), allowed: c.allowed }];
  });
}

/**
 * Canonical lines: workload pairs as they are; external lines refined to the common breakpoints
 * of both sides per (workload, direction), with adjacent pieces of equal connections merged.
 */
export function canonical(lines: readonly PairLine[], cuts: ReadonlyMap<string, bigint[]>): Map<string, string> {
  const out = new Map<string, string>();
  const external = new Map<string, { range: ExternalRange; allowed: ConnectionSet }[]>();
  for (const line of lines) {
    if (!line.fromRange && !line.toRange) {
      out.set(`${line.from} => ${line.to}`, describeConnections(line.allowed));
      continue;
    }
    const key = line.fromRange ? `ext => ${line.to}` : `${line.from} => ext`;
    const list = external.get(key) ?? [];
    list.push({ range: (line.fromRange ?? line.toRange)!, allowed: line.allowed });
    external.set(key, list);
  }
  for (const [key, pieces] of external) {
    const starts = cuts.get(key) ?? [];
    let previous: { first: bigint; last: bigint; text: string } | undefined;
    const emit = () => previous && out.set(`${key} @ ${previous.first}-${previous.last}`, previous.text);
    starts.forEach((first, i) => {
      const last = i + 1 < starts.length ? starts[i + 1]! - 1n : (1n << 32n) - 1n;
      const covering = pieces.find((p) => p.range.first <= first && first <= p.range.last);
      const text = covering ? describeConnections(covering.allowed) : '';
      if (previous && previous.text === text) previous.last = last;
      else {
        if (previous?.text) emit();
        previous = { first, last, text };
      }
    });
    if (previous?.text) emit();
  }
  return out;
}

/** The breakpoints of both sides, per (workload, direction) key. */
export function commonCuts(...sides: (readonly PairLine[])[]): Map<string, bigint[]> {
  const cuts = new Map<string, Set<bigint>>();
  for (const line of sides.flat()) {
    const range = line.fromRange ?? line.toRange;
    if (!range) continue;
    const key = line.fromRange ? `ext => ${line.to}` : `${line.from} => ext`;
    const set = cuts.get(key) ?? new Set([0n]);
    set.add(range.first);
    if (range.last < (1n << 32n) - 1n) set.add(range.last + 1n);
    cuts.set(key, set);
  }
  return new Map([...cuts].map(([k, v]) => [k, [...v].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))]));
}

/** Differences as readable lines (empty when equal). */
export function differences(expected: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): string[] {
  const keys = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  return keys
    .filter((k) => expected.get(k) !== actual.get(k))
    .map((k) => `${k}: expected ${expected.get(k) ?? '(nothing)'}, got ${actual.get(k) ?? '(nothing)'}`);
}
