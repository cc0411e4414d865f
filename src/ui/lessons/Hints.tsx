/** Hints, one at a time on request; a hint's YAML shows as code, with a button that copies it. */
import { useState } from 'react';
import type { LessonHint } from '../../model/lesson';
import type { LessonProgress } from '../../store/types';
import { useActions } from '../../store/react';
import { showNextHint } from './progress';
import { hintHeading } from './wording';
import { copyText } from '../app/clipboard';

function HintYaml({ yaml }: { yaml: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="hint-yaml">
      <pre tabIndex={0} aria-label="The hint’s YAML">
        <code>{yaml}</code>
      </pre>
      <div className="hint-yaml-actions">
        <button type="button" className="button" onClick={() => void copyText(yaml).then(setCopied)} data-testid="hint-copy">
          Copy YAML
        </button>
        <span role="status" className="muted">
          {copied === true && 'Copied.'}
          {copied === false && 'The browser refused: select the YAML and copy it.'}
        </span>
      </div>
    </div>
  );
}

export function Hints({ hints, progress }: { hints: readonly LessonHint[]; progress: LessonProgress }) {
  const actions = useActions();
  if (hints.length === 0) return null;
  const shown = hints.slice(0, progress.hints);
  return (
    <section className="lesson-section" aria-labelledby="lesson-hints">
      <h3 id="lesson-hints">Hints</h3>
      <ol className="hints" data-testid="lesson-hints">
        {shown.map((hint, i) => (
          <li key={i} className="hint" data-testid="lesson-hint">
            <p>
              <strong>{hintHeading(i, hints.length)}.</strong> {hint.text}
            </p>
            {hint.yaml !== undefined && <HintYaml yaml={hint.yaml} />}
          </li>
        ))}
      </ol>
      {progress.hints < hints.length ? (
        <button
          type="button"
          className="button"
          onClick={() => actions.setView({ lesson: showNextHint(progress, hints.length) })}
          data-testid="next-hint"
        >
          {progress.hints === 0 ? 'Show a hint' : 'Next hint'}
        </button>
      ) : (
        <p className="muted">No more hints: the solution is below.</p>
      )}
    </section>
  );
}
