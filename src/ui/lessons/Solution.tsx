/**
 * "Show solution": the student's text against the solution as a unified diff, and "Use the
 * solution", which replaces the text (the attempt is kept as a restore point). Added and removed
 * lines are told apart by their sign and by words for screen readers, not by colour alone.
 */
import { useMemo, useState } from 'react';
import { useActions, useAppState, useAppStoreApi } from '../../store/react';
import { diffSummary, hunkTitle, solutionDiff, type DiffHunk, type DiffLine } from './solutionDiff';

const SIGN = { added: '+', removed: '−', context: ' ' } as const;
const SPOKEN = { added: 'added: ', removed: 'removed: ', context: '' } as const;

function Line({ line }: { line: DiffLine }) {
  return (
    <div className={`diff-line is-${line.kind}`} data-kind={line.kind}>
      {/* The line in the student's text: where the editor shows it. */}
      <span className="diff-number" aria-hidden="true">
        {line.oldLine ?? ''}
      </span>
      <span className="diff-sign" aria-hidden="true">
        {SIGN[line.kind]}
      </span>
      <span className="diff-text">
        <span className="visually-hidden">{SPOKEN[line.kind]}</span>
        {line.text}
      </span>
    </div>
  );
}

function Diff({ hunks }: { hunks: readonly DiffHunk[] }) {
  return (
    <div className="solution-diff" data-testid="solution-diff" tabIndex={0} role="group" aria-label="Your text against the solution">
      {hunks.map((hunk) => (
        <div key={hunk.header} className="diff-hunk">
          <div className="diff-header" title={hunk.header}>
            {hunkTitle(hunk)}
          </div>
          {hunk.lines.map((line, i) => (
            <Line key={i} line={line} />
          ))}
        </div>
      ))}
    </div>
  );
}

function SolutionDiff({ solution }: { solution: string }) {
  const store = useAppStoreApi();
  const revision = useAppState((s) => s.revision);
  // Recomputed as the student types; `revision` stands for the text, read only when it changed.
  const hunks = useMemo(() => solutionDiff(store.getState().readText(), solution), [store, revision, solution]);
  if (hunks === null) return <p data-testid="solution-summary">Your text is too far from the solution to show as a diff.</p>;
  if (hunks.length === 0) return <p data-testid="solution-summary">Your text is the solution.</p>;
  return (
    <>
      <p className="muted" data-testid="solution-summary">
        {diffSummary(hunks)} <span aria-hidden="true">“+” lines are the solution’s, “−” lines are yours.</span>
      </p>
      <Diff hunks={hunks} />
    </>
  );
}

export function Solution({ solution }: { solution: string }) {
  const actions = useActions();
  const [shown, setShown] = useState(false);
  return (
    <section className="lesson-section" aria-labelledby="lesson-solution">
      <h3 id="lesson-solution">Solution</h3>
      <div className="lesson-actions">
        <button type="button" className="button" aria-expanded={shown} onClick={() => setShown(!shown)} data-testid="show-solution">
          {shown ? 'Hide the solution' : 'Show solution'}
        </button>
        <button type="button" className="button" onClick={() => actions.replaceText(solution, 'solution')} data-testid="use-solution">
          Use the solution
        </button>
      </div>
      {shown && <SolutionDiff solution={solution} />}
    </section>
  );
}
