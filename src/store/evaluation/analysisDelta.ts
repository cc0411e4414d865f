/**
 * The analysis crosses from the evaluation session to the app as a delta: the order of every list
 * by key when it changed, plus only the items that are new or changed. The app patches its
 * previous analysis, so an edit that changes three endpoints costs three cloned endpoints, not
 * thousands, and unchanged items keep their identity (memoised graph mapping then skips them).
 * Locations are relative to their document, so an edit that only moves documents changes no item.
 *
 * Deltas chain: each is relative to the previous one the same session produced, and the app must
 * apply all of them in order (a session talks to one store, over a FIFO channel).
 */
import type { Diagnostic } from '../../model/source';
import { sameData } from '../../engine';
import type {
  Analysis,
  Connection,
  Endpoint,
  EndpointId,
  EndpointIsolation,
  NamespaceInfo,
  PolicySummary,
} from '../../engine/types';

export interface ListDelta<T> {
  /** Keys of the whole list, in order; absent when they are the previous delta's keys. */
  readonly keys?: readonly string[];
  /** Items whose key is new or whose content changed. */
  readonly changed: readonly T[];
}

export interface AnalysisDelta {
  readonly namespaces: ListDelta<NamespaceInfo>;
  readonly endpoints: ListDelta<Endpoint>;
  readonly connections: ListDelta<Connection>;
  readonly policies: ListDelta<PolicySummary>;
  readonly isolation: ListDelta<readonly [EndpointId, EndpointIsolation]>;
  /** The engine's diagnostics, whole, when they changed (there are few). */
  readonly diagnostics?: readonly Diagnostic[];
}

/** The item type of each list. */
type Items = { [K in Exclude<keyof AnalysisDelta, 'diagnostics'>]: AnalysisDelta[K] extends ListDelta<infer T> ? T : never };
type Lists = { [K in keyof Items]: readonly Items[K][] };

/** Private list keys; NUL never occurs in an endpoint id, so a pair's key is unambiguous. */
const KEYS: { [K in keyof Items]: (item: Items[K]) => string } = {
  namespaces: (n) => n.name,
  endpoints: (e) => e.id,
  connections: (c) => `${c.from}\u0000${c.to}`,
  policies: (p) => p.ref.id,
  isolation: ([id]) => id,
};

const lists = (analysis: Analysis): Lists => ({
  namespaces: analysis.namespaces,
  endpoints: analysis.endpoints,
  connections: analysis.connections,
  policies: analysis.policies,
  isolation: [...analysis.isolation],
});

/**
 * Session side: remembers what it sent, and describes each new analysis relative to that. The
 * analyzer hands unchanged items back as the same objects, so most compare by identity; the
 * rest are compared by content.
 */
export class AnalysisDiffer {
  private sent: { -readonly [K in keyof Items]?: Map<string, Items[K]> } = {};
  private sentDiagnostics: readonly Diagnostic[] | undefined;

  diff(analysis: Analysis): AnalysisDelta {
    const current = lists(analysis);
    const delta: Record<string, unknown> = {};
    for (const name of Object.keys(KEYS) as (keyof Items)[]) {
      const key = KEYS[name] as (item: unknown) => string;
      const first = this.sent[name] === undefined;
      const previous: Map<string, unknown> = this.sent[name] ?? new Map();
      const now = new Map<string, unknown>();
      const changed: unknown[] = [];
      for (const item of current[name] as readonly unknown[]) {
        const k = key(item);
        now.set(k, item);
        if (!sameData(previous.get(k), item)) changed.push(item);
      }
      (this.sent as Record<string, Map<string, unknown>>)[name] = now;
      // Typing rarely adds or removes an item: then the order is the one already sent.
      delta[name] = first || !sameKeys(previous, now) ? { keys: [...now.keys()], changed } : { changed };
    }
    if (!this.sentDiagnostics || !sameData(this.sentDiagnostics, analysis.diagnostics)) {
      delta.diagnostics = analysis.diagnostics;
      this.sentDiagnostics = analysis.diagnostics;
    }
    return delta as unknown as AnalysisDelta;
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
  if (!delta.keys && delta.changed.length === 0) return previous;
  const changed = new Map(delta.changed.map((item) => [key(item), item]));
  // Same keys, same order: replace the changed items in place.
  if (!delta.keys) return previous.map((item) => changed.get(key(item)) ?? item);
  const old = new Map(previous.map((item) => [key(item), item]));
  return delta.keys.map((k) => changed.get(k) ?? old.get(k)!);
}

/** App side: the previous analysis with the delta applied; unchanged items and lists are kept. */
export function applyDelta(previous: Analysis | undefined, delta: AnalysisDelta): Analysis {
  const before = previous ? lists(previous) : { namespaces: [], endpoints: [], connections: [], policies: [], isolation: [] };
  const isolation = patch(before.isolation, delta.isolation, KEYS.isolation);
  return {
    namespaces: patch(before.namespaces, delta.namespaces, KEYS.namespaces),
    endpoints: patch(before.endpoints, delta.endpoints, KEYS.endpoints),
    connections: patch(before.connections, delta.connections, KEYS.connections),
    policies: patch(before.policies, delta.policies, KEYS.policies),
    isolation: previous && isolation === before.isolation ? previous.isolation : new Map(isolation),
    diagnostics: delta.diagnostics ?? previous?.diagnostics ?? [],
  };
}
