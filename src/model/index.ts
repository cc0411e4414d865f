/**
 * The model: YAML/JSON manifests → typed Kubernetes resources with source ranges, plus
 * diagnostics. Nothing here throws on user input.
 *
 * One call does everything:
 * ```ts
 * const { resources, diagnostics } = parseManifests([{ file: 'demo.yaml', text }]);
 * ```
 * An editor re-parses incrementally with the steps parseManifests is made of (parseDocument is
 * pure, so `cached` can key its results by document text; one `Placements` kept across revisions
 * gives unchanged, unmoved documents' objects back as the same objects):
 * ```ts
 * if (screenInput(file, text) === undefined) {
 *   const placed = splitDocuments(text).map((d) => ({ file, startLine: d.startLine, parsed: cached(d.text) }));
 *   const { resources, diagnostics } = combine(placed, placements);
 * }
 * ```
 */
import type { Diagnostic } from './source';
import { splitDocuments } from './documents';
import { parseDocument } from './document';
import { Placements, combine, type ModelResult, type PlacedDocument } from './combine';
import { screenInput } from './limits';

export interface ManifestInput {
  /** Copied into every SourceLocation: a path in the CLI, a model URI in the editor. */
  readonly file: string;
  readonly text: string;
}

export type { ModelResult, PlacedDocument };
export type { DocumentText } from './documents';
export type { ParsedDocument } from './document';
export type { ParsedObject } from './objects';
export { splitDocuments, parseDocument, combine, Placements, screenInput };
export { MAX_INPUT_CHARS } from './limits';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './messages';

/**
 * Parses every input (a YAML stream or JSON) into the resources the API server would accept.
 * Inputs that are too large or not text give one diagnostic each and nothing else; their
 * diagnostics come first, then those of the documents in input order.
 */
export function parseManifests(inputs: readonly ManifestInput[]): ModelResult {
  const refused: Diagnostic[] = [];
  const documents: PlacedDocument[] = [];
  for (const { file, text } of inputs) {
    const problem = screenInput(file, text);
    if (problem) {
      refused.push(problem);
      continue;
    }
    for (const doc of splitDocuments(text)) {
      documents.push({ file, startLine: doc.startLine, parsed: parseDocument(doc.text) });
    }
  }
  const combined = combine(documents);
  return { resources: combined.resources, diagnostics: [...refused, ...combined.diagnostics] };
}
