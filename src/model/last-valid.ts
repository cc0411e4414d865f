/**
 * Last valid versions. While the user types, an object passes through states the API server would
 * reject (a half-typed CIDR, an unclosed bracket); dropping it from the evaluation on every such
 * keystroke would make the graph flicker open and shut. So an edited document with errors keeps,
 * at their last valid version, the objects its predecessor (the document it replaced) gave and it
 * no longer gives validly. Once it has no errors, it gives exactly what it holds.
 */
import { objectKey, type ParsedObject } from './objects';
import type { ParsedDocument } from './document';

/** What a document gave the previous evaluation: its own objects and the ones it held back. */
interface Given {
  readonly parsed: ParsedDocument;
  readonly held: readonly ParsedObject[];
}

export function hasErrors(parsed: ParsedDocument): boolean {
  return parsed.diagnostics.some((d) => d.severity === 'error');
}

/**
 * The objects a new document holds back from its predecessor: while it has errors, those its
 * predecessor gave (its own and those it held back) that it does not give itself.
 */
export function heldBack(parsed: ParsedDocument, predecessor: Given): readonly ParsedObject[] {
  if (!hasErrors(parsed)) return [];
  const given = new Set(parsed.objects.map(objectKey));
  return [...predecessor.parsed.objects, ...predecessor.held].filter((object) => !given.has(objectKey(object)));
}

/**
 * For each document of a revision that is new (`undefined` in `reused`), the document of the
 * previous revision it replaced, if any: between two unchanged documents, new ones take the place
 * of the previous revision's changed ones, in order (an edit changes one document; splitting one
 * gives its place to the first part; merging two gives the first's place to the result).
 */
export function predecessors<T>(previous: readonly T[], reused: readonly (T | undefined)[]): (T | undefined)[] {
  const index = new Map(previous.map((document, i) => [document, i]));
  const unchanged = new Set(reused);
  let next = 0;
  return reused.map((document) => {
    if (document !== undefined) {
      next = Math.max(next, index.get(document)! + 1);
      return undefined;
    }
    const candidate = previous[next];
    if (candidate === undefined || unchanged.has(candidate)) return undefined;
    next++;
    return candidate;
  });
}
