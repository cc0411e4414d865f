/**
 * The smallest text changes that edit one node of a parsed document: add an item to a list, add a
 * key to a mapping, replace a value, remove an entry or a whole object. Each is computed from the
 * `yaml` package's node ranges and touches only the text it replaces, so the comments, quoting,
 * key order and layout of everything else stay byte for byte. New text takes the form of its place
 * (value-text.ts): block YAML indented like its neighbours, one-line flow YAML inside a flow
 * collection, JSON inside a JSON document.
 *
 * Each returns `undefined` when the node has a shape it does not edit (an alias, a null value, a
 * list item that does not start its line): the caller then writes its change another way.
 */
import { isMap, isNode, isPair, isScalar, isSeq, type Pair } from 'yaml';
import type { TextChange } from '../text-changes';
import type { AnyMap, AnySeq, EditableDocument, StreamObject } from './stream-objects';
import { blockItem, blockPair, flowText, jsonText, type PlainValue, type TextStyle } from './value-text';

type Collection = AnyMap | AnySeq;

/** The pair of `map` whose key is the string `key`. */
export function pairOf(map: AnyMap, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
}

const rangeOf = (node: unknown): readonly [number, number, number] | undefined =>
  isNode(node) && node.range ? node.range : undefined;

/** Where an entry's text starts and its value ends (document-relative). */
function entrySpan(entry: unknown): readonly [number, number] | undefined {
  if (isPair(entry)) {
    const key = rangeOf(entry.key);
    const end = rangeOf(entry.value)?.[1] ?? key?.[1];
    return key && end !== undefined ? [key[0], end] : undefined;
  }
  const range = rangeOf(entry);
  return range && [range[0], range[1]];
}

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
const columnOf = (text: string, pos: number) => pos - lineStart(text, pos);
const onOneLine = (text: string, from: number, to: number) => !text.slice(from, to).includes('\n');

function change(document: EditableDocument, from: number, to: number, text: string): TextChange {
  // New lines end as the document's do (CRLF in a text saved on Windows).
  const lines = document.text.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text;
  return { offset: document.offset + from, length: to - from, text: lines };
}

/** Inserts whole lines after the line on which `end` falls (after any comment ending that line). */
function insertLinesAfter(document: EditableDocument, end: number, lines: string): TextChange {
  // A block collection's value may end after its last line break: look from its last character.
  const newline = document.text.indexOf('\n', Math.max(0, end - 1));
  if (newline >= 0) return change(document, newline + 1, newline + 1, lines);
  return change(document, document.text.length, document.text.length, `\n${lines.replace(/\n$/, '')}`);
}

/** One entry's text inside a flow collection: YAML flow, or JSON (pretty-printed from `column` when given). */
function flowEntry(
  document: EditableDocument,
  key: string | undefined,
  value: PlainValue,
  style: TextStyle,
  column?: number,
): string {
  const text = document.json ? jsonText(value, style, column) : flowText(value, style);
  if (key === undefined) return text;
  return `${document.json ? JSON.stringify(key) : flowText(key, style)}: ${text}`;
}

/** Adds an entry after the last one of a non-empty flow collection, on its own line when they are. */
function appendToFlow(
  document: EditableDocument,
  collection: Collection,
  key: string | undefined,
  value: PlainValue,
  style: TextStyle,
): TextChange | undefined {
  const last = entrySpan(collection.items.at(-1));
  const open = rangeOf(collection)?.[0];
  if (!last || open === undefined) return undefined;
  if (onOneLine(document.text, open, last[0])) {
    return change(document, last[1], last[1], `, ${flowEntry(document, key, value, style)}`);
  }
  const column = columnOf(document.text, last[0]);
  const text = flowEntry(document, key, value, style, column);
  return change(document, last[1], last[1], `,\n${' '.repeat(column)}${text}`);
}

/** Replaces an empty flow collection (`[]`, `{}`) by one holding the entry. */
function fillEmptyFlow(
  document: EditableDocument,
  collection: Collection,
  key: string | undefined,
  value: PlainValue,
  style: TextStyle,
): TextChange | undefined {
  const range = rangeOf(collection);
  if (!range) return undefined;
  const pad = style.padFlow && !document.json ? ' ' : '';
  const [open, close] = isMap(collection) ? ['{', '}'] : ['[', ']'];
  return change(document, range[0], range[1], `${open}${pad}${flowEntry(document, key, value, style)}${pad}${close}`);
}

/** Adds `key: value` at the end of `map` (which must not have `key`). */
export function addPair(document: EditableDocument, map: AnyMap, key: string, value: PlainValue, style: TextStyle) {
  if (map.items.length === 0) return fillEmptyFlow(document, map, key, value, style);
  if (map.flow) return appendToFlow(document, map, key, value, style);
  const first = rangeOf(map.items[0]!.key);
  const last = entrySpan(map.items.at(-1));
  if (!first || !last) return undefined;
  return insertLinesAfter(document, last[1], blockPair(key, value, columnOf(document.text, first[0]), style));
}

/** Adds `value` at the end of the list `map[key]`, creating the list when the key is absent. */
export function appendToList(document: EditableDocument, map: AnyMap, key: string, value: PlainValue, style: TextStyle) {
  const pair = pairOf(map, key);
  if (!pair) return addPair(document, map, key, [value], style);
  const seq = pair.value;
  if (!isSeq(seq)) return undefined; // null, an alias, a scalar: nothing of its own to add to
  if (seq.items.length === 0) return seq.flow ? fillEmptyFlow(document, seq, undefined, value, style) : undefined;
  if (seq.flow) return appendToFlow(document, seq, undefined, value, style);
  const first = rangeOf(seq.items[0]);
  const last = entrySpan(seq.items.at(-1));
  if (!first || !last) return undefined;
  // The first item's dash sets the column: `- ` must be all that precedes the item on its line.
  const start = lineStart(document.text, first[0]);
  const before = document.text.slice(start, first[0]);
  if (!/^ *- +$/.test(before)) return undefined;
  return insertLinesAfter(document, last[1], blockItem(value, before.indexOf('-'), style));
}

/** Adds `values` at the end of the list `map[key]` in one change, creating the list when the key is absent. */
export function appendItems(
  document: EditableDocument,
  map: AnyMap,
  key: string,
  values: readonly PlainValue[],
  style: TextStyle,
): TextChange | undefined {
  const seq = pairOf(map, key)?.value;
  if (!pairOf(map, key)) return addPair(document, map, key, [...values], style);
  const range = rangeOf(seq);
  if (isSeq(seq) && seq.items.length === 0 && seq.flow && range) {
    return change(document, range[0], range[1], document.json ? jsonText([...values], style) : flowText([...values], style));
  }
  // Each item goes where the one before would: at the same offset, so their texts join in order.
  const changes = values.map((value) => appendToList(document, map, key, value, style));
  if (changes.length === 0 || changes.some((c) => c === undefined)) return undefined;
  return { ...changes[0]!, text: changes.map((c) => c!.text).join('') };
}

/** Replaces a scalar's text by `value` (quoted as its place needs). */
export function replaceScalar(document: EditableDocument, node: unknown, value: string | number, style: TextStyle) {
  const range = rangeOf(node);
  if (!isScalar(node) || !range) return undefined;
  return change(document, range[0], range[1], document.json ? JSON.stringify(value) : flowText(value, style));
}

/**
 * Removes entry `index` of `collection` (`key`: the collection's own key, if it has one): its lines in a block collection (when it starts its
 * line), its text and one comma in a flow one. The last entry of a collection leaves `[]` / `{}`
 * after its key, so the key keeps meaning "present, empty".
 */
export function removeEntry(document: EditableDocument, collection: Collection, index: number, key?: unknown) {
  const spans = collection.items.map(entrySpan);
  const span = spans[index];
  if (!span || spans.some((s) => s === undefined)) return undefined;
  const { text } = document;
  if (collection.items.length === 1) return emptyCollection(document, collection, key);
  if (collection.flow) {
    const [from, to] = index + 1 < spans.length ? [span[0], spans[index + 1]![0]] : [spans[index - 1]![1], span[1]];
    return change(document, from, to, '');
  }
  const start = lineStart(text, span[0]);
  const lead = text.slice(start, span[0]);
  if (/^ *(- +)?$/.test(lead)) {
    const newline = text.indexOf('\n', Math.max(span[0], span[1] - 1));
    const end = newline < 0 ? text.length : newline + 1;
    // A block map's first key after a dash (`- from: …`): remove up to the next key, keeping the dash.
    if (isMap(collection) && lead.includes('-')) return change(document, span[0], spans[index + 1]![0], '');
    return change(document, start, end, '');
  }
  return undefined;
}

/** `key: []` / `key: {}` in place of a one-entry collection (`[]` alone without a key). */
function emptyCollection(document: EditableDocument, collection: Collection, key?: unknown) {
  const range = rangeOf(collection);
  const empty = isMap(collection) ? '{}' : '[]';
  if (!range) return undefined;
  if (collection.flow) return change(document, range[0], range[1], empty);
  const keyEnd = rangeOf(key)?.[1];
  if (keyEnd === undefined) return undefined;
  const colon = document.text.indexOf(':', keyEnd);
  // Up to its last entry's last character: the line break after it, and comments after it, stay.
  let end = entrySpan(collection.items.at(-1))?.[1] ?? range[1];
  while (end > colon && /\s/.test(document.text[end - 1]!)) end--;
  return colon < 0 ? undefined : change(document, colon + 1, end, ` ${empty}`);
}

/** Removes an object: its whole document (with its `---`), or its item of a List. */
export function removeObject(object: StreamObject) {
  const { document, listItem } = object;
  if (listItem) return removeEntry(document, listItem.seq, listItem.index, listItem.key);
  return change(document, 0, document.text.length, '');
}

