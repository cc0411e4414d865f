/**
 * Derived data over the app state. Each selector is memoised on the state parts it reads, so
 * components can call them on every render and get the same object back until an input changes.
 */
import { lineInDocument, locator } from '../model';
import type { DocumentLayout, Locate, SourceRange } from '../model/source';
import { GOTCHA_CODES } from '../engine';
import type { Analysis, Endpoint, EndpointId, PolicyId, PolicySummary } from '../engine/types';
import type { AppState } from './appStore';
import { memoizeLast } from './memo';
import { EDITOR_FILE } from './evaluation/protocol';
import type { CursorPosition, Problem, RevisionLineEdits } from './types';

/**
 * Whether `line` is one of the range's lines. Lines, not columns: a document owns whole lines,
 * and while the user types at the end of its last line the range (from the text the graph was
 * computed from) ends a few columns short; the highlight must not flicker off meanwhile.
 */
function onLines(range: SourceRange, line: number): boolean {
  return line >= range.startLine && line <= range.endLine;
}

/**
 * `line` of the current text, in the text last evaluated: the unshown edits undone, newest first.
 * A line inside an edited span maps into the span it replaced (typing Enter at the end of a
 * policy's last line leaves the cursor in that policy).
 */
function lineInEvaluatedText(line: number, unshown: readonly RevisionLineEdits[]): number {
  let mapped = line;
  for (let r = unshown.length - 1; r >= 0; r--) {
    const { edits } = unshown[r]!;
    for (let e = edits.length - 1; e >= 0; e--) {
      const { startLine, endLine, added } = edits[e]!;
      if (mapped > startLine + added) mapped -= added - (endLine - startLine);
      else if (mapped > startLine) mapped = Math.min(mapped, endLine);
    }
  }
  return mapped;
}

const cursorPolicy = memoizeLast(
  (
    analysis: Analysis | undefined,
    documents: DocumentLayout,
    cursor: CursorPosition | null,
    stale: boolean,
    unshown: readonly RevisionLineEdits[],
  ): PolicySummary | undefined => {
    // A stale analysis is of an older, invalid text: its documents may be gone from the layout.
    if (!analysis || !cursor || stale) return undefined;
    const at = lineInDocument(documents, EDITOR_FILE, lineInEvaluatedText(cursor.contentLine, unshown));
    if (!at) return undefined;
    return analysis.policies.find((p) => p.ref.location.document === at.document && onLines(p.ref.location.range, at.line));
  },
);

/** The NetworkPolicy whose YAML document holds the editor cursor. */
export const selectCursorPolicy = (s: AppState): PolicySummary | undefined =>
  cursorPolicy(s.evaluated.analysis, s.evaluated.documents, s.cursor, s.evaluated.stale, s.unshownLineEdits);

const endpointIndex = memoizeLast(
  (analysis: Analysis | undefined): ReadonlyMap<EndpointId, Endpoint> =>
    new Map((analysis?.endpoints ?? []).map((e) => [e.id, e])),
);

/** Endpoints of the graph on screen, by id. */
export const selectEndpointIndex = (s: AppState): ReadonlyMap<EndpointId, Endpoint> =>
  endpointIndex(s.evaluated.analysis);

const locate = memoizeLast(locator);

/** Places locations of the evaluated text in the editor's text. */
export const selectLocate = (s: AppState): Locate => locate(s.evaluated.documents);

const severityRank = { error: 0, warning: 1, info: 2 } as const;

const problems = memoizeLast(
  (evaluated: AppState['evaluated']): readonly Problem[] => {
    // A stale analysis's diagnostics point into an older text.
    const engine = evaluated.stale ? [] : (evaluated.analysis?.diagnostics ?? []);
    const place = locate(evaluated.documents);
    return [...evaluated.diagnostics, ...engine]
      .map((diagnostic) => ({ diagnostic, range: place(diagnostic.location).range }))
      .sort(
        (a, b) =>
          severityRank[a.diagnostic.severity] - severityRank[b.diagnostic.severity] ||
          a.range.startLine - b.range.startLine ||
          a.range.startColumn - b.range.startColumn,
      );
  },
);

const withoutGotchas = memoizeLast((all: readonly Problem[]): readonly Problem[] =>
  all.filter((p) => !(GOTCHA_CODES as readonly string[]).includes(p.diagnostic.code)),
);

/**
 * Every diagnostic of the text, placed in it: errors first, then by position. In a lesson, not the
 * gotchas: its start holds the trap the student is to find (the graph hides their badges too).
 */
export const selectProblems = (s: AppState): readonly Problem[] =>
  s.view.lesson === null ? problems(s.evaluated) : withoutGotchas(problems(s.evaluated));

/** The first error, which the stale banner points at. */
export const selectFirstError = (s: AppState): Problem | undefined =>
  selectProblems(s).find((p) => p.diagnostic.severity === 'error');

const TIER_ORDER = { admin: 0, networkPolicy: 1, baseline: 2 } as const;
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Cluster-wide policies in the order the engine consults them: Admin before Baseline, then by
 * priority, then by name (and kind, for an AdminNetworkPolicy and a ClusterNetworkPolicy of one name).
 */
export function byConsultation(a: PolicySummary, b: PolicySummary): number {
  const [x, y] = [a.ref, b.ref];
  return (
    TIER_ORDER[x.tier] - TIER_ORDER[y.tier] ||
    (x.priority ?? 0) - (y.priority ?? 0) ||
    compareText(x.name, y.name) ||
    compareText(x.kind, y.kind)
  );
}

const clusterPolicies = memoizeLast(
  (analysis: Analysis | undefined): readonly PolicySummary[] =>
    (analysis?.policies ?? []).filter((p) => p.ref.tier !== 'networkPolicy').sort(byConsultation),
);

/** The cluster-wide policies of the graph on screen, in the order the engine consults them. */
export const selectClusterPolicies = (s: AppState): readonly PolicySummary[] => clusterPolicies(s.evaluated.analysis);

const policyIndex = memoizeLast(
  (analysis: Analysis | undefined): ReadonlyMap<PolicyId, PolicySummary> =>
    new Map((analysis?.policies ?? []).map((p) => [p.ref.id, p])),
);

/** Every policy of the graph on screen, NetworkPolicies and cluster-wide ones, by id. */
export const selectPolicyIndex = (s: AppState): ReadonlyMap<PolicyId, PolicySummary> => policyIndex(s.evaluated.analysis);

/** The policy the graph shows (`view.policy`), while the analysis has it. */
export const selectShownPolicy = (s: AppState): PolicySummary | undefined =>
  s.view.policy === null ? undefined : selectPolicyIndex(s).get(s.view.policy);
