/**
 * Writes into an object the fields kubectl would otherwise take from elsewhere: `apiVersion` and
 * `kind` that items inherit from a typed List, and the namespace it would take from the context
 * of whoever applies the file. Edits the `yaml` package's Document in place, so every comment and
 * every other field stays as written.
 */
import { isAlias, isMap, isScalar, type Document, type Pair, type YAMLMap } from 'yaml';

export interface Additions {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly namespace?: string;
}

type AnyMap = YAMLMap<unknown, unknown>;

/** Adds `additions` to the object at the root of `doc` (nothing when the root is no mapping). */
export function addFields(doc: Document, additions: Additions): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  // Inserted at the front in reverse, so the object starts `apiVersion`, `kind` as kubectl prints it.
  if (additions.kind !== undefined) setValue(doc, root, 'kind', additions.kind, 0);
  if (additions.apiVersion !== undefined) setValue(doc, root, 'apiVersion', additions.apiVersion, 0);
  if (additions.namespace !== undefined) setNamespace(doc, root, additions.namespace);
}

function setNamespace(doc: Document, root: AnyMap, namespace: string): void {
  const metadata = pairOf(root, 'metadata');
  if (!metadata) {
    const after = Math.max(indexOf(root, 'kind') ?? -1, indexOf(root, 'apiVersion') ?? -1);
    root.items.splice(after + 1, 0, doc.createPair('metadata', { namespace }) as Pair<unknown, unknown>);
    return;
  }
  const value = metadata.value;
  if (value === null || (isScalar(value) && value.value === null)) {
    metadata.value = doc.createNode({ namespace });
    return;
  }
  let own: AnyMap;
  if (isMap(value)) {
    own = value;
  } else if (isAlias(value)) {
    // A shared `metadata: *anchor` is copied before it is changed, so its other users keep theirs.
    const target = value.resolve(doc);
    if (!isMap(target)) return;
    own = target.clone() as AnyMap;
    own.anchor = undefined;
    metadata.value = own;
  } else {
    return; // not an object: the schema check says so
  }
  const after = indexOf(own, 'name');
  setValue(doc, own, 'namespace', namespace, after === undefined ? 0 : after + 1);
}

/** Sets `key` (replacing a null value in place) or inserts it at `index`. */
function setValue(doc: Document, map: AnyMap, key: string, value: string, index: number): void {
  const pair = pairOf(map, key);
  // An empty scalar is filled in rather than replaced, so a comment on its line stays.
  if (pair && isScalar(pair.value)) pair.value.value = value;
  else if (pair) pair.value = doc.createNode(value);
  else map.items.splice(index, 0, doc.createPair(key, value) as Pair<unknown, unknown>);
}

function pairOf(map: AnyMap, key: string): Pair<unknown, unknown> | undefined {
  return map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
}

function indexOf(map: AnyMap, key: string): number | undefined {
  const index = map.items.findIndex((pair) => isScalar(pair.key) && String(pair.key.value) === key);
  return index < 0 ? undefined : index;
}
