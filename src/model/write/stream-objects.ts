/**
 * The objects of a YAML (or JSON) stream as the `yaml` package parses them for editing: each
 * document's root mapping, or each item of a `List` / `…List` (recursively), with where its
 * document starts in the stream, so a node's range (`node.range`, relative to its document) becomes
 * a range of the whole text. Edits (node-edits.ts) are computed from these ranges and touch nothing
 * else, so every other byte of the stream stays as written.
 *
 * Documents the model cannot read without an error are skipped: an edit must not guess inside text
 * the user is still typing (and the model's reader bounds nesting before the `yaml` package
 * recurses on it).
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DocumentId } from '../source';
import { splitDocuments } from '../documents';
import { KUBECTL_YAML_OPTIONS, readYaml } from '../yaml';

export type AnyMap = YAMLMap<unknown, unknown>;
export type AnySeq = YAMLSeq<unknown>;

/** One document of the stream, parsed for editing. */
export interface EditableDocument {
  /** Where its text starts in the stream. */
  readonly offset: number;
  readonly text: string;
  readonly doc: Document;
  /** A JSON document: its root is a flow mapping (`{` … `}`), so what is written into it is JSON. */
  readonly json: boolean;
}

/** One object of the stream, and what kubectl reads of its identity. */
export interface StreamObject {
  readonly document: EditableDocument;
  readonly node: AnyMap;
  readonly kind: string | undefined;
  readonly apiVersion: string | undefined;
  /** As written; absent or empty: undefined (the caller decides what that means). */
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  /** Set when the object is an item of a List: the list, its index there, and the list's `items` key. */
  readonly listItem?: { readonly seq: AnySeq; readonly index: number; readonly key: unknown };
}

/** Every readable document of `text`, with its offset in `text`. */
export function editableDocuments(text: string): EditableDocument[] {
  return pieces(text).flatMap(({ text: piece, offset }) => editable(piece, offset) ?? []);
}

/**
 * The readable document of `text` that holds `offset` (its end included): only that one is parsed,
 * so a question about one place (a quick fix) does not parse the whole stream.
 */
export function editableDocumentAt(text: string, offset: number): EditableDocument | undefined {
  for (const piece of pieces(text)) {
    if (piece.offset > offset || offset > piece.offset + piece.text.length) continue;
    const document = editable(piece.text, piece.offset);
    if (document) return document;
  }
  return undefined;
}

/** The documents' texts, with their offsets in `text`. */
function pieces(text: string): { readonly text: string; readonly offset: number }[] {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const starts = lineStarts(text, bom);
  return splitDocuments(text).map((piece) => ({ text: piece.text, offset: starts[piece.startLine - 1]! }));
}

/** One document's text parsed for editing; none when the model reads an error in it. */
function editable(text: string, offset: number): EditableDocument | undefined {
  const read = readYaml(text, 0 as DocumentId);
  if (read.diagnostics.some((d) => d.severity === 'error') || read.roots.length === 0) return undefined;
  const doc = parseDocument(text, KUBECTL_YAML_OPTIONS);
  if (doc.errors.length > 0) return undefined;
  const json = isMap(doc.contents) && doc.contents.flow === true;
  return { offset, text, doc, json };
}

/** Every object of `text`: documents' roots and List items, in stream order. */
export function streamObjects(text: string): StreamObject[] {
  return documentObjects(editableDocuments(text));
}

/** Every object of documents already parsed (`editableDocuments`), in stream order. */
export function documentObjects(documents: readonly EditableDocument[]): StreamObject[] {
  return documents.flatMap((document) => [...objectsIn(document, document.doc.contents, {})]);
}

function* objectsIn(
  document: EditableDocument,
  node: unknown,
  inherited: { readonly kind?: string; readonly apiVersion?: string },
  listItem?: StreamObject['listItem'],
): Generator<StreamObject> {
  if (!isMap(node)) return;
  const kind = stringAt(node, 'kind') ?? inherited.kind;
  const apiVersion = stringAt(node, 'apiVersion') ?? inherited.apiVersion;
  const items = node.get('items', true);
  if (kind !== undefined && (kind === 'List' || kind.endsWith('List')) && isSeq(items)) {
    // Items of a typed list (a NetworkPolicyList) may leave out their kind and apiVersion.
    const defaults = kind === 'List' ? {} : { kind: kind.slice(0, -'List'.length), apiVersion };
    const key = node.items.find((pair) => isScalar(pair.key) && pair.key.value === 'items')?.key;
    for (const [index, item] of items.items.entries()) {
      yield* objectsIn(document, item, defaults, { seq: items, index, key });
    }
    return;
  }
  const metadata = node.get('metadata', true);
  const meta = isMap(metadata) ? metadata : undefined;
  yield {
    document,
    node,
    kind,
    apiVersion,
    namespace: meta && stringAt(meta, 'namespace'),
    name: meta && stringAt(meta, 'name'),
    ...(listItem ? { listItem } : {}),
  };
}

/** A non-empty string value of `map[key]`. */
export function stringAt(map: AnyMap, key: string): string | undefined {
  const value = map.get(key, true);
  return isScalar(value) && typeof value.value === 'string' && value.value !== '' ? value.value : undefined;
}

/** Offsets of each line start of `text`, from `from`. */
function lineStarts(text: string, from: number): number[] {
  const starts = [from];
  for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
