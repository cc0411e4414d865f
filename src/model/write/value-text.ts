/**
 * New values as text that fits where it goes: block YAML indented like the document around it
 * (its indentation step, and whether list items are indented under their key), one-line flow YAML
 * inside a flow collection (padded `{ a: b }` or not, as the document writes them), JSON inside a
 * JSON document. Scalars are quoted as kubectl's YAML 1.1 needs (`"yes"`, `"53"` stay strings).
 */
import { stringify } from 'yaml';
import { indentsSequences, padsFlowCollections } from './render';

/** What a plain value may hold: what manifests are made of. */
export type PlainValue = string | number | boolean | null | readonly PlainValue[] | { readonly [key: string]: PlainValue };

/** How a document writes its collections. */
export interface TextStyle {
  /** Spaces per nesting level. */
  readonly indent: number;
  /** Whether list items are indented under their key (`key:\n  - a`) or flush (`key:\n- a`). */
  readonly indentSeq: boolean;
  /** Whether flow collections are padded: `{ a: b }`. */
  readonly padFlow: boolean;
}

/** A key ending its line, then the first line under it that is deeper: the step between them. */
const KEY_THEN_DEEPER = /^( *)[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*( *)[^\s#-]/gm;

/** The style of `source` (a document, or the whole stream); two spaces when nothing says. */
export function styleOf(source: string): TextStyle {
  return { indent: indentStep(source), indentSeq: indentsSequences(source), padFlow: padsFlowCollections(source) };
}

function indentStep(source: string): number {
  for (const match of source.matchAll(KEY_THEN_DEEPER)) {
    const step = match[2]!.length - match[1]!.length;
    if (step > 0) return Math.min(step, 8);
  }
  const json = /^\{\s*\n( +)"/.exec(source.trimStart());
  return json ? json[1]!.length : 2;
}

const OPTIONS = { lineWidth: 0, version: '1.1', aliasDuplicateObjects: false } as const;

/** Block YAML lines of `value` under a key or dash at `column`: each line starts with `column` spaces. */
function blockLines(text: string, column: number): string {
  const pad = ' '.repeat(column);
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

/** `key: value` as block YAML at `column`, ending in a line break. */
export function blockPair(key: string, value: PlainValue, column: number, style: TextStyle): string {
  const text = stringify({ [key]: value }, { ...OPTIONS, indent: style.indent, indentSeq: style.indentSeq });
  return `${blockLines(text, column)}\n`;
}

/** `- value` as block YAML with its dash at `column`, ending in a line break. */
export function blockItem(value: PlainValue, column: number, style: TextStyle): string {
  const text = stringify([value], { ...OPTIONS, indent: style.indent, indentSeq: style.indentSeq });
  return `${blockLines(text, column)}\n`;
}

/** A whole new document's text as block YAML, ending in a line break. */
export function blockDocument(value: PlainValue, style: TextStyle): string {
  return stringify(value, { ...OPTIONS, indent: style.indent, indentSeq: style.indentSeq });
}

/** `value` as one line of flow YAML. */
export function flowText(value: PlainValue, style: TextStyle): string {
  const text = stringify(value, { ...OPTIONS, collectionStyle: 'flow', flowCollectionPadding: style.padFlow });
  return text.replace(/\n$/, '');
}

/** `value` as JSON: on one line, or pretty-printed with its later lines starting at `column`. */
export function jsonText(value: PlainValue, style: TextStyle, column?: number): string {
  if (column === undefined) return JSON.stringify(value);
  return JSON.stringify(value, null, style.indent).replace(/\n/g, `\n${' '.repeat(column)}`);
}
