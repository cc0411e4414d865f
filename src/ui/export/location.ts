/** Ranges of the exported text → locations the store can reveal in the editor. */
import { lineInDocument } from '../../model/layout';
import type { DocumentLayout, SourceLocation, SourceRange } from '../../model/source';
import { EDITOR_FILE } from '../../store/evaluation/protocol';

/**
 * The location of a range of the editor's text in the documents of the evaluated layout;
 * `undefined` before the first document. Meaningful only while that layout is of the same text.
 */
export function editorLocation(documents: DocumentLayout, range: SourceRange): SourceLocation | undefined {
  const at = lineInDocument(documents, EDITOR_FILE, range.startLine);
  if (!at) return undefined;
  const moved = range.startLine - at.line;
  return { document: at.document, range: { ...range, startLine: at.line, endLine: range.endLine - moved } };
}
