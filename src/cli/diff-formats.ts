/**
 * The `diff` command's output formats: txt for people, json for programs (its shape is in
 * DIFF_HELP), md a table for a pull-request comment. Each writes a changed pair's line as it reads
 * it (two streamed evaluations of millions of pairs are never held), and tallies the changes by
 * kind as it goes, for its closing line and the exit code.
 */
import {
  describeConnections,
  isNoConnections,
  type ConnectionSet,
  type PairChange,
  type PairChangeKind,
  type StreamedConnectivityDiff,
} from '../engine';

export const DIFF_FORMATS = ['txt', 'json', 'md'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** How many pairs of each kind the lines read so far listed. */
export type DiffTally = Record<PairChangeKind, number>;

/** The lines of a format, and the tally of the changes they have listed (complete once they are read). */
export interface RenderedDiff {
  readonly lines: Iterable<string>;
  readonly tally: Readonly<DiffTally>;
}

const connectionsText = (set: ConnectionSet) => (isNoConnections(set) ? 'No Connections' : describeConnections(set));
const portsText = (set: ConnectionSet) => (isNoConnections(set) ? '' : describeConnections(set));

const pairsIn = (tally: DiffTally) => tally.added + tally.removed + tally.changed;

/** Whether the diff, once its lines are read, found nothing: no pair, no endpoint added or removed. */
export function nothingChanged(diff: StreamedConnectivityDiff, tally: DiffTally): boolean {
  return pairsIn(tally) + diff.endpointsAdded.length + diff.endpointsRemoved.length === 0;
}

/** `3 pairs differ: 1 added, 1 removed, 1 changed; endpoints: 1 added, 0 removed`, or that nothing does. */
function summaryText(diff: StreamedConnectivityDiff, tally: DiffTally): string {
  if (nothingChanged(diff, tally)) return 'connectivity unchanged';
  const pairs = pairsIn(tally);
  const counts = `${tally.added} added, ${tally.removed} removed, ${tally.changed} changed`;
  const { endpointsAdded: added, endpointsRemoved: removed } = diff;
  const endpoints =
    added.length + removed.length === 0 ? '' : `; endpoints: ${added.length} added, ${removed.length} removed`;
  return `${pairs} ${pairs === 1 ? 'pair differs' : 'pairs differ'}: ${counts}${endpoints}`;
}

/** `added:   a => b : TCP 5432`, `changed: a => b : TCP 80 → TCP 80,443 (added TCP 443)`. */
function changeLine(change: PairChange): string {
  const pair = `${change.from} => ${change.to}`;
  if (change.kind === 'added') return `added:   ${pair} : ${connectionsText(change.after)}`;
  if (change.kind === 'removed') return `removed: ${pair} : ${connectionsText(change.before)}`;
  const parts = [
    ...(isNoConnections(change.added) ? [] : [`added ${describeConnections(change.added)}`]),
    ...(isNoConnections(change.removed) ? [] : [`removed ${describeConnections(change.removed)}`]),
  ];
  const sets = `${connectionsText(change.before)} → ${connectionsText(change.after)}`;
  return `changed: ${pair} : ${sets} (${parts.join('; ')})`;
}

function* txt(diff: StreamedConnectivityDiff, changes: Iterable<PairChange>, tally: DiffTally): Generator<string> {
  for (const id of diff.endpointsAdded) yield `endpoint added:   ${id}`;
  for (const id of diff.endpointsRemoved) yield `endpoint removed: ${id}`;
  for (const change of changes) yield changeLine(change);
  yield summaryText(diff, tally);
}

const setJson = (set: ConnectionSet) => ({ TCP: set.TCP, UDP: set.UDP, SCTP: set.SCTP });

/**
 * One JSON document, a change per line:
 * `{"endpoints":{"added","removed"},"changes":[{"kind","from","to","before","after","added","removed"}],
 * "summary":{"equal","pairs","added","removed","changed"}}`, port sets as `connectivity --format json` writes them.
 */
function* json(diff: StreamedConnectivityDiff, changes: Iterable<PairChange>, tally: DiffTally): Generator<string> {
  const endpoints = { added: diff.endpointsAdded, removed: diff.endpointsRemoved };
  yield `{"endpoints":${JSON.stringify(endpoints)},"changes":[`;
  // Each line but the last ends with a comma: a line goes out once the next one is known.
  let held: string | undefined;
  for (const { kind, from, to, before, after, added, removed } of changes) {
    if (held !== undefined) yield `${held},`;
    const sets = { before: setJson(before), after: setJson(after), added: setJson(added), removed: setJson(removed) };
    held = JSON.stringify({ kind, from, to, ...sets });
  }
  if (held !== undefined) yield held;
  const summary = { equal: nothingChanged(diff, tally), pairs: pairsIn(tally), ...tally };
  yield `],"summary":${JSON.stringify(summary)}}`;
}

/** A Markdown table, for a pull-request comment: a row per pair, the ports gained and lost. */
function* md(diff: StreamedConnectivityDiff, changes: Iterable<PairChange>, tally: DiffTally): Generator<string> {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const list = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(', ');
  if (diff.endpointsAdded.length > 0) yield* [`Endpoints added: ${list(diff.endpointsAdded)}`, ''];
  if (diff.endpointsRemoved.length > 0) yield* [`Endpoints removed: ${list(diff.endpointsRemoved)}`, ''];
  let rows = 0;
  for (const c of changes) {
    if (rows++ === 0) yield* ['| change | source | destination | added | removed |', '|---|---|---|---|---|'];
    yield `| ${c.kind} | ${escape(c.from)} | ${escape(c.to)} | ${portsText(c.added)} | ${portsText(c.removed)} |`;
  }
  if (rows > 0) yield '';
  yield `**netpol-canvas diff:** ${summaryText(diff, tally)}.`;
}

/** A format: the diff's lines, reading its changes from `changes` (tallied into `tally` as they are read). */
type Render = (diff: StreamedConnectivityDiff, changes: Iterable<PairChange>, tally: DiffTally) => Generator<string>;

const RENDER: Readonly<Record<DiffFormat, Render>> = { txt, json, md };

/** The diff in `format`, line by line (without line ends), tallying its changes as they are read. */
export function renderDiff(diff: StreamedConnectivityDiff, format: DiffFormat): RenderedDiff {
  const tally: DiffTally = { added: 0, removed: 0, changed: 0 };
  const changes = {
    *[Symbol.iterator]() {
      for (const change of diff.changes) {
        tally[change.kind]++;
        yield change;
      }
    },
  };
  return { lines: RENDER[format](diff, changes, tally), tally };
}
