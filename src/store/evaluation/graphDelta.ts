/**
 * Graph data crosses from the evaluation session to the app as a delta: the order of every list
 * by key when it changed, plus only the items that are new or changed. The app patches its previous graph, so an
 * edit that changes three endpoints costs three cloned endpoints, not thousands, and unchanged
 * items keep their identity (memoised graph mapping then skips them). Items whose YAML only moved
 * (a line typed above them) cross as their new line numbers alone: Enter in the middle of a
 * 2000-workload file moves a thousand endpoints and policies, and cloning them whole cost the
 * main thread 15–25 ms per keystroke.
 *
 * Deltas chain: each is relative to the previous one the same session produced, and the app must
 * apply all of them in order (a session talks to one store, over a FIFO channel).
 */
import { sameData } from '../../engine';
import type { Connection, Endpoint, EndpointId, NamespaceInfo } from '../../engine/types';
import type { GraphData, Isolation, PolicyInfo } from './protocol';

export interface ListDelta<T> {
  /** Keys of the whole list, in order; absent when they are the previous delta's keys. */
  readonly keys?: readonly string[];
  /** Items whose key is new or whose content changed. */
  readonly changed: readonly T[];
  /**
   * Items that differ from the previous delta's only in line numbers: the key, and every
   * `startLine`/`endLine` of the item in the order `linesOf` walks the previous item.
   */
  readonly moved?: readonly (readonly [string, readonly number[]])[];
}

/** What moving a document changes in an item: its line numbers, and nothing else. */
const LINE_KEYS: ReadonlySet<string> = new Set(['startLine', 'endLine']);

/**
 * The line numbers of `item`, walked in the shape of `shape` (an item equal to it but for line
 * numbers): keys in `shape`'s order, so the app, which holds `shape`, walks the same way.
 */
function linesOf(item: unknown, shape: unknown, out: number[] = []): number[] {
  if (typeof shape !== 'object' || shape === null) return out;
  const value = item as Record<string, unknown>;
  for (const key of Object.keys(shape)) {
    if (LINE_KEYS.has(key)) out.push(value[key] as number);
    else linesOf(value[key], (shape as Record<string, unknown>)[key], out);
  }
  return out;
}

/**
 * `item` with its line numbers replaced, in `linesOf` order, by `lines` (from position `next.at`).
 * Only objects whose lines changed are copied; the rest are shared with `item`.
 */
function withLines<T>(item: T, lines: readonly number[], next = { at: 0 }): T {
  if (typeof item !== 'object' || item === null) return item;
  const source = item as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(source)) {
    const value = source[key];
    const now = LINE_KEYS.has(key) ? lines[next.at++] : withLines(value, lines, next);
    if (now !== value) (copy ??= (Array.isArray(item) ? [...item] : { ...source }) as Record<string, unknown>)[key] = now;
  }
  return (copy ?? item) as T;
}

export interface GraphDelta {
  readonly namespaces: ListDelta<NamespaceInfo>;
  readonly endpoints: ListDelta<Endpoint>;
  readonly connections: ListDelta<Connection>;
  readonly policies: ListDelta<PolicyInfo>;
  readonly isolation: ListDelta<readonly [EndpointId, Isolation]>;
}

/** The item type of each list. */
type Items = { [K in keyof GraphDelta]: GraphDelta[K] extends ListDelta<infer T> ? T : never };
type Lists = { [K in keyof Items]: readonly Items[K][] };

const KEYS: { [K in keyof Items]: (item: Items[K]) => string } = {
  namespaces: (n) => n.name,
  endpoints: (e) => e.id,
  connections: (c) => `${c.from}->${c.to}`,
  policies: (p) => p.ref.id,
  isolation: ([id]) => id,
};

const lists = (graph: GraphData): Lists => ({
  namespaces: graph.namespaces,
  endpoints: graph.endpoints,
  connections: graph.connections,
  policies: graph.policies,
  isolation: [...graph.isolation],
});

/**
 * Session side: remembers what it sent, and describes each new graph relative to that. The
 * analyzer hands unchanged items back as the same objects, so most compare by identity; the
 * rest are compared by content.
 */
export class GraphDiffer {
  private sent: { -readonly [K in keyof Items]?: Map<string, Items[K]> } = {};

  diff(graph: GraphData): GraphDelta {
    const current = lists(graph);
    const delta: Record<string, ListDelta<unknown>> = {};
    for (const name of Object.keys(KEYS) as (keyof Items)[]) {
      const key = KEYS[name] as (item: unknown) => string;
      const first = this.sent[name] === undefined;
      const previous: Map<string, unknown> = this.sent[name] ?? new Map();
      const now = new Map<string, unknown>();
      const changed: unknown[] = [];
      const moved: [string, number[]][] = [];
      for (const item of current[name] as readonly unknown[]) {
        const k = key(item);
        const before = previous.get(k);
        now.set(k, item);
        if (sameData(before, item)) continue;
        if (before !== undefined && sameData(before, item, LINE_KEYS)) moved.push([k, linesOf(item, before)]);
        else changed.push(item);
      }
      (this.sent as Record<string, Map<string, unknown>>)[name] = now;
      // Typing rarely adds or removes an item: then the order is the one already sent.
      const list: { keys?: string[]; changed: unknown[]; moved?: [string, number[]][] } = { changed };
      if (first || !sameKeys(previous, now)) list.keys = [...now.keys()];
      if (moved.length > 0) list.moved = moved;
      delta[name] = list;
    }
    return delta as unknown as GraphDelta;
  }
}

/** Whether two maps have the same keys in the same order. */
function sameKeys(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean {
  if (a.size !== b.size) return false;
  const other = b.keys();
  for (const k of a.keys()) if (other.next().value !== k) return false;
  return true;
}

function patch<T>(previous: readonly T[], delta: ListDelta<T>, key: (item: T) => string): readonly T[] {
  const moved = new Map(delta.moved);
  const replaced = (item: T): T => {
    const lines = moved.get(key(item));
    return lines ? withLines(item, lines) : item;
  };
  if (!delta.keys) {
    // Same keys, same order: replace the changed and moved items in place.
    if (delta.changed.length === 0 && moved.size === 0) return previous;
    const changed = new Map(delta.changed.map((item) => [key(item), item]));
    return previous.map((item) => changed.get(key(item)) ?? replaced(item));
  }
  const old = new Map(previous.map((item) => [key(item), item]));
  const changed = new Map(delta.changed.map((item) => [key(item), item]));
  return delta.keys.map((k) => changed.get(k) ?? replaced(old.get(k)!));
}

/** App side: the previous graph with the delta applied; unchanged items and lists are kept. */
export function applyDelta(previous: GraphData | undefined, delta: GraphDelta): GraphData {
  const before = previous ? lists(previous) : { namespaces: [], endpoints: [], connections: [], policies: [], isolation: [] };
  const isolation = patch(before.isolation, delta.isolation, KEYS.isolation);
  return {
    namespaces: patch(before.namespaces, delta.namespaces, KEYS.namespaces),
    endpoints: patch(before.endpoints, delta.endpoints, KEYS.endpoints),
    connections: patch(before.connections, delta.connections, KEYS.connections),
    policies: patch(before.policies, delta.policies, KEYS.policies),
    isolation: previous && isolation === before.isolation ? previous.isolation : new Map(isolation),
  };
}
