/**
 * New objects at the end of the stream, and the objects a plan edits in place. A YAML stream gets
 * `---` and block YAML in its style; a stream of JSON objects (`{…}` after `{…}`, as kubectl
 * reads it) gets JSON objects, since a `---` would turn it into YAML that no longer parses.
 */
import type { TextChange } from '../model/text-changes';
import { blockDocument, type PlainValue } from '../model/write/value-text';
import type { PlanContext } from './context';

/** What a plan writes: edits of existing objects, and new objects to append. */
export interface Draft {
  readonly changes: readonly TextChange[];
  readonly documents: readonly PlainValue[];
  readonly summaries: readonly string[];
  readonly warnings: readonly string[];
}

export const EMPTY_DRAFT: Draft = { changes: [], documents: [], summaries: [], warnings: [] };

export function joinDrafts(...drafts: readonly Draft[]): Draft {
  return {
    changes: drafts.flatMap((d) => d.changes),
    documents: drafts.flatMap((d) => d.documents),
    summaries: drafts.flatMap((d) => d.summaries),
    warnings: [...new Set(drafts.flatMap((d) => d.warnings))],
  };
}

function isJsonStream(context: PlanContext): boolean {
  const { documents } = context;
  return documents.length > 0 && documents.every((d) => d.json && !/^\s*---/.test(d.text));
}

/** One insertion at the end of the text holding every new document. */
export function appendDocuments(context: PlanContext, documents: readonly PlainValue[]): TextChange[] {
  if (documents.length === 0) return [];
  const { text, style } = context;
  const json = isJsonStream(context);
  let out = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  documents.forEach((value, i) => {
    if (json) out += `${JSON.stringify(value, null, style.indent)}\n`;
    else out += `${text.trim() === '' && i === 0 ? '' : '---\n'}${blockDocument(value, style)}`;
  });
  return [{ offset: text.length, length: 0, text: text.includes('\r\n') ? out.replace(/\n/g, '\r\n') : out }];
}

/** A draft's text changes, new documents included. */
export function draftChanges(context: PlanContext, draft: Draft): TextChange[] {
  return [...draft.changes, ...appendDocuments(context, draft.documents)];
}
