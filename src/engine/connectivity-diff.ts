/**
 * What changed in connectivity from one evaluation to another: for every ordered pair whose allowed
 * connections differ, the ports gained and the ports lost. Data only; the sentences are in
 * messages.ts (`connectivityDiffLines`).
 *
 * Endpoints are matched by id. The outside world is matched by address, not by id: each
 * evaluation carves it at its own ipBlock boundaries, so both are cut at the boundaries of both
 * (`commonPieces`) and compared piece by piece; a range of one evaluation stands for each of its
 * pieces, since every address of a range gets the same verdicts. "0.0.0.0/0 except 10.0.0.0/8"
 * against "0.0.0.0/0" then differs on 10.0.0.0-10.255.255.255 only. An address family only one
 * evaluation carves (IPv6, when only one names IPv6 addresses) has no counterpart: its pieces are
 * endpoints added or removed. To compare it too, analyse the other with it carved
 * (`AnalyzerOptions.addressFamilies`), as the CLI's `diff` does.
 *
 * Both evaluations are read once, source by source, in the order the Analyzer writes connections
 * (`Analysis.connections`, or a `StreamedAnalysis`): one source's connections of each side are held
 * at a time, so two streamed evaluations of millions of pairs are compared without holding them.
 */
import type { IpRange } from '../model/types';
import { commonPieces, rangeText } from './address-space';
import { NO_CONNECTIONS, isNoConnections, sameConnections, subtractConnections } from './portset';
import type { Connection, ConnectionSet, Endpoint, EndpointId } from './types';

/**
 * What the diff reads of an evaluation (an `Analysis` or a `StreamedAnalysis`). Connections come
 * grouped by source in the order of `endpoints`, each source's in the order of its destinations,
 * as the Analyzer gives them.
 */
export interface ConnectivityInput {
  readonly endpoints: readonly Endpoint[];
  readonly connections: Iterable<Connection>;
}

/** `added`: nothing was allowed before; `removed`: nothing is allowed after; else `changed`. */
export type PairChangeKind = 'added' | 'removed' | 'changed';

/** One ordered pair whose allowed connections differ. `after` = `before` ∪ `added` − `removed`. */
export interface PairChange {
  readonly from: EndpointId;
  readonly to: EndpointId;
  readonly kind: PairChangeKind;
  readonly before: ConnectionSet;
  readonly after: ConnectionSet;
  /** Allowed after, not before. */
  readonly added: ConnectionSet;
  /** Allowed before, not after. */
  readonly removed: ConnectionSet;
}

/**
 * The difference between two evaluations. Endpoint ids are the workloads' own and, outside the
 * cluster, the pieces both carvings have in common (`first-last`).
 */
export interface ConnectivityDiff {
  /** Endpoints only the newer evaluation has: all their pairs' connections count as added. */
  readonly endpointsAdded: readonly EndpointId[];
  /** Endpoints only the older evaluation has: all their pairs' connections count as removed. */
  readonly endpointsRemoved: readonly EndpointId[];
  /** By source, then destination: workloads by id, then outside pieces in address order. */
  readonly changes: readonly PairChange[];
}

/** A `ConnectivityDiff` whose changes are worked out as they are read (each read reads both inputs again). */
export interface StreamedConnectivityDiff extends Omit<ConnectivityDiff, 'changes'> {
  readonly changes: Iterable<PairChange>;
}

/** The endpoints of both evaluations, in one order, and where each evaluation's endpoints fall in it. */
interface Universe {
  readonly ids: readonly EndpointId[];
  readonly before: SideMap;
  readonly after: SideMap;
}

interface SideMap {
  /** Per endpoint id of this side: the indices (in `Universe.ids`) it stands for, ascending. */
  readonly covers: ReadonlyMap<EndpointId, readonly number[]>;
  /** Per index of `Universe.ids`: this side's endpoint standing for it, if any. */
  readonly owner: readonly (EndpointId | undefined)[];
}

function universeOf(before: readonly Endpoint[], after: readonly Endpoint[]): Universe {
  const workloadIds = [...before, ...after].filter((e) => e.type === 'workload').map((e) => e.id);
  // In the Analyzer's order of workloads (topology.ts `byId`): by id, as strings compare.
  const workloads = [...new Set(workloadIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rangesOf = (endpoints: readonly Endpoint[]) =>
    endpoints.flatMap((e) => (e.type === 'external' ? [e.range] : []));
  const pieces = commonPieces([rangesOf(before), rangesOf(after)]);
  const ids = [...workloads, ...pieces.map((piece) => rangeText(piece) as EndpointId)];
  const workloadIndex = new Map(workloads.map((id, i) => [id, i]));
  const pieceIndex = new Map(pieces.map((piece, i) => [startKey(piece), workloads.length + i]));
  const sideMap = (endpoints: readonly Endpoint[]): SideMap => {
    const covers = new Map<EndpointId, number[]>();
    const owner: (EndpointId | undefined)[] = ids.map(() => undefined);
    for (const endpoint of endpoints) {
      const indices = endpoint.type === 'workload' ? [workloadIndex.get(endpoint.id)!] : [];
      if (endpoint.type === 'external') {
        // A range starts at a cut of the common pieces and ends where one of them ends.
        for (let i = pieceIndex.get(startKey(endpoint.range))!; i < ids.length; i++) {
          indices.push(i);
          if (pieces[i - workloads.length]!.last === endpoint.range.last) break;
        }
      }
      covers.set(endpoint.id, indices);
      for (const i of indices) owner[i] = endpoint.id;
    }
    return { covers, owner };
  };
  return { ids, before: sideMap(before), after: sideMap(after) };
}

const startKey = (range: IpRange) => `${range.family}/${range.first}`;

/** Reads a side's connections one source at a time, in order. */
class RowReader {
  private readonly iterator: Iterator<Connection>;
  private next: IteratorResult<Connection>;
  private source: EndpointId | undefined;
  private row: readonly (readonly [number, ConnectionSet])[] = [];

  constructor(
    connections: Iterable<Connection>,
    private readonly side: SideMap,
  ) {
    this.iterator = connections[Symbol.iterator]();
    this.next = this.iterator.next();
  }

  /**
   * What the side's endpoint standing for universe index `i` allows toward each universe index, in
   * ascending order. Consecutive pieces of one range share its row: it is read once.
   */
  rowOf(i: number): readonly (readonly [number, ConnectionSet])[] {
    const source = this.side.owner[i];
    if (source === undefined) return [];
    if (source === this.source) return this.row;
    const row: [number, ConnectionSet][] = [];
    while (!this.next.done && this.next.value.from === source) {
      const { to, allowed } = this.next.value;
      const destinations = this.side.covers.get(to);
      if (!destinations) throw new Error(`connection ${source} → ${to} names an unknown endpoint`);
      for (const d of destinations) row.push([d, allowed]);
      this.next = this.iterator.next();
    }
    this.source = source;
    this.row = row;
    return row;
  }

  /** Every connection was read: else they were not grouped by source in endpoint order. */
  finish(): void {
    if (!this.next.done) {
      const { from, to } = this.next.value;
      throw new Error(`connection ${from} → ${to} is out of endpoint order, or its source is unknown`);
    }
  }
}

function pairChange(from: EndpointId, to: EndpointId, before: ConnectionSet, after: ConnectionSet): PairChange {
  const kind: PairChangeKind = isNoConnections(before) ? 'added' : isNoConnections(after) ? 'removed' : 'changed';
  return {
    from,
    to,
    kind,
    before,
    after,
    added: subtractConnections(after, before),
    removed: subtractConnections(before, after),
  };
}

/** The pairs of one source whose connections differ: both rows walked together by destination. */
function* rowChanges(
  ids: readonly EndpointId[],
  s: number,
  before: readonly (readonly [number, ConnectionSet])[],
  after: readonly (readonly [number, ConnectionSet])[],
): Generator<PairChange> {
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const b = before[i]?.[0] ?? Infinity;
    const a = after[j]?.[0] ?? Infinity;
    const d = Math.min(a, b);
    const was = b === d ? before[i++]![1] : NO_CONNECTIONS;
    const is = a === d ? after[j++]![1] : NO_CONNECTIONS;
    if (!sameConnections(was, is)) yield pairChange(ids[s]!, ids[d]!, was, is);
  }
}

/**
 * The difference from `before` to `after`, its changes worked out source by source as they are
 * read: for the CLI, over two `StreamedAnalysis`.
 */
export function streamConnectivityDiff(before: ConnectivityInput, after: ConnectivityInput): StreamedConnectivityDiff {
  const universe = universeOf(before.endpoints, after.endpoints);
  const { ids } = universe;
  const only = (side: SideMap, other: SideMap) =>
    ids.filter((_, i) => side.owner[i] !== undefined && other.owner[i] === undefined);
  return {
    endpointsAdded: only(universe.after, universe.before),
    endpointsRemoved: only(universe.before, universe.after),
    changes: {
      *[Symbol.iterator]() {
        const was = new RowReader(before.connections, universe.before);
        const is = new RowReader(after.connections, universe.after);
        for (let s = 0; s < ids.length; s++) yield* rowChanges(ids, s, was.rowOf(s), is.rowOf(s));
        was.finish();
        is.finish();
      },
    },
  };
}

/** The difference from `before` to `after` (two Analyzer results): what the app shows. */
export function connectivityDiff(before: ConnectivityInput, after: ConnectivityInput): ConnectivityDiff {
  const streamed = streamConnectivityDiff(before, after);
  return { ...streamed, changes: [...streamed.changes] };
}

/**
 * Whether an evaluation carves the IPv6 space (an ipBlock of it names IPv6, or it was asked to):
 * two evaluations are compared address by address only when both do or neither does.
 */
export function carvesIpv6(input: Pick<ConnectivityInput, 'endpoints'>): boolean {
  return input.endpoints.some((e) => e.type === 'external' && e.range.family === 6);
}
