/**
 * The truth table as text, line by line: a Markdown table with symbols and a legend, and a CSV of
 * verdicts. One renderer for the CLI (`connectivity --format matrix | matrix-csv`) and the app's
 * matrix export, so both write the same file. Rows are yielded one at a time: a table of 2000
 * endpoints is four million cells, written out without being held as one string.
 * Endpoint ids never contain `|` or `,` (src/store/nodeIds.ts relies on the same), so neither
 * format needs escaping.
 */
import type { CellVerdict, TruthTable } from './matrix';
import type { PortQuery } from './types';

/** How each verdict is drawn, in the Markdown table and in the app. */
export const VERDICT_SYMBOLS: Readonly<Record<CellVerdict, string>> = { allowed: '✓', denied: '✗', partial: '◐' };

/** What each verdict means, for legends. */
export const VERDICT_WORDS: Readonly<Record<CellVerdict, string>> = {
  allowed: 'allowed',
  denied: 'denied',
  partial: 'partly allowed',
};

/** The traffic a truth table is about, in words: `TCP 80`, `every UDP port`, `every port of every protocol`. */
export function trafficText(query: PortQuery | undefined): string {
  if (query === undefined) return 'every port of every protocol';
  return query.port === undefined ? `every ${query.protocol} port` : `${query.protocol} ${query.port}`;
}

/** Every row's source index with its cells, in endpoint order. */
function* rows(table: TruthTable): Generator<readonly [number, (CellVerdict | undefined)[]]> {
  const count = table.endpoints.length;
  for (let from = 0; from < count; from++) {
    const cells: (CellVerdict | undefined)[] = [];
    for (let to = 0; to < count; to++) cells.push(table.cell(from, to));
    yield [from, cells];
  }
}

/**
 * A legend line, a blank line, then a table: a header of destination ids, one row per source.
 * A blank cell is a pair the table does not decide (an endpoint and itself, two outside ranges).
 */
export function* matrixMarkdown(table: TruthTable): Generator<string> {
  const symbols = (Object.keys(VERDICT_SYMBOLS) as CellVerdict[]).map((v) => `${VERDICT_SYMBOLS[v]} ${VERDICT_WORDS[v]}`);
  const blank = 'blank: not decided (an endpoint and itself, or two outside ranges)';
  yield `Traffic: ${trafficText(table.query)}. Rows are sources, columns destinations: ${symbols.join(', ')}; ${blank}.`;
  yield '';
  const ids = table.endpoints.map((e) => e.id);
  yield `| source \\ destination | ${ids.join(' | ')} |`;
  yield `|---|${ids.map(() => ':-:').join('|')}|`;
  for (const [from, cells] of rows(table)) {
    yield `| ${ids[from]} | ${cells.map((c) => (c === undefined ? ' ' : VERDICT_SYMBOLS[c])).join(' | ')} |`;
  }
}

/** A header of destination ids (after an empty corner), then one row per source: allowed, denied, partial or empty. */
export function* matrixCsv(table: TruthTable): Generator<string> {
  const ids = table.endpoints.map((e) => e.id);
  yield `,${ids.join(',')}`;
  for (const [from, cells] of rows(table)) yield `${ids[from]},${cells.map((c) => c ?? '').join(',')}`;
}
