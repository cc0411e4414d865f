/**
 * Where an object's pod labels are written, and the edits that set them: a Pod's or Namespace's
 * `metadata.labels`, a controller's pod template's (`spec.template`, a CronJob's
 * `spec.jobTemplate.spec.template`). Keys are edited one by one — a label kept keeps its comment
 * and its quoting — unless the edits would collide inside a flow mapping, when the mapping is
 * written again.
 */
import { isMap, isScalar } from 'yaml';
import type { Labels } from '../model/types';
import type { TextChange } from '../model/text-changes';
import { addPair, pairOf, removeEntry, replaceScalar } from '../model/write/node-edits';
import type { AnyMap, StreamObject } from '../model/write/stream-objects';
import { flowText, jsonText, styleOf } from '../model/write/value-text';
import { ordered } from './context';

/** The path of the mapping that holds the object's `labels` key. */
function metadataPath(kind: string | undefined): string[] {
  if (kind === 'Pod' || kind === 'Namespace') return ['metadata'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'metadata'];
  return ['spec', 'template', 'metadata'];
}

function mapAt(root: AnyMap, path: readonly string[]): AnyMap | undefined {
  let node: unknown = root;
  for (const key of path) node = isMap(node) ? node.get(key, true) : undefined;
  return isMap(node) ? node : undefined;
}

/** The changes that make the object's pod labels exactly `labels`; none when its metadata is not plainly written. */
export function setLabels(object: StreamObject, labels: Labels): TextChange[] | undefined {
  const metadata = mapAt(object.node, metadataPath(object.kind));
  if (!metadata) return undefined;
  const { document } = object;
  const style = styleOf(document.text);
  const pair = pairOf(metadata, 'labels');
  if (!pair && Object.keys(labels).length === 0) return [];
  if (!pair) return wrap(addPair(document, metadata, 'labels', { ...labels }, style));
  const map = pair.value;
  if (!isMap(map)) return undefined;
  const changes: (TextChange | undefined)[] = [];
  const written = new Set<string>();
  map.items.forEach((entry, i) => {
    const key = isScalar(entry.key) ? String(entry.key.value) : undefined;
    if (key === undefined) return;
    written.add(key);
    const value = isScalar(entry.value) ? entry.value.value : undefined;
    if (!(key in labels)) changes.push(removeEntry(document, map, i, pair.key));
    else if (value !== labels[key]) changes.push(replaceScalar(document, entry.value, labels[key]!, style));
  });
  for (const [key, value] of Object.entries(labels)) {
    if (!written.has(key)) changes.push(addPair(document, map, key, value, style));
  }
  try {
    if (changes.every((c) => c !== undefined)) return ordered(changes as TextChange[]);
  } catch {
    // edits of one flow mapping collide: write it again below
  }
  const range = map.range;
  if (!range) return undefined;
  let end = range[1];
  while (end > range[0] && /\s/.test(document.text[end - 1]!)) end--; // the line break after it stays
  const text = document.json ? jsonText({ ...labels }, style) : flowText({ ...labels }, style);
  return [{ offset: document.offset + range[0], length: end - range[0], text }];
}

function wrap(change: TextChange | undefined): TextChange[] | undefined {
  return change ? [change] : undefined;
}
