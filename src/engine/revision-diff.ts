/**
 * What changed between two revisions' endpoints and namespaces, in the terms matching cares
 * about: which endpoints a selector, an ipBlock or a named port could now see differently.
 */
import { sameData } from './same-data';
import type { Endpoint, NamespaceInfo } from './types';

export interface UniverseChange {
  /** Indices of the workload endpoints whose labels, ports or addresses changed, or whose namespace's labels did. */
  readonly changed: readonly number[];
  /** Whether any of them changed its container ports (named ports resolve on those). */
  readonly portsChanged: boolean;
  /** Whether every namespace kept its labels. */
  readonly namespacesUnchanged: boolean;
}

/**
 * The change from `previous` to (`namespaces`, `endpoints`), when both lists hold the same names
 * and ids in the same order; `undefined` when they do not, and previous indices mean nothing.
 */
export function universeChange(
  previous: { readonly namespaces: readonly NamespaceInfo[]; readonly endpoints: readonly Endpoint[] },
  namespaces: readonly NamespaceInfo[],
  endpoints: readonly Endpoint[],
): UniverseChange | undefined {
  const sameIds =
    namespaces.length === previous.namespaces.length &&
    namespaces.every((ns, i) => ns.name === previous.namespaces[i]!.name) &&
    endpoints.length === previous.endpoints.length &&
    endpoints.every((endpoint, i) => endpoint.id === previous.endpoints[i]!.id);
  if (!sameIds) return undefined;
  const relabelled = new Set(
    namespaces.filter((ns, i) => !sameData(ns.labels, previous.namespaces[i]!.labels)).map((ns) => ns.name),
  );
  const changed: number[] = [];
  let portsChanged = false;
  endpoints.forEach((endpoint, i) => {
    const before = previous.endpoints[i]!;
    // Same id: an external endpoint is the same range, a workload the same kind, namespace and name.
    if (endpoint.type === 'external' || before.type === 'external') return;
    const samePorts = endpoint === before || sameData(endpoint.ports, before.ports);
    const same =
      samePorts &&
      !relabelled.has(endpoint.namespace) &&
      (endpoint === before || (sameData(endpoint.labels, before.labels) && sameData(endpoint.ips, before.ips)));
    if (!same) changed.push(i);
    if (!samePorts) portsChanged = true;
  });
  return { changed, portsChanged, namespacesUnchanged: relabelled.size === 0 };
}

/** `next`, with each item equal to its previous counterpart replaced by that one (keeping identity). */
export function keepEqual<T>(next: readonly T[], previous: (item: T) => T | undefined): T[] {
  return next.map((item) => {
    const before = previous(item);
    return before !== undefined && sameData(before, item) ? before : item;
  });
}
