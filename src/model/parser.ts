/**
 * Manifests → resources, revision after revision. A document keeps its id and its parsed
 * objects while its text stays the same, wherever it moves; so the next steps see by identity
 * what an edit left alone, and an edit that only moves documents changes nothing for them.
 * Only new or edited documents are parsed.
 *
 * While a document has errors (a syntax error, or an object the API server would reject), the
 * objects it held a moment ago that it no longer gives validly are kept at their last valid
 * version (last-valid.ts): typing through an invalid state does not make them vanish and come
 * back. An object never valid since the parser was made is simply left out.
 */
import type { DocumentId } from './source';
import { splitDocuments } from './documents';
import { parseDocument, type ParsedDocument } from './document';
import { combine, type ModelResult, type PlacedDocument } from './combine';
import { screenInput, type Refusal } from './limits';
import { heldBack, predecessors } from './last-valid';
import type { ParsedObject } from './objects';

export interface ManifestInput {
  /** Where the input comes from: a path in the CLI, a model URI in the editor. */
  readonly file: string;
  readonly text: string;
}

interface KnownDocument {
  readonly id: DocumentId;
  readonly parsed: ParsedDocument;
  /** The last valid versions of its predecessor's objects it holds while it has errors. */
  readonly held: readonly ParsedObject[];
}

/** A document of this revision before it is known: its text, where it starts, how to parse it. */
interface Piece {
  readonly text: string;
  readonly startLine: number;
  readonly parse: (id: DocumentId) => ParsedDocument;
}

/** Documents by input, then by text; a text seen several times has several documents. */
type Known = Map<string, Map<string, KnownDocument[]>>;

/**
 * Parses successive revisions of the same inputs. Keep one per editor, and `forget` when the
 * text is replaced (a file opened, an example loaded): last valid versions belong to the text
 * they were typed in. Each `parse` forgets the documents the previous revision had and this one
 * has not.
 */
export class ManifestParser {
  private known: Known = new Map();
  /** The previous revision's documents per input, in order: where predecessors are found. */
  private order = new Map<string, readonly KnownDocument[]>();
  private nextId = 0;

  /**
   * The resources the API server would accept, with every diagnostic. An input that is too large
   * or not text is one document holding one diagnostic. Never throws.
   */
  parse(inputs: readonly ManifestInput[]): ModelResult {
    const known: Known = new Map();
    const order = new Map<string, readonly KnownDocument[]>();
    const documents: PlacedDocument[] = [];
    const refusedInputs: string[] = [];
    for (const { file, text } of inputs) {
      const refusal = screenInput(text);
      if (refusal) refusedInputs.push(file);
      const pieces: Piece[] = refusal
        ? [{ text, startLine: 1, parse: (id) => refused(refusal, id) }]
        : splitDocuments(text).map((doc) => ({ ...doc, parse: (id) => parseDocument(doc.text, id) }));
      // Unchanged documents first: the first unclaimed one of the previous revision with the text.
      const previous = this.known.get(file);
      const reused = pieces.map((piece) => previous?.get(piece.text)?.shift());
      const before = predecessors(this.order.get(file) ?? [], reused);
      const kept = new Map<string, KnownDocument[]>();
      const fileOrder = pieces.map((piece, i) => {
        const document = reused[i] ?? this.fresh(piece, refusal ? undefined : before[i]);
        append(kept, piece.text, document);
        documents.push({ place: { document: document.id, file, startLine: piece.startLine }, parsed: document.parsed, held: document.held });
        return document;
      });
      known.set(file, kept);
      order.set(file, fileOrder);
    }
    this.known = known;
    this.order = order;
    return { ...combine(documents), refused: refusedInputs };
  }

  /**
   * Forgets every document: the next text is a new one (a file opened, an example loaded), whose
   * documents hold back nothing from this one. Ids keep counting, so they never mean two things.
   */
  forget(): void {
    this.known = new Map();
    this.order = new Map();
  }

  private fresh(piece: Piece, predecessor: KnownDocument | undefined): KnownDocument {
    const id = this.nextId++ as DocumentId;
    const parsed = piece.parse(id);
    return { id, parsed, held: predecessor ? heldBack(parsed, predecessor) : [] };
  }
}

function refused(refusal: Refusal, document: DocumentId): ParsedDocument {
  return {
    objects: [],
    diagnostics: [{ ...refusal, location: { document, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } } }],
  };
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
