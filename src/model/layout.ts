/**
 * Document-relative locations ⇄ positions in files, for the edges that show positions: editor
 * markers and reveal, the problems list, `file:line:col` messages. Imports nothing but types, so
 * every layer may use it.
 */
import type { DocumentId, DocumentLayout, DocumentPlace, FileLocation, Locate, SourceLocation } from './source';

const indexes = new WeakMap<DocumentLayout, ReadonlyMap<DocumentId, DocumentPlace>>();

function placeOf(layout: DocumentLayout, document: DocumentId): DocumentPlace | undefined {
  let index = indexes.get(layout);
  if (!index) indexes.set(layout, (index = new Map(layout.map((place) => [place.document, place]))));
  return index.get(document);
}

/**
 * The `Locate` of a layout. A location whose document is not in the layout (from another parse)
 * is returned with an empty file and its lines unmoved; callers that mix parses are wrong.
 */
export function locator(layout: DocumentLayout): Locate {
  return (location) => placeIn(placeOf(layout, location.document), location);
}

function placeIn(place: DocumentPlace | undefined, { range }: SourceLocation): FileLocation {
  const shift = (place?.startLine ?? 1) - 1;
  return {
    file: place?.file ?? '',
    range: { ...range, startLine: range.startLine + shift, endLine: range.endLine + shift },
  };
}

/**
 * The document holding `line` (1-based) of `file`, and that line counted inside it; `undefined`
 * before the file's first document. Every line belongs to the last document starting at or
 * before it (splitDocuments gives every line to exactly one document).
 */
export function lineInDocument(
  layout: DocumentLayout,
  file: string,
  line: number,
): { readonly document: DocumentId; readonly line: number } | undefined {
  let found: DocumentPlace | undefined;
  for (const place of layout) {
    if (place.file !== file) continue;
    if (place.startLine > line) break;
    found = place;
  }
  return found && { document: found.document, line: line - found.startLine + 1 };
}
