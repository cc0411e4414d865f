/**
 * Collects the diagnostics of one object (or one document) while it is read. Locations carry no
 * file yet: parseDocument is file-agnostic so it can be cached by text; combine() places them.
 */
import type { Diagnostic, Severity, SourceLocation, SourceRange } from './source';

/** A location inside the document being read; `combine` fills in the file and line offset. */
export function here(range: SourceRange): SourceLocation {
  return { file: '', range };
}

export class Issues {
  private readonly list: Diagnostic[] = [];

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
    this.list.push({ severity, code, message, location: here(range) });
  }
}
