/**
 * Collects the diagnostics of one object (or one document) while it is read, and makes the
 * locations of what is read: both point into the document being read, relative to it.
 */
import type { Diagnostic, DocumentId, Severity, SourceLocation, SourceRange } from './source';

interface Entry {
  readonly diagnostic: Diagnostic;
  /** Said instead of the object's suffix (see `withEndings`). */
  readonly ending?: string;
}

export class Issues {
  private list: Entry[] = [];
  private endings: ReadonlyMap<string, string> = new Map();

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

  /**
   * The same collection seen through a view in which an error whose code is in `endings` ends
   * with that sentence instead of the suffix `collect` is given: for a problem that leaves the
   * object out although the API server does not reject it (a label selector a CRD admits but
   * Kubernetes cannot parse), where "the API server would reject it" would be untrue.
   */
  withEndings(endings: ReadonlyMap<string, string>): Issues {
    const view = new Issues(this.document);
    view.list = this.list;
    view.endings = endings;
    return view;
  }

  /** True once anything the API server would refuse was reported. */
  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  get errorCount(): number {
    return this.list.filter((e) => e.diagnostic.severity === 'error').length;
  }

  /** The diagnostics so far; errors get `errorSuffix` appended (e.g. why the object is left out). */
  collect(errorSuffix = ''): Diagnostic[] {
    return this.list.map(({ diagnostic: d, ending }) => {
      const suffix = ending ?? errorSuffix;
      return d.severity === 'error' && suffix ? { ...d, message: `${d.message} — ${suffix}` } : d;
    });
  }

  private add(severity: Severity, range: SourceRange, code: string, message: string): void {
    const diagnostic = { severity, code, message, location: this.at(range) };
    const ending = severity === 'error' ? this.endings.get(code) : undefined;
    this.list.push(ending === undefined ? { diagnostic } : { diagnostic, ending });
  }
}
