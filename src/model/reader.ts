/**
 * Typed access to tree nodes. Each `as…` helper returns `undefined` for an absent or null field
 * (the API server treats JSON null as "not set") and reports a `wrong-type` error for anything
 * else that is not of the expected type. Nothing here throws.
 */
import type { SourceRange } from './source';
import type { YEntry, YMap, YNode } from './tree';
import type { Issues } from './issues';
import { say } from './messages';

export function entryOf(map: YMap | undefined, key: string): YEntry | undefined {
  // A loop, not `find`: every field read goes through here.
  for (const entry of map?.entries ?? []) if (entry.key === key) return entry;
  return undefined;
}

/** The value of `key`; `undefined` when the key is absent or its value is null. */
export function valueOf(map: YMap | undefined, key: string): YNode | undefined {
  const value = entryOf(map, key)?.value;
  return value === undefined || isNull(value) ? undefined : value;
}

export function isNull(node: YNode): boolean {
  return node.type === 'scalar' && node.value === null;
}

/** `path.key`, or `key` at the top level. */
export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Where to point for something about the object as a whole (a missing name or field): the
 * `kind: …` line, rather than the whole document.
 */
export function headRange(root: YMap): SourceRange {
  const entry = entryOf(root, 'kind') ?? root.entries[0];
  return entry
    ? { ...entry.keyRange, endLine: entry.value.range.endLine, endColumn: entry.value.range.endColumn }
    : root.range;
}

export function asMap(node: YNode | undefined, path: string, issues: Issues): YMap | undefined {
  if (node === undefined || isNull(node)) return undefined;
  if (node.type === 'map') return node;
  issues.error(node.range, 'wrong-type', say.expected(path, 'a mapping', node));
  return undefined;
}

export function asList(node: YNode | undefined, path: string, issues: Issues): readonly YNode[] | undefined {
  if (node === undefined || isNull(node)) return undefined;
  if (node.type === 'seq') return node.items;
  issues.error(node.range, 'wrong-type', say.expected(path, 'a list', node));
  return undefined;
}

/**
 * A list item that must be a mapping. A null item is read as `{}`, as the API server does (so
 * `ingress: [null]` allows everything): worth a warning.
 */
export function asItemMap(node: YNode, path: string, issues: Issues): YMap | undefined {
  if (isNull(node)) {
    issues.warning(node.range, 'empty-item', say.emptyItem(path));
    return { type: 'map', entries: [], range: node.range };
  }
  return asMap(node, path, issues);
}

export function asString(node: YNode | undefined, path: string, issues: Issues): string | undefined {
  if (node === undefined || isNull(node)) return undefined;
  if (node.type === 'scalar' && typeof node.value === 'string') return node.value;
  issues.error(node.range, 'wrong-type', say.expected(path, 'a string', node));
  return undefined;
}

export function asInteger(node: YNode | undefined, path: string, issues: Issues): number | undefined {
  if (node === undefined || isNull(node)) return undefined;
  if (node.type === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value)) {
    return node.value;
  }
  issues.error(node.range, 'wrong-type', say.expected(path, 'an integer', node));
  return undefined;
}

export function asBoolean(node: YNode | undefined, path: string, issues: Issues): boolean | undefined {
  if (node === undefined || isNull(node)) return undefined;
  if (node.type === 'scalar' && typeof node.value === 'boolean') return node.value;
  issues.error(node.range, 'wrong-type', say.expected(path, 'true or false', node));
  return undefined;
}

/** Warns about each key of `map` that is not in `known`, like the API server's field validation. */
export function checkFields(
  map: YMap | undefined,
  path: string,
  known: ReadonlySet<string>,
  issues: Issues,
): void {
  for (const entry of map?.entries ?? []) {
    if (!known.has(entry.key)) {
      issues.warning(entry.keyRange, 'unknown-field', say.unknownField(join(path, entry.key)));
    }
  }
}

/** A copy of `props` without its `undefined` values, so absent optional fields stay absent. */
export function defined<T extends object>(props: T): T {
  const copy: Record<string, unknown> = {};
  for (const key in props) if (props[key] !== undefined) copy[key] = props[key];
  return copy as T;
}
