/**
 * Where things come from in the user's text, and what went wrong there.
 *
 * Locations are relative to their **document** (one `---`-separated part of an input): an edit
 * that only moves a document (a line typed above it) changes nothing that points into it, so
 * nothing downstream of the model has to follow the move. The edges that show positions (editor
 * markers and reveal, the problems list, `file:line:col` in the CLI) place a location in its file
 * through the model's `DocumentLayout` (see layout.ts).
 *
 * Lines and columns are 1-based and the end column is exclusive, exactly like Monaco's IRange,
 * so a placed range maps onto an editor marker or a `file:line:col` message without arithmetic.
 */
export interface SourceRange {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * One document of the input. Stable while the document's text is: a document that moves keeps
 * its id, an edited one gets a new id. Meaningful only with the layout of the same parse.
 */
export type DocumentId = number & { readonly __brand: 'DocumentId' };

/** A range inside one document; line 1 is the document's first line. */
export interface SourceLocation {
  readonly document: DocumentId;
  readonly range: SourceRange;
}

/** A range inside one named input (a file path in the CLI, a model URI in the editor). */
export interface FileLocation {
  readonly file: string;
  readonly range: SourceRange;
}

/** Where one document sits: its input's `file`, and its 1-based first line there. */
export interface DocumentPlace {
  readonly document: DocumentId;
  readonly file: string;
  readonly startLine: number;
}

/** Every document of a parse, in input order: plain data, so it crosses to a worker's client. */
export type DocumentLayout = readonly DocumentPlace[];

/** Places a document-relative location in its file (see layout.ts for the one implementation). */
export type Locate = (location: SourceLocation) => FileLocation;

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. `yaml-syntax`, `invalid-cidr`, `unknown-kind`. */
  readonly code: string;
  readonly message: string;
  readonly location: SourceLocation;
}
