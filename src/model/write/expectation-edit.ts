/**
 * The text edit that writes one expectation down: a new item at the end of the last
 * ConnectivityExpectations document's block list of expectations, indented like its items; or,
 * when the text has none (or only a flow list `[...]`), a new document at the end of the text.
 * One insertion, so the editor applies it as one undo step and leaves the rest byte for byte.
 */
import type { TextChange } from '../text-changes';
import type { ExpectedVerdict } from '../types';
import type { YNode, YSeq } from '../tree';
import type { DocumentId } from '../source';
import { splitDocuments } from '../documents';
import { readYaml } from '../yaml';
import { valueOf } from '../reader';
import { EXPECTATIONS_API_VERSION } from '../expectations';

/** An expectation as the graph writes one: a pair of endpoints, a verdict, maybe some ports. */
export interface WrittenExpectation {
  readonly from: string;
  readonly to: string;
  readonly expect: ExpectedVerdict;
  /** `TCP/80`, …; absent: every port of every protocol. */
  readonly ports?: readonly string[];
}

/** The item's lines, `indent` before its dash. Endpoint ids are quoted: their brackets are YAML's too. */
function itemLines(e: WrittenExpectation, indent: string): string[] {
  const pad = `${indent}  `;
  return [
    `${indent}- from: ${JSON.stringify(e.from)}`,
    `${pad}to: ${JSON.stringify(e.to)}`,
    ...(e.ports && e.ports.length > 0 ? [`${pad}ports: [${e.ports.join(', ')}]`] : []),
    `${pad}expect: ${e.expect}`,
  ];
}

/** The `spec.expectations` block list of a ConnectivityExpectations document, if it has one. */
function expectationsList(root: YNode | undefined): YSeq | undefined {
  if (root?.type !== 'map') return undefined;
  const kind = valueOf(root, 'kind');
  if (kind?.type !== 'scalar' || kind.value !== 'ConnectivityExpectations') return undefined;
  const spec = valueOf(root, 'spec');
  const list = spec?.type === 'map' ? valueOf(spec, 'expectations') : undefined;
  return list?.type === 'seq' && list.items.length > 0 ? list : undefined;
}

/** Offsets of each line start of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function expectationEdit(text: string, expectation: WrittenExpectation): TextChange {
  const documents = splitDocuments(text);
  const starts = lineStarts(text);
  for (let d = documents.length - 1; d >= 0; d--) {
    const document = documents[d]!;
    const list = expectationsList(readYaml(document.text, 0 as DocumentId).roots[0]);
    if (list === undefined) continue;
    const first = list.items[0]!.range;
    const lines = document.text.split('\n');
    const dashLine = lines[first.startLine - 1]!;
    const dash = dashLine.lastIndexOf('-', first.startColumn - 1);
    // A flow list (`expectations: [...]`) has no dash before its first item: append a document.
    if (dash < 0 || dashLine.slice(0, dash).trim() !== '') break;
    const last = list.items.at(-1)!.range;
    const afterLine = document.startLine + last.endLine - 1; // the stream line the last item ends on
    const offset = starts[afterLine] ?? text.length;
    const newline = offset === text.length && !text.endsWith('\n') ? '\n' : '';
    return { offset, length: 0, text: `${newline}${itemLines(expectation, dashLine.slice(0, dash)).join('\n')}\n` };
  }
  const separator = text.length === 0 ? '' : text.endsWith('\n') ? '---\n' : '\n---\n';
  const document = [
    `apiVersion: ${EXPECTATIONS_API_VERSION}`,
    'kind: ConnectivityExpectations',
    'metadata:',
    '  name: expectations',
    'spec:',
    '  expectations:',
    ...itemLines(expectation, '    '),
  ];
  return { offset: text.length, length: 0, text: `${separator}${document.join('\n')}\n` };
}
