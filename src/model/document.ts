/** One document's text → its objects and diagnostics. Pure: cache the result by text. */
import type { Diagnostic } from './source';
import { readYaml } from './yaml';
import { readObjects, type ObjectSink, type ParsedObject } from './objects';

/**
 * What one document holds. Locations have an empty `file` and lines counted from the document's
 * first line: `combine` places them in their file, so the result does not depend on where the
 * document sits and can be reused when only other documents change.
 */
export interface ParsedDocument {
  /** Objects the API server would accept (duplicates across documents are found by `combine`). */
  readonly objects: readonly ParsedObject[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses one document's text (normally one element of `splitDocuments`; several documents in one
 * text also work). Never throws.
 */
export function parseDocument(text: string): ParsedDocument {
  const { roots, diagnostics } = readYaml(text);
  const sink: ObjectSink = { objects: [], diagnostics: [...diagnostics] };
  for (const root of roots) readObjects(root, {}, sink);
  return sink;
}
