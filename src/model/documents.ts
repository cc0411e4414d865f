/**
 * Splits a YAML stream, or a stream of JSON objects, into its documents, as text, so the editor
 * can re-parse only the documents that changed (parseDocument is pure: cache its result by
 * document text).
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
const DASH = 0x2d;
const DOT = 0x2e;

/**
 * Cuts a YAML stream before each `---` line and after each `...` line. In YAML these markers end
 * whatever scalar or collection is open when they start a line, so a line scan finds the same
 * boundaries as the parser. Comments and directives before a `---` stay with the document that
 * follows. A text made only of JSON objects one after another is cut before the line where each
 * object starts instead. Every line of `text` belongs to exactly one returned document (a leading
 * byte-order mark is dropped, as editors do); an empty text gives no documents.
 */
export function splitDocuments(text: string): DocumentText[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return splitJsonStream(source) ?? splitYaml(source);
}

function splitYaml(source: string): DocumentText[] {
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
    // Only lines starting with `-` or `.` can be markers, and only until a document has content
    // can a line leave it without: most lines need no regular expression at all.
    const first = source.charCodeAt(pos);
    const marker = first === DASH || first === DOT;
    const lineText = marker || !hasContent ? source.slice(pos, newline < 0 ? source.length : newline) : '';
    if (first === DASH && hasContent && DOCUMENT_START.test(lineText)) cut(pos, line);
    if (first === DOT && DOCUMENT_END.test(lineText)) {
      cut(end, line + 1);
    } else if (!hasContent && !NO_CONTENT.test(lineText)) {
      hasContent = true;
    }
    pos = end;
  }
  cut(source.length, line);
  return documents;
}

/** How far up `contentLineAt` looks: a run of blank lines longer than this is not typed by hand. */
const CONTENT_LOOKBACK = 200;

/**
 * The line whose content a cursor on `line` belongs to: `line` when it holds content, else the
 * nearest line above it with content in the same document, as blank, comment and directive lines
 * belong to what they follow (the blank line typed after a policy's last line is still that
 * policy's); `line` itself when there is none (a `---` or `...` marker, or the top, comes first).
 * `lineAt` reads a 1-based line of the stream.
 */
export function contentLineAt(lineAt: (line: number) => string, line: number): number {
  for (let at = line; at >= 1 && at > line - CONTENT_LOOKBACK; at--) {
    const text = lineAt(at);
    if (DOCUMENT_START.test(text) || DOCUMENT_END.test(text)) return line;
    if (!NO_CONTENT.test(text)) return at;
  }
  return line;
}

/**
 * A stream of JSON objects one after another (`{…}` `{…}`, as `kubectl get -o json` of several
 * objects, or `jq -c`, writes them), which kubectl reads as one document each: cut before the
 * line where each object after the first starts. `undefined` for anything else, including a
 * single object; the YAML split handles those. Objects that share a line stay in one document,
 * as documents are whole lines.
 */
function splitJsonStream(source: string): DocumentText[] | undefined {
  const starts = jsonObjectStarts(source);
  if (starts === undefined || starts.length < 2) return undefined;
  const documents: DocumentText[] = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  let scanned = 0;
  for (const objectStart of starts.slice(1)) {
    const lineStart = source.lastIndexOf('\n', objectStart - 1) + 1;
    if (lineStart <= start) continue; // on the line where the document started
    for (let i = source.indexOf('\n', scanned); i >= 0 && i < lineStart; i = source.indexOf('\n', i + 1))
      line++;
    scanned = lineStart;
    documents.push({ text: source.slice(start, lineStart), startLine });
    start = lineStart;
    startLine = line;
  }
  documents.push({ text: source.slice(start), startLine });
  return documents;
}

/**
 * Where each top-level `{…}` of `source` starts, when the text is nothing but such objects and
 * white space; otherwise `undefined`. Strings and their escapes are skipped, so braces in them do
 * not count. Linear; stops at the first character that is not JSON-stream material.
 */
function jsonObjectStarts(source: string): number[] | undefined {
  const starts: number[] = [];
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"' && depth > 0) {
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
      if (i >= source.length) return undefined;
    } else if (c === '{' || c === '[') {
      if (depth === 0) {
        if (c === '[') return undefined;
        starts.push(i);
      }
      depth++;
    } else if (c === '}' || c === ']') {
      if (depth === 0) return undefined;
      depth--;
    } else if (depth === 0 && !/\s/.test(c ?? '')) {
      return undefined;
    }
  }
  return depth === 0 ? starts : undefined;
}
