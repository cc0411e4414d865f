/** The model's tree → plain data, as kubectl's JSON decoder sees it (the input of schema checks). */
import type { YNode } from '../tree';

export type Plain = null | boolean | number | string | readonly Plain[] | { readonly [key: string]: Plain };

export function toPlain(node: YNode): Plain {
  if (node.type === 'map') return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
  if (node.type === 'seq') return node.items.map(toPlain);
  return node.value;
}
