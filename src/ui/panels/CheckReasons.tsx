/**
 * Why an expectation fails, a line per reason (the Checks tab, a lesson's goals): patterns that
 * match nothing, then each failing pair — a button that opens it in "Why not?", asked about the
 * traffic it gets wrong — then how many more pairs fail.
 */
import type { ExpectationResult, FailingPair } from '../../engine';
import { useActions } from '../../store/react';
import { whyNotOf } from './checkList';

function ExplainPair({ pair, reason }: { pair: FailingPair; reason: string }) {
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

/** `reasons`: expectationFailureLines(result), in its order. */
export function CheckReasons({ result, reasons }: { result: ExpectationResult; reasons: readonly string[] }) {
  const unmatched = result.unmatched.length;
  return (
    <ul className="check-reasons">
      {reasons.map((reason, i) => {
        const pair = i >= unmatched ? result.failing[i - unmatched] : undefined;
        return (
          <li key={reason} className={pair || i < unmatched ? undefined : 'muted'}>
            {pair ? <ExplainPair pair={pair} reason={reason} /> : reason}
          </li>
        );
      })}
    </ul>
  );
}
