/**
 * Manifests → resources, revision after revision. A document keeps its id and its parsed
 * objects while its text stays the same, wherever it moves; so the next steps see by identity
 * what an edit left alone, and an edit that only moves documents changes nothing for them.
 * Only new or edited documents are parsed.
 */
import type { DocumentId, DocumentPlace } from './source';
import { splitDocuments } from './documents';
import { parseDocument, type ParsedDocument } from './document';
import { combine, type ModelResult, type PlacedDocument } from './combine';
import { screenInput } from './limits';

export interface ManifestInput {
  /** Where the input comes from: a path in the CLI, a model URI in the editor. */
  readonly file: string;
  readonly text: string;
}

interface KnownDocument {
  readonly id: DocumentId;
  readonly parsed: ParsedDocument;
}

/** Documents by input, then by text; a text seen several times has several documents. */
type Known = Map<string, Map<string, KnownDocument[]>>;

/**
 * Parses successive revisions of the same inputs. Keep one per editor; each `parse` forgets the
 * documents the previous revision had and this one has not.
 */
export class ManifestParser {
  private known: Known = new Map();
  private nextId = 0;

  /**
   * The resources the API server would accept, with every diagnostic. An input that is too large
   * or not text is one document holding one diagnostic. Never throws.
   */
  parse(inputs: readonly ManifestInput[]): ModelResult {
    const next: Known = new Map();
    const documents: PlacedDocument[] = [];
    for (const { file, text } of inputs) {
      const previous = this.known.get(file);
      const kept = next.get(file) ?? new Map<string, KnownDocument[]>();
      next.set(file, kept);
      const place = (documentText: string, startLine: number, parse: (id: DocumentId) => ParsedDocument) => {
        // The first unclaimed document of the previous revision with this text is this one.
        const known = previous?.get(documentText)?.shift() ?? this.fresh(parse);
        append(kept, documentText, known);
        const at: DocumentPlace = { document: known.id, file, startLine };
        documents.push({ place: at, parsed: known.parsed });
      };
      const refusal = screenInput(text);
      if (refusal) {
        place(text, 1, (document) => ({
          objects: [],
          diagnostics: [{ ...refusal, location: { document, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } } }],
        }));
        continue;
      }
      for (const doc of splitDocuments(text)) place(doc.text, doc.startLine, (document) => parseDocument(doc.text, document));
    }
    this.known = next;
    return combine(documents);
  }

  private fresh(parse: (id: DocumentId) => ParsedDocument): KnownDocument {
    const id = this.nextId++ as DocumentId;
    return { id, parsed: parse(id) };
  }
}

function append(map: Map<string, KnownDocument[]>, text: string, known: KnownDocument): void {
  const list = map.get(text);
  if (list) list.push(known);
  else map.set(text, [known]);
}

/** Parses every input once: the resources the API server would accept, and every diagnostic. */
export function parseManifests(inputs: readonly ManifestInput[]): ModelResult {
  return new ManifestParser().parse(inputs);
}
