/** Our diagnostics as Monaco markers (same 1-based, end-exclusive ranges, other field names). */
import type * as Monaco from 'monaco-editor';
import type { Diagnostic, Severity } from '../../model/source';

type MarkerSeverity = typeof Monaco.MarkerSeverity;

export function toMarkers(diagnostics: readonly Diagnostic[], severities: MarkerSeverity): Monaco.editor.IMarkerData[] {
  const severity: Record<Severity, Monaco.MarkerSeverity> = {
    error: severities.Error,
    warning: severities.Warning,
    info: severities.Info,
  };
  return diagnostics.map((d) => ({
    severity: severity[d.severity],
    message: d.message,
    code: d.code,
    source: 'netpol-canvas',
    startLineNumber: d.location.range.startLine,
    startColumn: d.location.range.startColumn,
    endLineNumber: d.location.range.endLine,
    endColumn: d.location.range.endColumn,
  }));
}
