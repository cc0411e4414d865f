/**
 * Matching a typed query against named things (workloads, namespaces, policies): case-insensitive
 * substrings of the name, `namespace/name`, the kind and each label as `key=value`, best match
 * first. Pure, so the ordering is unit-tested; the combobox and the search call it per keystroke.
 */
import type { Labels } from '../../model/types';

/** The words an item is found by. */
export interface Searchable {
  readonly name: string;
  readonly namespace?: string;
  readonly kind: string;
  readonly labels?: Labels;
}

/** How well one term matches a text: the whole of it, its start, somewhere inside, or not at all. */
export const EXACT = 3;
export const PREFIX = 2;
export const SUBSTRING = 1;
export const NO_MATCH = 0;

/** An item with its texts lower-cased once, ready to be matched on every keystroke. */
export interface Indexed<T> {
  readonly item: T;
  readonly texts: readonly string[];
  readonly nameLength: number;
}

/** The texts a query is matched against: name, `namespace/name`, kind, then `key=value` per label. */
export function searchTexts({ name, namespace, kind, labels }: Searchable): string[] {
  const texts = [name, kind];
  if (namespace !== undefined) texts.push(`${namespace}/${name}`);
  for (const [key, value] of Object.entries(labels ?? {})) texts.push(`${key}=${value}`);
  return texts.map((t) => t.toLowerCase());
}

export function indexForSearch<T>(items: readonly T[], searchable: (item: T) => Searchable): Indexed<T>[] {
  return items.map((item) => {
    const words = searchable(item);
    return { item, texts: searchTexts(words), nameLength: words.name.length };
  });
}

/** How well `term` (lower case) matches `text` (lower case). */
export function termQuality(text: string, term: string): number {
  if (text === term) return EXACT;
  if (text.startsWith(term)) return PREFIX;
  return text.includes(term) ? SUBSTRING : NO_MATCH;
}

/** The best quality of `term` over an item's texts. */
function bestQuality(texts: readonly string[], term: string): number {
  let best = NO_MATCH;
  for (const text of texts) {
    best = Math.max(best, termQuality(text, term));
    if (best === EXACT) break;
  }
  return best;
}

/**
 * How well a query matches an item: its whitespace-separated terms must each match one of the
 * item's texts (names and labels hold no spaces, so `team-3 tier=web` narrows as it reads); the
 * score adds up their qualities. 0 when some term matches nothing.
 */
export function queryScore(texts: readonly string[], terms: readonly string[]): number {
  let score = 0;
  for (const term of terms) {
    const quality = bestQuality(texts, term);
    if (quality === NO_MATCH) return 0;
    score += quality;
  }
  return score;
}

export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((t) => t !== '');
}

/**
 * The items a query finds, best first: by score (exact before prefix before substring), then
 * shorter names first (`svc-1` finds `svc-10` before `svc-100`), then in the given order. An
 * empty query finds everything, in the given order.
 */
export function search<T>(index: readonly Indexed<T>[], query: string): T[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return index.map((i) => i.item);
  const found: { entry: Indexed<T>; score: number; at: number }[] = [];
  index.forEach((entry, at) => {
    const score = queryScore(entry.texts, terms);
    if (score > 0) found.push({ entry, score, at });
  });
  found.sort((a, b) => b.score - a.score || a.entry.nameLength - b.entry.nameLength || a.at - b.at);
  return found.map((f) => f.entry.item);
}
