/**
 * "Show solution": the student's text against the solution as a unified diff (../diff), and "Use
 * the solution", which replaces the text (the attempt is kept as a restore point).
 */
import { useMemo, useState } from 'react';
import { useActions, useAppState, useAppStoreApi } from '../../store/react';
import { TextDiff } from '../diff/TextDiff';
import { linesOf, textDiff } from '../diff/textDiff';

function SolutionDiff({ solution }: { solution: string }) {
  const store = useAppStoreApi();
  const revision = useAppState((s) => s.revision);
  // Recomputed as the student types; `revision` stands for the text, read only when it changed.
  const hunks = useMemo(() => textDiff(store.getState().readText(), solution), [store, revision, solution]);
  if (hunks === null) return <p data-testid="solution-summary">Your text is too far from the solution to show as a diff.</p>;
  if (hunks.length === 0) return <p data-testid="solution-summary">Your text is the solution.</p>;
  return (
    <>
      <p className="muted" data-testid="solution-summary">
        The solution adds {linesOf(hunks, 'added')} and removes {linesOf(hunks, 'removed')}.{' '}
        <span aria-hidden="true">“+” lines are the solution’s, “−” lines are yours.</span>
      </p>
      <TextDiff hunks={hunks} label="Your text against the solution" testId="solution-diff" />
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
