/**
 * Where things come from in the user's text, and what went wrong there.
 * Lines and columns are 1-based and the end column is exclusive, exactly like Monaco's IRange,
 * so a range maps onto an editor marker or a `file:line:col` message without arithmetic.
 */
export interface SourceRange {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A range inside one named input (a file path in the CLI, a model URI in the editor). */
export interface SourceLocation {
  readonly file: string;
  readonly range: SourceRange;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. `yaml-syntax`, `invalid-cidr`, `unknown-kind`. */
  readonly code: string;
  readonly message: string;
  readonly location: SourceLocation;
}
