/**
 * The truth table view (loaded lazily by MainPane, shown over the graph): the traffic to show (a
 * protocol and port, or any) and the downloads, in the pane's bar; the virtualised table; its
 * legend. A cell about one port opens "Why not?" for that port, whose verdict is the cell's; a
 * cell about several ports (a protocol, any) opens the pair's details, which say port by port
 * what is allowed and by which rule. Both select the pair, so the graph shows it too. A header
 * opens its workload, as a click on its node does.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { trafficText, truthTable, VERDICT_SYMBOLS, VERDICT_WORDS, type CellVerdict, type TruthTable } from '../../engine';
import type { Analysis, PortQuery } from '../../engine/types';
import { PROTOCOLS } from '../../model/types';
import { useActions, useAppState, useAppStoreApi } from '../../store/react';
import type { MatrixTraffic } from '../../store/types';
import { useOpenEdge, useOpenNode } from '../graph/useOpen';
import { exportMatrix, type MatrixFileFormat } from './exportMatrix';
import { MatrixGrid } from './MatrixGrid';
import { cellSelection, graphNodeOf, highlightOf, NO_HIGHLIGHT } from './selection';
import { chosenProtocol, trafficQuery } from './traffic';
import './matrix.css';

function TrafficControls({ traffic }: { traffic: MatrixTraffic }) {
  const actions = useActions();
  const set = (change: Partial<MatrixTraffic>) => actions.setView({ matrix: { ...traffic, ...change } });
  const protocol = chosenProtocol(traffic);
  const valid = trafficQuery(traffic).valid;
  return (
    <>
      <label className="pane-bar-field" title="The protocol the cells are about">
        <span className="visually-hidden">Protocol</span>
        <select
          value={protocol}
          onChange={(e) => set({ protocol: e.target.value as MatrixTraffic['protocol'] })}
          data-testid="matrix-protocol"
        >
          <option value="any">Any</option>
          {PROTOCOLS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label className="pane-bar-field" title="The port the cells are about (blank: every port)">
        <span className="visually-hidden">Port</span>
        <input
          value={protocol === 'any' ? '' : traffic.port}
          onChange={(e) => set({ port: e.target.value })}
          disabled={protocol === 'any'}
          placeholder="port"
          inputMode="numeric"
          size={6}
          aria-invalid={!valid}
          data-testid="matrix-port"
        />
      </label>
    </>
  );
}

function ExportButtons({ table }: { table: TruthTable | undefined }) {
  const [busy, setBusy] = useState(false);
  const run = (format: MatrixFileFormat) => {
    if (!table) return;
    setBusy(true);
    void exportMatrix(table, format).finally(() => setBusy(false));
  };
  return (
    <div className="pane-bar-group" role="group" aria-label="Download the truth table">
      {busy && <span className="muted">Writing…</span>}
      {(['md', 'csv'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="button pane-bar-button"
          disabled={!table || busy}
          onClick={() => run(format)}
          aria-label={format === 'md' ? 'Download as Markdown' : 'Download as CSV'}
          title={format === 'md' ? 'Download the table as Markdown, with its legend' : 'Download the table as CSV'}
          data-testid={`matrix-export-${format}`}
        >
          ↓ .{format}
        </button>
      ))}
    </div>
  );
}

const VERDICTS: readonly CellVerdict[] = ['allowed', 'partial', 'denied'];

function MatrixLegend({ traffic }: { traffic: string }) {
  return (
    <ul className="matrix-legend" aria-label="Legend" data-testid="matrix-legend">
      {VERDICTS.map((v) => (
        <li key={v}>
          <span className={`matrix-swatch matrix-${v}`} aria-hidden="true">
            {VERDICT_SYMBOLS[v]}
          </span>
          {VERDICT_WORDS[v]}
        </li>
      ))}
      <li title="An endpoint and itself, or two outside ranges: traffic that never touches the cluster">
        <span className="matrix-swatch matrix-none" aria-hidden="true" />
        not decided: itself, or outside to outside
      </li>
      <li className="matrix-legend-traffic">
        Cells: {traffic}. Click one for why.
      </li>
    </ul>
  );
}

/** What choosing a cell or a header does (see the file's comment). */
function useOpeners(analysis: Analysis | undefined, query: PortQuery | undefined) {
  const store = useAppStoreApi();
  const openEdge = useOpenEdge();
  const openNode = useOpenNode();
  const onCell = useCallback(
    (row: number, col: number) => {
      if (!analysis) return;
      const pair = cellSelection(analysis, row, col);
      if (query?.port === undefined) return openEdge(pair);
      const { actions } = store.getState();
      actions.select(pair);
      actions.setWhyNot({ from: pair.from, to: pair.to, protocol: query.protocol, port: String(query.port) });
      actions.setView({ inspector: 'whyNot' });
    },
    [analysis, query, store, openEdge],
  );
  const onEndpoint = useCallback(
    (index: number) => analysis && openNode(graphNodeOf(analysis, analysis.endpoints[index]!)),
    [analysis, openNode],
  );
  return { onCell, onEndpoint };
}

/** `controls`: where the traffic and download controls go (the pane's bar). */
export default function MatrixView({ controls }: { controls: HTMLElement | null }) {
  // A new result is a deferred render, as the graph's: typing is not held up by the table.
  const analysis = useDeferredValue(useAppState((s) => s.evaluated.analysis));
  const stale = useAppState((s) => s.evaluated.stale);
  const traffic = useAppState((s) => s.view.matrix);
  const selection = useAppState((s) => s.selection);
  // The same query object while the choice is the same: the table is built once per analysis and choice.
  const chosen = useMemo(() => trafficQuery(traffic), [traffic]);
  const query = chosen.valid ? chosen.query : undefined;
  const table = useMemo(() => (analysis && chosen.valid ? truthTable(analysis, query) : undefined), [analysis, chosen, query]);
  const highlight = useMemo(() => (analysis ? highlightOf(selection, analysis) : NO_HIGHLIGHT), [selection, analysis]);
  const { onCell, onEndpoint } = useOpeners(analysis, query);
  const words = trafficText(query);

  return (
    <div className={stale ? 'matrix-view matrix-stale' : 'matrix-view'} data-testid="matrix">
      {controls &&
        createPortal(
          <>
            <TrafficControls traffic={traffic} />
            <ExportButtons table={table} />
          </>,
          controls,
        )}
      {!chosen.valid ? (
        <p className="error-text matrix-message">A port is a number from 1 to 65535.</p>
      ) : !table ? (
        <p className="muted matrix-message">Evaluating…</p>
      ) : table.endpoints.length === 0 ? (
        <p className="muted matrix-message">No workloads yet: the table has a row and a column for each.</p>
      ) : (
        <MatrixGrid table={table} highlight={highlight} onCell={onCell} onEndpoint={onEndpoint} traffic={words} />
      )}
      <MatrixLegend traffic={words} />
    </div>
  );
}
