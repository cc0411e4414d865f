/**
 * The Checks tab's data: the checked expectations by document, what the tab says of them, and
 * the "Why not?" question that explains a failing pair.
 */
import { expectationFailureLines, expectationText, failingQuery, type FailingPair } from '../../engine';
import type { Check } from '../../store/evaluation/protocol';
import type { WhyNotForm } from '../../store/types';

export interface CheckRow {
  readonly check: Check;
  readonly text: string;
  /** Why it fails: patterns that match nothing, failing pairs, how many more. */
  readonly reasons: readonly string[];
}

export interface CheckGroup {
  readonly document: string;
  readonly rows: readonly CheckRow[];
}

/** The checks by document, in the order of the text. */
export function checkGroups(checks: readonly Check[]): CheckGroup[] {
  const groups: { document: string; rows: CheckRow[] }[] = [];
  for (const check of checks) {
    const row = { check, text: expectationText(check.result.expectation), reasons: expectationFailureLines(check.result) };
    const last = groups.at(-1);
    if (last?.document === check.document) last.rows.push(row);
    else groups.push({ document: check.document, rows: [row] });
  }
  return groups;
}

/** `Checks ✓` when every expectation holds, `Checks (2 ✗)` when two fail. */
export function checksTabLabel(checks: readonly Check[]): string {
  const failed = checks.filter((c) => !c.result.passed).length;
  return failed === 0 ? 'Checks ✓' : `Checks (${failed} ✗)`;
}

/** `3 of 4 expectations hold`, `The expectation holds`. */
export function checksSummary(checks: readonly Check[]): string {
  const held = checks.filter((c) => c.result.passed).length;
  if (checks.length === 1) return held === 1 ? 'The expectation holds.' : 'The expectation does not hold.';
  return held === checks.length ? `All ${checks.length} expectations hold.` : `${held} of ${checks.length} expectations hold.`;
}

/** The "Why not?" form that explains a failing pair about the traffic it gets wrong. */
export function whyNotOf(pair: FailingPair): WhyNotForm {
  const query = failingQuery(pair.offending);
  return { from: pair.from, to: pair.to, protocol: query?.protocol ?? 'TCP', port: query?.port === undefined ? '' : String(query.port) };
}
