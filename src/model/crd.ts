/**
 * How the API server validates a custom resource against its CRD's structural schema, in the
 * parts the built-in readers do not share: a null list item is not an object (`must be of type
 * object`: built-in kinds read it as `{}`), lists have MinItems/MaxItems, `x-kubernetes-list-type:
 * set` lists hold no value twice, and "exactly one of" is MinProperties = MaxProperties = 1,
 * counted after unknown fields are pruned and null fields dropped (which `valueOf` already does).
 */
import type { SourceRange } from './source';
import type { YMap, YNode } from './tree';
import type { Issues } from './issues';
import { asList, asMap, asString, entryOf, isNull, valueOf } from './reader';
import { say } from './messages';

/** An item of a list of objects; a null item is an error, as the schema's type check makes it. */
export function crdItem(node: YNode, path: string, issues: Issues): YMap | undefined {
  if (isNull(node)) {
    issues.error(node.range, 'wrong-type', say.expected(path, 'a mapping', node));
    return undefined;
  }
  return asMap(node, path, issues);
}

/** An item of a list of strings; a null item is an error. */
export function crdString(node: YNode, path: string, issues: Issues): string | undefined {
  if (isNull(node)) {
    issues.error(node.range, 'wrong-type', say.expected(path, 'a string', node));
    return undefined;
  }
  return asString(node, path, issues);
}

export interface ListLimits {
  /** MinItems: 1 where set (leaving the field out is the way to say "all"). */
  readonly min?: number;
  readonly max?: number;
  /** What to write instead of an empty list, for the message. */
  readonly hint?: string;
}

/**
 * A list with MinItems/MaxItems; `undefined` when absent or null. Too many items are reported at
 * the first one over the limit.
 */
export function crdList(
  node: YNode | undefined,
  path: string,
  limits: ListLimits,
  issues: Issues,
): readonly YNode[] | undefined {
  const items = asList(node, path, issues);
  if (items === undefined || node === undefined) return undefined;
  if (limits.min !== undefined && items.length < limits.min) {
    issues.error(node.range, 'empty-list', say.emptyList(path, limits.hint));
  }
  const extra = limits.max === undefined ? undefined : items[limits.max];
  if (limits.max !== undefined && extra !== undefined) {
    issues.error(extra.range, 'too-many-items', say.tooManyItems(path, items.length, limits.max));
  }
  return items;
}

/**
 * The strings of a `set` list (each item a string), with repeated values reported: the API
 * server compares them as written, so `10.0.0.0/8` and `10.0.0.1/8` are two values.
 */
export function crdStringSet(
  items: readonly YNode[],
  path: string,
  issues: Issues,
): { readonly text: string; readonly node: YNode; readonly path: string }[] {
  const seen = new Map<string, number>();
  return items.flatMap((node, i) => {
    const itemPath = `${path}[${i}]`;
    const text = crdString(node, itemPath, issues);
    if (text === undefined) return [];
    const first = seen.get(text);
    if (first !== undefined) {
      issues.error(node.range, 'duplicate-item', say.duplicateItem(itemPath, text, `at ${path}[${first}]`));
      return [];
    }
    seen.set(text, i);
    return [{ text, node, path: itemPath }];
  });
}

/**
 * The one field of `options` that `map` sets (MinProperties = MaxProperties = 1); reported with
 * `code` when none or several are set. With several, the first is returned (the object is
 * rejected anyway, and reading it still reports its own problems).
 */
export function exactlyOne<T extends string>(
  map: YMap,
  path: string,
  options: readonly T[],
  code: string,
  issues: Issues,
): T | undefined {
  const present = options.filter((option) => valueOf(map, option) !== undefined);
  if (present.length !== 1) {
    const second = present[1] === undefined ? undefined : entryOf(map, present[1]);
    const range: SourceRange = second?.keyRange ?? map.range;
    issues.error(range, code, say.oneOf(path, options, present));
  }
  return present[0];
}
