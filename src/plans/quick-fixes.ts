/**
 * Quick fixes for problems with one obvious repair: the text changes that make it, computed from
 * the problem's code and place (as the editor's markers carry them) and the whole text. Each fix
 * is one small edit (node-edits.ts), so everything else in the text stays as written, and the
 * editor applies it as one undo step.
 */
import { isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import { directiveEnd } from '../model/directives';
import { QUOTE_HINT } from '../model/messages';
import type { TextChange } from '../model/text-changes';
import { addPair, appendToList } from '../model/write/node-edits';
import {
  documentObjects,
  editableDocumentAt,
  type AnyMap,
  type EditableDocument,
  type StreamObject,
} from '../model/write/stream-objects';
import { styleOf } from '../model/write/value-text';
import { SILENCEABLE_CODES } from './fixable-codes';
import { DNS_RULE } from './policies';

/** A problem as the editor knows it: its code, message and where it starts (1-based, as Monaco). */
export interface FixableProblem {
  readonly code: string;
  readonly message: string;
  readonly startLine: number;
  readonly startColumn: number;
}

export interface QuickFix {
  readonly title: string;
  readonly changes: readonly TextChange[];
  /** It silences the problem (a directive comment) rather than repairing it: never the preferred fix. */
  readonly silences?: true;
}

/**
 * The fixes for `problem` in `text`: its repair when it has an obvious one, then (for a note on a
 * policy) the comment that silences it for that policy; none when the text has moved on.
 */
export function quickFixes(text: string, problem: FixableProblem): QuickFix[] {
  const offset = offsetOf(text, problem.startLine, problem.startColumn);
  // Only the document at the problem is parsed: the editor asks at every move onto a marker.
  const document = offset === undefined ? undefined : editableDocumentAt(text, offset);
  if (offset === undefined || !document) return [];
  const silence = SILENCEABLE_CODES.has(problem.code) ? silenceIn(text, document, problem.code) : undefined;
  return [
    ...repairs(text, document, problem, offset),
    ...(silence ? [{ title: `Ignore ${problem.code} for this policy`, changes: [silence], silences: true as const }] : []),
  ];
}

function repairs(text: string, document: EditableDocument, problem: FixableProblem, offset: number): QuickFix[] {
  switch (problem.code) {
    case 'peers-split':
      return fix('Make it one peer', joinPeers(text, document, offset));
    case 'peers-joined':
      return fix('Make them two peers', splitPeer(text, document, offset));
    case 'namespace-defaulted':
      return fix('Write namespace: default', namedObject(document, offset, writeDefaultNamespace));
    case 'egress-without-dns':
      return fix('Allow DNS (UDP and TCP 53)', namedObject(document, offset, addDnsRule));
    case 'port-protocol-defaulted':
      return (['UDP', 'TCP'] as const).flatMap((protocol) =>
        fix(
          `Write protocol: ${protocol}`,
          withMap(document, offset, (map) => addPair(document, map, 'protocol', protocol, styleOf(document.text))),
        ),
      );
    case 'wrong-type':
      return problem.message.includes(QUOTE_HINT) ? fix('Quote it', quoteScalar(document, offset)) : [];
    default:
      return [];
  }
}

/**
 * `# netpol-canvas: ignore <code>` for the document holding `offset` (model/directives.ts reads
 * it): the code added to the document's directive when it has one, else a directive on a line of
 * its own at the document's top (under its `---`). Not in a JSON document, where a comment would make it YAML.
 */
function silenceIn(text: string, document: EditableDocument, code: string): TextChange | undefined {
  if (document.json) return undefined;
  const end = directiveEnd(document.text);
  if (end !== undefined) return { offset: document.offset + end, length: 0, text: `, ${code}` };
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  // A document's text starts with its `---` line, when it has one: the directive goes under it.
  const marker = /^---[^\n]*\n/.exec(document.text);
  return { offset: document.offset + (marker?.[0].length ?? 0), length: 0, text: `# netpol-canvas: ignore ${code}${newline}` };
}

function fix(title: string, change: TextChange | undefined): QuickFix[] {
  return change ? [{ title, changes: [change] }] : [];
}

/** The offset of a 1-based line and column; `undefined` past the text. */
function offsetOf(text: string, line: number, column: number): number | undefined {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return undefined;
    start = newline + 1;
  }
  return start + column - 1;
}

/**
 * The outermost node of a kind starting at `offset` (a block map and its first key start at the
 * same place), with its parents.
 */
function nodeAt(
  document: EditableDocument,
  offset: number,
  kind: (node: unknown) => node is Node,
): { node: Node; path: readonly unknown[] } | undefined {
  const at = offset - document.offset;
  let found: { node: Node; path: readonly unknown[] } | undefined;
  visit(document.doc, (_key, node, path) => {
    if (found) return visit.BREAK;
    if (kind(node) && node.range?.[0] === at) found = { node, path: [...path] };
    return undefined;
  });
  return found;
}

function withMap(
  document: EditableDocument,
  offset: number,
  edit: (map: AnyMap) => TextChange | undefined,
): TextChange | undefined {
  const found = nodeAt(document, offset, isMap);
  return found && isMap(found.node) ? edit(found.node as AnyMap) : undefined;
}

/**
 * The extra dash: the second of two block peers loses its `-`, so its keys join the item above.
 * Only for block items whose dash is all that precedes them on their line.
 */
function joinPeers(text: string, document: EditableDocument, offset: number): TextChange | undefined {
  const found = nodeAt(document, offset, isMap);
  if (!found || !isMap(found.node) || found.node.flow) return undefined;
  const seq = found.path.at(-1);
  if (!isSeq(seq)) return undefined;
  const index = seq.items.indexOf(found.node);
  const previous = seq.items[index - 1];
  if (index < 1 || !isMap(previous) || previous.flow) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (!/^ *- +$/.test(before)) return undefined;
  const dash = lineStart + before.indexOf('-');
  return { offset: dash, length: 1, text: ' ' };
}

/** `edit` applied to the object whose `metadata.name` starts at `offset`. */
function namedObject(
  document: EditableDocument,
  offset: number,
  edit: (object: StreamObject, metadata: AnyMap) => TextChange | undefined,
): TextChange | undefined {
  for (const object of documentObjects([document])) {
    const found = object.node.get('metadata', true);
    const metadata = isMap(found) ? (found as AnyMap) : undefined;
    const name = metadata?.get('name', true);
    if (metadata && isScalar(name) && name.range != null && object.document.offset + name.range[0] === offset) {
      return edit(object, metadata);
    }
  }
  return undefined;
}

/** The DNS rule appended to a policy's egress rules (the list written when absent). */
function addDnsRule({ document, node }: StreamObject): TextChange | undefined {
  const spec = node.get('spec', true);
  return isMap(spec) ? appendToList(document, spec as AnyMap, 'egress', DNS_RULE, styleOf(document.text)) : undefined;
}

/** `namespace: default` written where kubectl would have put it anyway (without `-n`). */
function writeDefaultNamespace({ document }: StreamObject, metadata: AnyMap): TextChange | undefined {
  return metadata.has('namespace') ? undefined : addPair(document, metadata, 'namespace', 'default', styleOf(document.text));
}

/**
 * The reverse of the extra dash: the item's second key (podSelector or namespaceSelector) gets a
 * dash of its own. Only for a block item whose keys line up under its dash.
 */
function splitPeer(text: string, document: EditableDocument, offset: number): TextChange | undefined {
  const found = nodeAt(document, offset, isMap);
  if (!found || !isMap(found.node) || found.node.flow || found.node.items.length !== 2) return undefined;
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart(offset), offset);
  if (!/^ *- +$/.test(before)) return undefined;
  const second = found.node.items[1]!.key;
  if (!isScalar(second) || !second.range) return undefined;
  const keyAt = document.offset + second.range[0];
  const indent = text.slice(lineStart(keyAt), keyAt);
  if (indent !== ' '.repeat(before.length)) return undefined;
  const dash = lineStart(keyAt) + before.indexOf('-');
  return { offset: dash, length: 1, text: '-' };
}

/** A plain scalar (`yes`, `on`, `0755`) written in double quotes, so it stays the string it looks like. */
function quoteScalar(document: EditableDocument, offset: number): TextChange | undefined {
  const found = nodeAt(document, offset, isScalar);
  if (!found || !isScalar(found.node) || found.node.type !== 'PLAIN' || !found.node.range) return undefined;
  const [from, to] = found.node.range;
  const source = document.text.slice(from, to).trimEnd();
  return { offset: document.offset + from, length: source.length, text: JSON.stringify(source) };
}
