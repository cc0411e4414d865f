/**
 * The inspector's "Compare" tab: which baseline is pinned (the text as opened, or as it was at
 * "Pin now"), "Pin now" and "Unpin", and every pair whose allowed traffic changed since, in the
 * engine's sentences (`Allows: …`, `Stops allowing: …`). A pair the graph draws is a button that
 * selects its edge (the tab stays, to go on to the next); the graph marks the same changes
 * (compareMarks.ts).
 */
import { memo, useMemo } from 'react';
import type { Analysis, EndpointId } from '../../engine/types';
import type { ComparedPair, Comparison } from '../../store/evaluation/comparison';
import { useActions, useAppState } from '../../store/react';
import type { Selection } from '../../store/types';
import { cellSelection } from '../matrix/selection';
import { baselineWords, changeSummary } from './wording';
import './compare.css';

const timeText = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The selection of the edge drawing a pair now, if the graph draws both its ends. */
function pairSelection(analysis: Analysis | undefined, pair: ComparedPair): Selection {
  if (!analysis || pair.shownFrom === undefined || pair.shownTo === undefined) return null;
  const index = (id: EndpointId) => analysis.endpoints.findIndex((e) => e.id === id);
  const [row, col] = [index(pair.shownFrom), index(pair.shownTo)];
  return row < 0 || col < 0 ? null : cellSelection(analysis, row, col);
}

const Pair = memo(function Pair({ pair, selected }: { pair: ComparedPair; selected: boolean }) {
  const actions = useActions();
  const analysis = useAppState((s) => s.evaluated.analysis);
  const lines = pair.lines.map((line) => (
    <span key={line} className={line.startsWith('Allows') ? 'compare-gained' : 'compare-lost'} data-testid="compare-line">
      {line}
    </span>
  ));
  // A pair the graph draws is a button that selects its edge; one it cannot (an endpoint removed) is text.
  const drawn = pair.shownFrom !== undefined && pair.shownTo !== undefined;
  return (
    <li className="compare-pair" data-testid="compare-pair">
      {drawn ? (
        <button type="button" className="compare-pair-button" aria-pressed={selected} onClick={() => actions.select(pairSelection(analysis, pair))}>
          {lines}
        </button>
      ) : (
        lines
      )}
    </li>
  );
});

function Changes({ comparison }: { comparison: Comparison }) {
  const selection = useAppState((s) => s.selection);
  const chosen = selection?.kind === 'edge' ? `${selection.from} ${selection.to}` : undefined;
  const { endpointsAdded, endpointsRemoved, pairs } = comparison;
  const endpoints = useMemo(
    () => [...endpointsAdded.map((id) => `Adds endpoint: ${id}.`), ...endpointsRemoved.map((id) => `Removes endpoint: ${id}.`)],
    [endpointsAdded, endpointsRemoved],
  );
  return (
    <>
      <p className="compare-summary" data-testid="compare-summary">
        {changeSummary(comparison)}
      </p>
      {endpoints.length > 0 && (
        <ul className="compare-endpoints">
          {endpoints.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {pairs.length > 0 && (
        <ul className="compare-pairs" aria-label="Changed pairs">
          {pairs.map((pair) => (
            <Pair key={`${pair.change.from} ${pair.change.to}`} pair={pair} selected={chosen === `${pair.shownFrom} ${pair.shownTo}`} />
          ))}
        </ul>
      )}
    </>
  );
}

export default function ComparePanel() {
  const comparing = useAppState((s) => s.comparing);
  const actions = useActions();
  return (
    <section className="details compare" data-testid="compare" aria-label="Compare">
      <p className="compare-baseline" data-testid="compare-baseline">
        {comparing
          ? `Changes since ${baselineWords(comparing.baseline, timeText(comparing.baseline.at))}.`
          : 'Nothing is pinned. Pin the text as it is now to see what your edits change.'}
      </p>
      <div className="compare-actions">
        <button type="button" className="button" onClick={actions.pinNow} title="Compare with the text as it is now">
          Pin now
        </button>
        {comparing && (
          <button type="button" className="button" onClick={actions.unpin}>
            Unpin
          </button>
        )}
      </div>
      {comparing && (comparing.comparison ? <Changes comparison={comparing.comparison} /> : <p className="muted">Comparing…</p>)}
    </section>
  );
}
