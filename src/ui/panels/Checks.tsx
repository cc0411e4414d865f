/**
 * The inspector's "Checks" tab: every expectation of the text (ConnectivityExpectations
 * documents), passing or failing as the user types. A failing one lists what breaks it; a failing
 * pair opens in "Why not?", asked about the traffic it gets wrong.
 */
import { useMemo } from 'react';
import { useAppState } from '../../store/react';
import { checkGroups, checksSummary, type CheckRow } from './checkList';
import { CheckReasons } from './CheckReasons';
import { SourceLink } from './links';

function Row({ row }: { row: CheckRow }) {
  const { result } = row.check;
  return (
    <li className={result.passed ? 'check is-passing' : 'check is-failing'} data-testid="check" data-passed={result.passed}>
      <div className="check-head">
        <span className="check-mark" role="img" aria-label={result.passed ? 'holds' : 'fails'}>
          {result.passed ? '✓' : '✗'}
        </span>
        <span className="check-text">{row.text}</span>
        <SourceLink location={result.expectation.location} current>
          YAML
        </SourceLink>
      </div>
      {!result.passed && <CheckReasons result={result} reasons={row.reasons} />}
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
