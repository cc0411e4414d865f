/**
 * Several files as one YAML stream, each introduced as Helm's `helm template` introduces its
 * files: a `---` line, then `# Source: <name>`.
 */
import { splitDocuments } from '../../model';

/** A file's name and its text. */
export interface NamedText {
  readonly name: string;
  readonly text: string;
}

/** A `---` document start line, with or without content or a comment after it. */
const MARKER = /^---(?:[ \t\n]|$)/;
/** Blank and comment lines at the top of a document, then its `---` and the rest of that line. */
const LEADING_MARKER = /^((?:[ \t]*(?:#.*)?\n)*)---(?:[ \t]+(.*))?(?:\n|$)/;

/**
 * Joins files into one stream, in order. Each file is cut into the documents the model (and
 * kubectl) reads in it, and every document after its first starts with `---`: a stream of JSON
 * objects (`{…}{…}`, one document each) would otherwise run into one invalid YAML document. The
 * `---` that opens the file's first document (or one after a `...` line) gives way to the one
 * before it, which would otherwise leave an empty document between them. Line endings become
 * `\n`.
 */
export function joinFiles(files: readonly NamedText[]): string {
  return files.map(joinOne).join('');
}

function joinOne(file: NamedText): string {
  const text = file.text.replace(/\r\n?/g, '\n');
  const documents = splitDocuments(text).map((d, i) => endLine(streamed(d.text, i === 0)));
  return `---\n# Source: ${file.name.replace(/[\r\n]+/g, ' ')}\n${documents.join('')}`;
}

/**
 * A document as it goes into the stream: starting with its own `---` line, or one added; the
 * file's first document is opened by the `---` before `# Source` instead.
 */
function streamed(document: string, first: boolean): string {
  if (!first && MARKER.test(document)) return document;
  const bare = withoutLeadingMarker(document);
  return first ? bare : `---\n${bare}`;
}

/**
 * Drops the `---` that opens a document after its leading blank and comment lines, keeping what
 * follows it on that line (a comment, a flow mapping, a tag), which reads the same without it.
 */
function withoutLeadingMarker(document: string): string {
  return document.replace(LEADING_MARKER, (_, before: string, rest: string | undefined) =>
    rest ? `${before}${rest}\n` : before,
  );
}

const endLine = (text: string): string => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
