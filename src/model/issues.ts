/**
 * Collects the diagnostics of one object (or one document) while it is read, and makes the
 * locations of what is read: both point into the document being read, relative to it.
 */
import type { Diagnostic, DocumentId, Severity, SourceLocation, SourceRange } from './source';

export class Issues {
  private readonly list: Diagnostic[] = [];

  /** @param document the document being read: every location made here points into it. */
  constructor(readonly document: DocumentId) {}

  /** A location of the document being read. */
  at(range: SourceRange): SourceLocation {
    return { document: this.document, range };
  }

  error(range: SourceRange, code: string, message: string): void {
    this.add('error', range, code, message);
  }

  warning(range: SourceRange, code: string, message: string): void {
    this.add('warning', range, code, message);
  }

  info(range: SourceRange, code: string, message: string): void {
    this.add('info', range, code, message);
  }

  /** True once anything the API server would refuse was reported. */
  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  get errorCount(): number {
    return this.list.filter((d) => d.severity === 'error').length;
  }

  /** The diagnostics so far; errors get `errorSuffix` appended (e.g. why the object is left out). */
  collect(errorSuffix = ''): Diagnostic[] {
    return this.list.map((d) =>
      d.severity === 'error' && errorSuffix ? { ...d, message: `${d.message} — ${errorSuffix}` } : d,
    );
  }

  private add(severity: Severity, range: SourceRange, code: string, message: string): void {
    this.list.push({ severity, code, message, location: this.at(range) });
  }
}
