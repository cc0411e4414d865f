/**
 * A plain, immutable view of one YAML document: mappings, lists and scalars, each with its source
 * range. Built by yaml.ts (aliases and merge keys already resolved), read by reader.ts. The rest of
 * the model never sees the `yaml` package's node classes.
 */
import type { SourceRange } from './source';

export interface YMap {
  readonly type: 'map';
  readonly entries: readonly YEntry[];
  readonly range: SourceRange;
}

export interface YEntry {
  /** The key as the API server sees it: non-string scalar keys are stringified. */
  readonly key: string;
  readonly keyRange: SourceRange;
  readonly value: YNode;
}

export interface YSeq {
  readonly type: 'seq';
  readonly items: readonly YNode[];
  readonly range: SourceRange;
}

export interface YScalar {
  readonly type: 'scalar';
  /** As resolved by YAML 1.1 (what kubectl uses): `yes` is `true`, `0755` is 493. */
  readonly value: string | number | boolean | null;
  /** The text as written, for messages such as "quote it". */
  readonly source: string;
  readonly range: SourceRange;
}

export type YNode = YMap | YSeq | YScalar;

/** "a mapping", "a list", `the number 80`: for "expected X, got Y" messages. */
export function describe(node: YNode): string {
  if (node.type === 'map') return 'a mapping';
  if (node.type === 'seq') return 'a list';
  if (node.value === null) return 'null';
  if (typeof node.value === 'string') return `the string "${node.value}"`;
  return `the ${typeof node.value} ${node.source}`;
}
