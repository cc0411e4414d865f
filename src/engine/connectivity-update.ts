/**
 * The connectivity of a revision from the previous one's: rebuild the sides whose inputs changed,
 * then redo only the connections through them. Connections that come out equal keep their
 * identity.
 */
import {
  connectionRows,
  egressSide,
  ingressSide,
  pairConnection,
  type Sides,
} from './connectivity';
import { sameSideRules, type MatchTables, type SideRules } from './matching';
import { keepEqual } from './revision-diff';
import { sameItems } from './same-data';
import type { Connection, Endpoint, EndpointId } from './types';

/** Connections per source endpoint, in destination order. */
type Rows = readonly (readonly Connection[])[];

export interface Connectivity {
  readonly sides: Sides;
  readonly rows: Rows;
}

/** Whether a source's egress allowance resolves named ports on one of the `changed` endpoints. */
function resolvesPortsOn(side: SideRules, changed: readonly number[]): boolean {
  return [...side.admin, ...side.isolation, ...side.baseline].some((policy) =>
    (policy.egress ?? []).some(
      (match) => match.rule.namedPorts.length > 0 && (match.matchesAll || changed.some((i) => match.has(i))),
    ),
  );
}

/** `row`, with connections equal to the previous row's (same destination, same ports) kept. */
function keepEqualConnections(row: readonly Connection[], before: readonly Connection[]): readonly Connection[] {
  const previous = new Map(before.map((c) => [c.to, c]));
  const kept = keepEqual(row, (c) => previous.get(c.to));
  return sameItems(kept, before) ? before : kept;
}

interface Revision {
  readonly endpoints: readonly Endpoint[];
  readonly sides: Sides;
  readonly index: ReadonlyMap<EndpointId, number>;
}

/** The previous row of source `s` with the connections toward `columns` (sorted indices) redone. */
function patchRow(
  before: readonly Connection[],
  s: number,
  columns: readonly number[],
  columnIds: ReadonlySet<EndpointId>,
  at: Revision,
): readonly Connection[] {
  const fresh = columns.flatMap((d) => pairConnection(at.endpoints, at.sides, s, d) ?? []);
  const kept = before.filter((c) => !columnIds.has(c.to));
  if (fresh.length === 0 && kept.length === before.length) return before;
  const merged = [...kept, ...fresh].sort((a, b) => at.index.get(a.to)! - at.index.get(b.to)!);
  return keepEqualConnections(merged, before);
}

/**
 * The connectivity over `tables`, given the previous revision's (over `previous.tables`), where the
 * endpoint list is the same and only the endpoints `changed` changed labels, ports or addresses.
 * A side is rebuilt when the policies deciding it changed (a changed match is a new object), or the
 * ports it resolves changed: its own for ingress, its peers' for egress.
 */
export function updateConnectivity(
  previous: Connectivity & { readonly tables: MatchTables },
  tables: MatchTables,
  changed: readonly number[],
  at: Omit<Revision, 'sides'>,
): Connectivity {
  const { endpoints } = at;
  const all = endpoints.map((_, i) => i);
  const changedSet = new Set(changed);
  const columns = all.filter(
    (d) => changedSet.has(d) || !sameSideRules(tables.ingress[d]!, previous.tables.ingress[d]!),
  );
  const rebuiltRows = new Set(
    all.filter(
      (s) =>
        !sameSideRules(tables.egress[s]!, previous.tables.egress[s]!) ||
        (changed.length > 0 && resolvesPortsOn(tables.egress[s]!, changed)),
    ),
  );
  const ingress = [...previous.sides.ingress];
  for (const d of columns) ingress[d] = ingressSide(endpoints, tables, d, all);
  const egress = [...previous.sides.egress];
  for (const s of rebuiltRows) egress[s] = egressSide(endpoints, tables, s, all);
  const sides: Sides = { ingress, egress };
  if (columns.length === 0 && rebuiltRows.size === 0) return { sides, rows: previous.rows };

  // Redoing a few columns beats redoing whole rows; past a quarter of them it does not.
  const wholeRows = columns.length * 4 > endpoints.length;
  const row = rebuiltRows.size > 0 || wholeRows ? connectionRows(endpoints, sides) : undefined;
  const columnIds = new Set(columns.map((d) => endpoints[d]!.id));
  const rows = previous.rows.map((before, s) => {
    if (row && (wholeRows || rebuiltRows.has(s))) return keepEqualConnections(row(s), before);
    if (columns.length === 0) return before;
    return patchRow(before, s, columns, columnIds, { ...at, sides });
  });
  return { sides, rows };
}
