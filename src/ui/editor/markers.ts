/** Problems as Monaco markers (same 1-based, end-exclusive ranges, other field names). */
import type * as Monaco from 'monaco-editor';
import type { Severity } from '../../model/source';
import type { Problem } from '../../store/types';

type MarkerSeverity = typeof Monaco.MarkerSeverity;

/** Every marker's `source`: what tells ours (and their quick fixes) from monaco-yaml's. */
export const MARKER_SOURCE = 'netpol-canvas';

export function toMarkers(problems: readonly Problem[], severities: MarkerSeverity): Monaco.editor.IMarkerData[] {
  const severity: Record<Severity, Monaco.MarkerSeverity> = {
    error: severities.Error,
    warning: severities.Warning,
    info: severities.Info,
  };
  return problems.map(({ diagnostic, range }) => ({
    severity: severity[diagnostic.severity],
    message: diagnostic.message,
    code: diagnostic.code,
    source: MARKER_SOURCE,
    startLineNumber: range.startLine,
    startColumn: range.startColumn,
    endLineNumber: range.endLine,
    endColumn: range.endColumn,
  }));
}
