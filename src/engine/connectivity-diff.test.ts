/**
 * The connectivity diff on evaluations written out by hand: pairs added, removed and changed,
 * ports narrowed and widened, a protocol swapped, endpoints on one side only, the outside carved
 * differently on each side; its sentences; and that it reads one source at a time.
 */
import { describe, expect, it } from 'vitest';
import type { Cidr, IpBlockPeer } from '../model/types';
import { connectivityDiff, streamConnectivityDiff, type ConnectivityInput } from './connectivity-diff';
import { connectivityDiffLines } from './messages';
import { ALL_CONNECTIONS, NO_CONNECTIONS, connectionsOf, portRange, unionConnections } from './portset';
import { externalEndpoints } from './topology';
import type { Connection, ConnectionSet, Endpoint, EndpointId, WorkloadEndpoint } from './types';

const id = (text: string) => text as EndpointId;

function pod(text: string): WorkloadEndpoint {
  const [namespace, name] = text.replace(/\[.*$/, '').split('/') as [string, string];
  return { type: 'workload', id: id(text), kind: 'Pod', namespace, name, labels: {}, ports: [], ips: [], locations: [] };
}

function v4(text: string): Cidr {
  const [address, length] = text.split('/');
  const first = address!.split('.').reduce((acc, part) => (acc << 8n) + BigInt(part), 0n);
  return { family: 4, first, last: first + (1n << BigInt(32 - Number(length))) - 1n, text };
}

const block = (cidr: string, ...except: string[]): IpBlockPeer => ({ cidr: v4(cidr), except: except.map(v4) });

const tcp = (lo: number, hi = lo) => connectionsOf('TCP', portRange(lo, hi));
const udp = (lo: number, hi = lo) => connectionsOf('UDP', portRange(lo, hi));

const CLIENT = 'default/client[Pod]';
const DB = 'default/db[Pod]';
const WEB = 'default/web[Pod]';
const ALL_V4 = '0.0.0.0-255.255.255.255';
const TEN = '10.0.0.0-10.255.255.255';

/**
 * An evaluation: the pods named, the outside carved by `blocks`, and the connections listed as
 * [from, to, allowed], put in the Analyzer's order (by source, then destination, in endpoint order).
 */
function evaluation(
  pods: readonly string[],
  connections: readonly [string, string, ConnectionSet][],
  blocks: IpBlockPeer[] = [],
): ConnectivityInput {
  const endpoints: Endpoint[] = [...[...pods].sort().map(pod), ...externalEndpoints(blocks)];
  const order = new Map(endpoints.map((e, i) => [e.id as string, i]));
  const sorted = [...connections].sort(([a, b], [c, d]) => order.get(a)! - order.get(c)! || order.get(b)! - order.get(d)!);
  return { endpoints, connections: sorted.map(([from, to, allowed]) => ({ from: id(from), to: id(to), allowed })) };
}

/** The changes as [kind, from, to, added, removed]. */
const changesOf = (before: ConnectivityInput, after: ConnectivityInput) =>
  connectivityDiff(before, after).changes.map((c) => [c.kind, c.from, c.to, c.added, c.removed]);

describe('connectivityDiff', () => {
  it('is empty for equal evaluations, and says nothing changes', () => {
    const make = () =>
      evaluation([CLIENT, DB], [[CLIENT, DB, tcp(5432)], [DB, CLIENT, ALL_CONNECTIONS], [DB, ALL_V4, udp(53)]]);
    const diff = connectivityDiff(make(), make());
    expect(diff).toEqual({ endpointsAdded: [], endpointsRemoved: [], changes: [] });
    expect(connectivityDiffLines(diff)).toEqual(['Nothing changes.']);
  });

  it('lists a pair newly allowed as added, and says nothing else changes', () => {
    const before = evaluation([CLIENT, DB], []);
    const after = evaluation([CLIENT, DB], [[CLIENT, DB, tcp(5432)]]);
    const diff = connectivityDiff(before, after);
    expect(diff.changes).toEqual([
      {
        from: CLIENT,
        to: DB,
        kind: 'added',
        before: NO_CONNECTIONS,
        after: tcp(5432),
        added: tcp(5432),
        removed: NO_CONNECTIONS,
      },
    ]);
    expect(connectivityDiffLines(diff)).toEqual([`Allows: ${CLIENT} → ${DB} TCP 5432. Nothing else changes.`]);
  });

  it('lists a pair no longer allowed as removed', () => {
    const before = evaluation([CLIENT, DB], [[CLIENT, DB, ALL_CONNECTIONS], [DB, CLIENT, tcp(80)]]);
    const after = evaluation([CLIENT, DB], [[DB, CLIENT, tcp(80)]]);
    expect(changesOf(before, after)).toEqual([['removed', CLIENT, DB, NO_CONNECTIONS, ALL_CONNECTIONS]]);
    expect(connectivityDiffLines(connectivityDiff(before, after))).toEqual([
      `Stops allowing: ${CLIENT} → ${DB} all traffic. Nothing else changes.`,
    ]);
  });

  it('gives the ports gained when a pair is widened, and those lost when it is narrowed', () => {
    const narrow = evaluation([CLIENT, DB], [[CLIENT, DB, tcp(85)]]);
    const wide = evaluation([CLIENT, DB], [[CLIENT, DB, tcp(80, 90)]]);
    const around = unionConnections(tcp(80, 84), tcp(86, 90));
    expect(changesOf(narrow, wide)).toEqual([['changed', CLIENT, DB, around, NO_CONNECTIONS]]);
    expect(changesOf(wide, narrow)).toEqual([['changed', CLIENT, DB, NO_CONNECTIONS, around]]);
    expect(connectivityDiffLines(connectivityDiff(wide, narrow))).toEqual([
      `Stops allowing: ${CLIENT} → ${DB} TCP 80-84,86-90. Nothing else changes.`,
    ]);
  });

  it('gives both sides of a protocol swapped, in two sentences', () => {
    const before = evaluation([CLIENT, DB], [[CLIENT, DB, tcp(53)]]);
    const after = evaluation([CLIENT, DB], [[CLIENT, DB, udp(53)]]);
    expect(changesOf(before, after)).toEqual([['changed', CLIENT, DB, udp(53), tcp(53)]]);
    expect(connectivityDiffLines(connectivityDiff(before, after))).toEqual([
      `Allows: ${CLIENT} → ${DB} UDP 53.`,
      `Stops allowing: ${CLIENT} → ${DB} TCP 53.`,
    ]);
  });

  it('counts every connection of an endpoint added as added, and of one removed as removed', () => {
    const before = evaluation([CLIENT, DB], [[CLIENT, DB, tcp(5432)]]);
    const after = evaluation([CLIENT, WEB], [[CLIENT, WEB, tcp(80)], [WEB, CLIENT, ALL_CONNECTIONS]]);
    const diff = connectivityDiff(before, after);
    expect(diff.endpointsAdded).toEqual([WEB]);
    expect(diff.endpointsRemoved).toEqual([DB]);
    expect(changesOf(before, after)).toEqual([
      ['removed', CLIENT, DB, NO_CONNECTIONS, tcp(5432)],
      ['added', CLIENT, WEB, tcp(80), NO_CONNECTIONS],
      ['added', WEB, CLIENT, ALL_CONNECTIONS, NO_CONNECTIONS],
    ]);
    expect(connectivityDiffLines(diff)).toEqual([
      `Adds endpoint: ${WEB}.`,
      `Removes endpoint: ${DB}.`,
      `Stops allowing: ${CLIENT} → ${DB} TCP 5432.`,
      `Allows: ${CLIENT} → ${WEB} TCP 80.`,
      `Allows: ${WEB} → ${CLIENT} all traffic.`,
    ]);
  });

  it('compares the outside piece by piece: 0.0.0.0/0 except 10.0.0.0/8 against 0.0.0.0/0 differs on 10/8 only', () => {
    // Before: egress to 0.0.0.0/0 except 10.0.0.0/8 (three ranges); after: to 0.0.0.0/0 (one range).
    const below = '0.0.0.0-9.255.255.255';
    const above = '11.0.0.0-255.255.255.255';
    const before = evaluation(
      [CLIENT],
      [[CLIENT, below, tcp(443)], [CLIENT, above, tcp(443)], [TEN, CLIENT, udp(53)]],
      [block('0.0.0.0/0', '10.0.0.0/8')],
    );
    const after = evaluation([CLIENT], [[CLIENT, ALL_V4, tcp(443)], [ALL_V4, CLIENT, udp(53)]]);
    const diff = connectivityDiff(before, after);
    expect(diff.endpointsAdded).toEqual([]);
    expect(diff.endpointsRemoved).toEqual([]);
    expect(changesOf(before, after)).toEqual([
      ['added', CLIENT, TEN, tcp(443), NO_CONNECTIONS],
      ['added', below, CLIENT, udp(53), NO_CONNECTIONS],
      ['added', above, CLIENT, udp(53), NO_CONNECTIONS],
    ]);
    // Backwards, the same pieces lose what they gained.
    expect(changesOf(after, before).map(([kind, from, to]) => [kind, from, to])).toEqual([
      ['removed', CLIENT, TEN],
      ['removed', below, CLIENT],
      ['removed', above, CLIENT],
    ]);
  });

  it('cuts both carvings at the boundaries of both when neither contains the other', () => {
    const before = evaluation([CLIENT], [[CLIENT, TEN, tcp(80)]], [block('10.0.0.0/8')]);
    const after = evaluation([CLIENT], [[CLIENT, '10.0.0.0-10.0.255.255', tcp(80)]], [block('10.0.0.0/16')]);
    // Common pieces: 0-9.x, 10.0.0.0/16, 10.1.0.0-10.255.255.255, 11-255.x; the last two of 10/8 lose TCP 80.
    expect(changesOf(before, after)).toEqual([['removed', CLIENT, '10.1.0.0-10.255.255.255', NO_CONNECTIONS, tcp(80)]]);
  });

  it('lists an address family only one side carves as endpoints added', () => {
    const v6: Cidr = { family: 6, first: 0n, last: (1n << 128n) - 1n, text: '::/0' };
    const ALL_V6 = '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff';
    const after = evaluation([CLIENT], [[CLIENT, ALL_V6, ALL_CONNECTIONS]], [{ cidr: v6, except: [] }]);
    const diff = connectivityDiff(evaluation([CLIENT], []), after);
    expect(diff.endpointsAdded).toEqual([ALL_V6]);
    expect(diff.changes.map((c) => c.kind)).toEqual(['added']);
  });

  it('orders the changes by source, then destination', () => {
    const before = evaluation([CLIENT, DB, WEB], []);
    const after = evaluation(
      [CLIENT, DB, WEB],
      [[WEB, DB, tcp(1)], [DB, WEB, tcp(2)], [DB, CLIENT, tcp(3)], [CLIENT, ALL_V4, tcp(4)], [ALL_V4, CLIENT, tcp(5)]],
    );
    expect(connectivityDiff(before, after).changes.map((c) => `${c.from} ${c.to}`)).toEqual([
      `${CLIENT} ${ALL_V4}`,
      `${DB} ${CLIENT}`,
      `${DB} ${WEB}`,
      `${WEB} ${DB}`,
      `${ALL_V4} ${CLIENT}`,
    ]);
  });

  it('refuses connections out of endpoint order rather than answer wrongly', () => {
    const good = evaluation([CLIENT, DB], [[CLIENT, DB, tcp(1)], [DB, CLIENT, tcp(2)]]);
    const shuffled = { ...good, connections: [...good.connections].reverse() };
    expect(() => connectivityDiff(good, shuffled)).toThrow(/out of endpoint order/);
  });

  it('streamed, holds one source of each side at a time, and reads again when read again', () => {
    const pods = ['x/a[Pod]', 'x/b[Pod]', 'x/c[Pod]', 'x/d[Pod]'];
    const all = pods.flatMap((from) =>
      pods.filter((to) => to !== from).map((to): [string, string, ConnectionSet] => [from, to, tcp(80)]),
    );
    let read = 0;
    const counting = (input: ConnectivityInput): ConnectivityInput => ({
      ...input,
      connections: {
        *[Symbol.iterator]() {
          for (const connection of input.connections) {
            read++;
            yield connection as Connection;
          }
        },
      },
    });
    const diff = streamConnectivityDiff(counting(evaluation(pods, [])), counting(evaluation(pods, all)));
    expect(read).toBe(0);
    let seen = 0;
    for (const _ of diff.changes) {
      seen++;
      // A source's row (3 connections) and the first of the next are read before its changes go out.
      expect(read).toBeLessThanOrEqual(Math.ceil(seen / 3) * 3 + 1);
    }
    expect(seen).toBe(12);
    expect([...diff.changes]).toHaveLength(12);
  });
});
