/**
 * Derived data over the app state. Each selector is memoised on the state parts it reads, so
 * components can call them on every render and get the same object back until an input changes.
 */
import type { Endpoint, EndpointId } from '../engine/types';
import type { Diagnostic, SourceRange } from '../model/source';
import type { AppState } from './appStore';
import { memoizeLast } from './memo';
import type { GraphData, PolicyInfo } from './evaluation/protocol';
import type { CursorPosition, RevisionLineEdits } from './types';

/**
 * Whether the cursor is on one of the range's lines. Lines, not columns: a document owns whole
 * lines, and while the user types at the end of its last line the range (from the text the graph
 * was computed from) ends a few columns short; the highlight must not flicker off meanwhile.
 */
function onLines(range: SourceRange, line: number): boolean {
  return line >= range.startLine && line <= range.endLine;
}

/**
 * `line` of the current text, in the text the graph was computed from: the unshown edits undone,
 * newest first. A line inside an edited span maps into the span it replaced (typing Enter at the
 * end of a policy's last line leaves the cursor in that policy).
 */
function lineInGraphText(line: number, unshown: readonly RevisionLineEdits[]): number {
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
    graph: GraphData | undefined,
    cursor: CursorPosition | null,
    stale: boolean,
    unshown: readonly RevisionLineEdits[],
  ): PolicyInfo | undefined => {
    // A stale graph's ranges belong to an older, invalid text: no edits map onto them.
    if (!graph || !cursor || stale) return undefined;
    const line = lineInGraphText(cursor.contentLine, unshown);
    return graph.policies.find((p) => onLines(p.ref.location.range, line));
  },
);

/** The NetworkPolicy whose YAML document holds the editor cursor. */
export const selectCursorPolicy = (s: AppState): PolicyInfo | undefined =>
  cursorPolicy(s.evaluated.graph, s.cursor, s.evaluated.stale, s.unshownLineEdits);

const endpointIndex = memoizeLast(
  (graph: GraphData | undefined): ReadonlyMap<EndpointId, Endpoint> =>
    new Map((graph?.endpoints ?? []).map((e) => [e.id, e])),
);

/** Endpoints of the graph on screen, by id. */
export const selectEndpointIndex = (s: AppState): ReadonlyMap<EndpointId, Endpoint> =>
  endpointIndex(s.evaluated.graph);

const severityRank = { error: 0, warning: 1, info: 2 } as const;

const sortedDiagnostics = memoizeLast((diagnostics: readonly Diagnostic[]): readonly Diagnostic[] =>
  [...diagnostics].sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      a.location.range.startLine - b.location.range.startLine ||
      a.location.range.startColumn - b.location.range.startColumn,
  ),
);

/** Diagnostics for the problems list: errors first, then by position. */
export const selectProblems = (s: AppState): readonly Diagnostic[] => sortedDiagnostics(s.evaluated.diagnostics);

/** The first error, which the stale banner points at. */
export const selectFirstError = (s: AppState): Diagnostic | undefined =>
  selectProblems(s).find((d) => d.severity === 'error');
