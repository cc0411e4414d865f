/**
 * A policy in plain words (the engine's `policyWords`, asked of the session): what it does on its
 * own, then with the other policies deciding the same pods. Each sentence ends with a link to the
 * YAML it comes from.
 */
import { useState } from 'react';
import type { PolicySentence } from '../../engine';
import type { PolicyId } from '../../engine/types';
import { useAnswer, useAppState } from '../../store/react';
import { selectLocate } from '../../store/selectors';
import { SourceLink } from './links';
import './policy-words.css';

/** `line 14`, a link that puts the editor cursor on the sentence's source. */
function LineLink({ sentence }: { sentence: PolicySentence }) {
  const locate = useAppState(selectLocate);
  if (!sentence.location) return null;
  return (
    <>
      {' '}
      <SourceLink location={sentence.location}>line {locate(sentence.location).range.startLine}</SourceLink>
    </>
  );
}

/** Sentences, items nested under the sentence that introduces them. */
function Sentences({ sentences, testId }: { sentences: readonly PolicySentence[]; testId: string }) {
  const groups: { lead: PolicySentence; items: PolicySentence[] }[] = [];
  for (const sentence of sentences) {
    const last = groups[groups.length - 1];
    if (sentence.item && last) last.items.push(sentence);
    else groups.push({ lead: sentence, items: [] });
  }
  return (
    <ul className="policy-words" data-testid={testId}>
      {groups.map(({ lead, items }, i) => (
        <li key={i}>
          {lead.text}
          <LineLink sentence={lead} />
          {items.length > 0 && (
            <ul>
              {items.map((item, j) => (
                <li key={j}>
                  {item.text}
                  <LineLink sentence={item} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The description of `policy`, as the session words it for the graph on screen. */
export function PolicyWords({ policy }: { policy: PolicyId }) {
  const words = useAnswer({ kind: 'policyWords', policy });
  if (!words) return <p className="muted">…</p>;
  return (
    <div className="policy-words-view">
      <Sentences sentences={words.alone} testId="policy-words" />
      {words.together.length > 0 && (
        <>
          <h3>With the other policies</h3>
          <Sentences sentences={words.together} testId="policy-words-together" />
        </>
      )}
    </div>
  );
}

/** `In plain words`, closed until opened: only then is the session asked. */
export function PolicyWordsDisclosure({ policy }: { policy: PolicyId }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="policy-words-disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>In plain words</summary>
      {open && <PolicyWords policy={policy} />}
    </details>
  );
}
