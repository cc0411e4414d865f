/**
 * What the editor's policy hover shows, pure: which policy a hovered line names, and its words as
 * Monaco markdown (policyHover.ts registers the hover).
 */
import type { PolicySentence, PolicyWords } from '../../engine';
import { policyName } from '../../engine';
import type { PolicySummary } from '../../engine/types';
import type { Locate } from '../../model/source';

/**
 * The policy whose top-level `kind:` line, or the line of whose `metadata.name`, is `line` of the
 * text the analysis was made from; `lineText` is that line, so another line of a policy is not one.
 */
export function policyHovered(
  policies: readonly PolicySummary[],
  locate: Locate,
  line: number,
  lineText: string,
): PolicySummary | undefined {
  if (/^kind:\s*\S/.test(lineText)) {
    return policies.find(({ ref }) => {
      const { startLine, endLine } = locate(ref.location).range;
      return startLine <= line && line <= endLine;
    });
  }
  return policies.find(({ ref }) => locate(ref.nameLocation).range.startLine === line);
}

/** Markdown for Monaco's hover: the sentences as a list, items nested; no links (the side panel has them). */
export function hoverMarkdown(policy: PolicySummary, words: PolicyWords): string[] {
  const list = (sentences: readonly PolicySentence[]) =>
    sentences.map((s) => `${s.item ? '  ' : ''}- ${s.text.replace(/[\\`*_[\]<>]/g, '\\$&')}`).join('\n');
  return [
    `**${policyName(policy.ref)}** in plain words`,
    list(words.alone),
    ...(words.together.length > 0 ? [`*With the other policies*\n\n${list(words.together)}`] : []),
  ];
}
