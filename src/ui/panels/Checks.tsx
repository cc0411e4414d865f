/**
 * The inspector's "Checks" tab: every expectation of the text (ConnectivityExpectations
 * documents), passing or failing as the user types. A failing one lists what breaks it; a failing
 * pair opens in "Why not?", asked about the traffic it gets wrong.
 */
import { useMemo } from 'react';
import type { FailingPair } from '../../engine';
import { useActions, useAppState } from '../../store/react';
import { checkGroups, checksSummary, whyNotOf, type CheckRow } from './checkList';
import { SourceLink } from './links';

function PairButton({ pair, reason }: { pair: FailingPair; reason: string }) {
  const actions = useActions();
  const explain = () => {
    actions.setWhyNot(whyNotOf(pair));
    actions.setView({ inspector: 'whyNot' });
  };
  return (
    <button type="button" className="link check-pair" title="Explain it in Why not?" onClick={explain}>
      {reason}
    </button>
  );
}

function Row({ row }: { row: CheckRow }) {
  const { result } = row.check;
  const pairs = result.failing;
  // Reasons come as: patterns that match nothing, one line per listed pair, then "… and N more".
  const unmatched = row.reasons.slice(0, result.unmatched.length);
  const more = row.reasons.slice(result.unmatched.length + pairs.length);
  return (
    <li className={result.passed ? 'check is-passing' : 'check is-failing'} data-testid="check" data-passed={result.passed}>
      <div className="check-head">
        <span className="check-mark" aria-label={result.passed ? 'holds' : 'fails'}>
          {result.passed ? '✓' : '✗'}
        </span>
        <span className="check-text">{row.text}</span>
        <SourceLink location={result.expectation.location} current>
          YAML
        </SourceLink>
      </div>
      {!result.passed && (
        <ul className="check-reasons">
          {unmatched.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
          {pairs.map((pair, i) => (
            <li key={`${pair.from}->${pair.to}`}>
              <PairButton pair={pair} reason={row.reasons[result.unmatched.length + i]!} />
            </li>
          ))}
          {more.map((reason) => (
            <li key={reason} className="muted">
              {reason}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function Checks() {
  const checks = useAppState((s) => s.evaluated.checks);
  const groups = useMemo(() => checkGroups(checks), [checks]);
  const failing = checks.some((c) => !c.result.passed);
  return (
    <section className="details checks" data-testid="checks" aria-label="Checks">
      <p className={failing ? 'verdict verdict-denied' : 'verdict verdict-allowed'} data-testid="checks-summary">
        {checksSummary(checks)}
      </p>
      {groups.map((group, i) => (
        <section key={`${group.document}-${i}`}>
          <h3>{group.document}</h3>
          <ul className="check-list">
            {group.rows.map((row) => (
              <Row key={row.check.result.expectation.index} row={row} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
