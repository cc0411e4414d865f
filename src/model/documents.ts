/**
 * Splits a YAML stream into its documents, as text, so the editor can re-parse only the
 * documents that changed (parseDocument is pure: cache its result by document text).
 */

/** One document of a stream: its text and the 1-based line of the stream where it starts. */
export interface DocumentText {
  readonly text: string;
  readonly startLine: number;
}

const DOCUMENT_START = /^---(?:[ \t]|\r?$)/;
const DOCUMENT_END = /^\.\.\.(?:[ \t]|\r?$)/;
/** Lines that do not make a document by themselves: blank, comment, directive. */
const NO_CONTENT = /^(?:[ \t]*(?:#.*)?|%.*)\r?$/;

/**
 * Cuts the stream before each `---` line and after each `...` line. In YAML these markers end
 * whatever scalar or collection is open when they start a line, so a line scan finds the same
 * boundaries as the parser. Comments and directives before a `---` stay with the document that
 * follows. Every line of `text` belongs to exactly one returned document (a leading byte-order
 * mark is dropped, as editors do); an empty text gives no documents.
 */
export function splitDocuments(text: string): DocumentText[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const documents: DocumentText[] = [];
  let start = 0;
  let startLine = 1;
  let hasContent = false;
  let line = 1;
  const cut = (end: number, nextLine: number): void => {
    if (end > start) documents.push({ text: source.slice(start, end), startLine });
    start = end;
    startLine = nextLine;
    hasContent = false;
  };
  for (let pos = 0; pos < source.length; line++) {
    const newline = source.indexOf('\n', pos);
    const end = newline < 0 ? source.length : newline + 1;
    const lineText = source.slice(pos, newline < 0 ? source.length : newline);
    if (DOCUMENT_START.test(lineText) && hasContent) cut(pos, line);
    if (DOCUMENT_END.test(lineText)) {
      cut(end, line + 1);
    } else if (!NO_CONTENT.test(lineText)) {
      hasContent = true;
    }
    pos = end;
  }
  cut(source.length, line);
  return documents;
}
