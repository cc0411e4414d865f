/**
 * Derived data over the app state. Each selector is memoised on the state parts it reads, so
 * components can call them on every render and get the same object back until an input changes.
 */
import type { Endpoint, EndpointId } from '../engine/types';
import type { Diagnostic, SourceRange } from '../model/source';
import type { AppState } from './appStore';
import { memoizeLast } from './memo';
import type { GraphData, PolicyInfo } from './evaluation/protocol';
import type { CursorPosition } from './types';

/**
 * Whether the cursor is on one of the range's lines. Lines, not columns: a document owns whole
 * lines, and while the user types at the end of its last line the range (from the text the graph
 * was computed from) ends a few columns short; the highlight must not flicker off meanwhile.
 */
function onLines(range: SourceRange, line: number): boolean {
  return line >= range.startLine && line <= range.endLine;
}

const cursorPolicy = memoizeLast(
  (graph: GraphData | undefined, cursor: CursorPosition | null, stale: boolean): PolicyInfo | undefined => {
    // A stale graph's ranges belong to an older text: they would point at the wrong lines.
    if (!graph || !cursor || stale) return undefined;
    return graph.policies.find((p) => onLines(p.ref.location.range, cursor.line));
  },
);

/** The NetworkPolicy whose YAML document holds the editor cursor. */
export const selectCursorPolicy = (s: AppState): PolicyInfo | undefined =>
  cursorPolicy(s.evaluated.graph, s.cursor, s.evaluated.stale);

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
