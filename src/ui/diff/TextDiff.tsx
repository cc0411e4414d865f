/**
 * A unified diff on screen (textDiff.ts): each hunk titled with where it is in the text before,
 * its lines numbered there. Added and removed lines are told apart by their sign and by words for
 * screen readers, not by colour alone.
 */
import type { DiffHunk, DiffLine } from './textDiff';
import { hunkTitle } from './textDiff';
import './diff.css';

const SIGN = { added: '+', removed: '−', context: ' ' } as const;
const SPOKEN = { added: 'added: ', removed: 'removed: ', context: '' } as const;

function Line({ line }: { line: DiffLine }) {
  return (
    <div className={`diff-line is-${line.kind}`} data-kind={line.kind}>
      {/* The line in the text before: where the editor shows it. */}
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

export interface TextDiffProps {
  readonly hunks: readonly DiffHunk[];
  /** The accessible name of the diff. */
  readonly label: string;
  /** How the hunk titles name the text before: `your text`, `the editor’s text`. */
  readonly textName?: string;
  readonly testId?: string;
}

export function TextDiff({ hunks, label, textName, testId }: TextDiffProps) {
  return (
    <div className="text-diff" data-testid={testId} tabIndex={0} role="group" aria-label={label}>
      {hunks.map((hunk) => (
        <div key={hunk.header} className="diff-hunk">
          <div className="diff-header" title={hunk.header}>
            {hunkTitle(hunk, textName)}
          </div>
          {hunk.lines.map((line, i) => (
            <Line key={i} line={line} />
          ))}
        </div>
      ))}
    </div>
  );
}
