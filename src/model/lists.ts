/**
 * `kind: List` and typed lists (`PodList`, `NetworkPolicyList`, …), the wrappers that
 * `kubectl get -o yaml` prints. Their items are read as if they were top-level documents.
 */
import type { YMap, YNode } from './tree';
import type { Issues } from './issues';
import { asList, checkFields, entryOf, valueOf } from './reader';

/** What the items of a list inherit when they leave it out. */
export interface ItemDefaults {
  readonly kind?: string;
  readonly apiVersion?: string;
}

const LIST_FIELDS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'metadata', 'items']);

/** `List`, or any `…List` kind that has `items` (so a CRD kind such as `AccessList` is not one). */
export function isListKind(kind: string, root: YMap): boolean {
  return kind === 'List' || (kind.endsWith('List') && entryOf(root, 'items') !== undefined);
}

/**
 * The items of a list. Items of a typed list (as the API returns them) may omit `kind` and
 * `apiVersion`: they take the list's kind minus `List`, and its apiVersion.
 */
export function readList(
  root: YMap,
  kind: string,
  apiVersion: string | undefined,
  issues: Issues,
): { readonly items: readonly YNode[]; readonly defaults: ItemDefaults } {
  checkFields(root, '', LIST_FIELDS, issues);
  const items = asList(valueOf(root, 'items'), 'items', issues) ?? [];
  const defaults = kind === 'List' ? {} : { kind: kind.slice(0, -'List'.length), apiVersion };
  return { items, defaults };
}
