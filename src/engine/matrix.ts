/**
 * The truth table: for every ordered pair of endpoints, whether the chosen traffic is allowed.
 * Rows are sources and columns destinations, both in the analysis's endpoint order (workloads by
 * namespace, then the outside world), grouped by namespace. A cell is `allowed` when all of the
 * chosen traffic is, `denied` when none is, `partial` otherwise; a pair of one endpoint, or of two
 * outside ranges, has no cell (the engine does not decide traffic that never touches the cluster).
 * Cells are computed when read, so 2000 endpoints cost a lookup table, not four million cells.
 */
import { allowedLookup } from './expectations';
import { ALL_CONNECTIONS, connectionsOf, intersectConnections, isNoConnections, portRange, sameConnections } from './portset';
import type { ConnectionSet, Endpoint, PortQuery, StreamedAnalysis } from './types';

export type CellVerdict = 'allowed' | 'denied' | 'partial';

export interface MatrixGroup {
  /** A namespace, or `outside` for the address ranges outside the cluster (its endpoints say which). */
  readonly name: string;
  /** Index of its first endpoint. */
  readonly start: number;
  readonly count: number;
}

export interface TruthTable {
  readonly endpoints: readonly Endpoint[];
  readonly groups: readonly MatrixGroup[];
  /** The traffic each cell is about: undefined for every port of every protocol. */
  readonly query?: PortQuery;
  /** The cell of source `from` and destination `to` (endpoint indexes); undefined when there is none. */
  cell(from: number, to: number): CellVerdict | undefined;
}

/** The group an outside range belongs to. */
export const OUTSIDE_GROUP = 'outside';

/** The traffic a query stands for: one port, every port of one protocol, or everything. */
export function queriedConnections(query: PortQuery | undefined): ConnectionSet {
  if (query === undefined) return ALL_CONNECTIONS;
  return connectionsOf(query.protocol, query.port === undefined ? portRange(1, 65535) : portRange(query.port, query.port));
}

/**
 * The truth table of an analysis, or of a streamed one (the CLI's): its connections are read once,
 * into a lookup of the pairs with something allowed.
 */
export function truthTable(analysis: Pick<StreamedAnalysis, 'endpoints' | 'connections'>, query?: PortQuery): TruthTable {
  const { endpoints } = analysis;
  const allowed = allowedLookup(analysis);
  const wanted = queriedConnections(query);
  const groups: MatrixGroup[] = [];
  endpoints.forEach((endpoint, i) => {
    const name = endpoint.type === 'workload' ? endpoint.namespace : OUTSIDE_GROUP;
    const last = groups.at(-1);
    // A namespace may be called `outside`: the outside world is a group of its own all the same.
    const same = last?.name === name && endpoints[last.start]!.type === endpoint.type;
    if (same) groups[groups.length - 1] = { ...last, count: last.count + 1 };
    else groups.push({ name, start: i, count: 1 });
  });
  const cell = (from: number, to: number): CellVerdict | undefined => {
    const [source, destination] = [endpoints[from], endpoints[to]];
    if (!source || !destination || from === to || (source.type === 'external' && destination.type === 'external')) {
      return undefined;
    }
    const granted = intersectConnections(allowed(source.id, destination.id), wanted);
    if (isNoConnections(granted)) return 'denied';
    return sameConnections(granted, wanted) ? 'allowed' : 'partial';
  };
  return { endpoints, groups, ...(query && { query }), cell };
}
