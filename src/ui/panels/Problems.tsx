/** Every diagnostic of the text, errors first; a click shows it in the editor. */
import { useAppState } from '../../store/react';
import { selectProblems } from '../../store/selectors';
import { SourceLink } from './links';

const SYMBOL = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

export function Problems() {
  const problems = useAppState(selectProblems);
  if (problems.length === 0) return <p className="muted" data-testid="problems">No problems.</p>;
  return (
    <ul className="problems" data-testid="problems" aria-label="Problems">
      {problems.map(({ diagnostic: d, range }, i) => (
        <li key={i} className={`problem problem-${d.severity}`}>
          <span className="problem-severity" aria-label={d.severity} title={d.severity}>
            {SYMBOL[d.severity]}
          </span>
          <SourceLink location={d.location} current>
            line {range.startLine}:{range.startColumn}
          </SourceLink>
          <span className="problem-message">{d.message}</span>
          <code className="problem-code">{d.code}</code>
        </li>
      ))}
    </ul>
  );
}
