/** One document's text → its objects and diagnostics. Pure: the same text gives equal results. */
import type { Diagnostic, DocumentId } from './source';
import { readYaml } from './yaml';
import { readObjects, type ObjectSink, type ParsedObject } from './objects';
import { silencedCodes } from './directives';

/**
 * What one document holds. Every location points into `document`, relative to its first line,
 * so the result does not depend on where the document sits and stays valid while it moves.
 */
export interface ParsedDocument {
  /** Objects the API server would accept (duplicates across documents are found by `combine`). */
  readonly objects: readonly ParsedObject[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses one document's text (normally one element of `splitDocuments`; several documents in one
 * text also work), locating everything in `document`. Never throws.
 */
export function parseDocument(text: string, document: DocumentId): ParsedDocument {
  const { roots, diagnostics } = readYaml(text, document);
  const sink: ObjectSink = { document, objects: [], diagnostics: [...diagnostics] };
  for (const root of roots) readObjects(root, {}, sink);
  const silenced = silencedCodes(text);
  if (silenced.length === 0) return sink;
  return { ...sink, objects: sink.objects.map((object) => (object.type === 'NetworkPolicy' ? silence(object, silenced) : object)) };
}

function silence(object: ParsedObject & { type: 'NetworkPolicy' }, silenced: readonly string[]): ParsedObject {
  return { ...object, resource: { ...object.resource, silenced } };
}
