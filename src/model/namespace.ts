/** v1 Namespace: its name and labels (the engine adds `kubernetes.io/metadata.name`). */
import type { NamespaceResource } from './types';
import type { YMap } from './tree';
import type { Issues } from './issues';
import type { Metadata } from './metadata';
import { asMap, checkFields, valueOf } from './reader';

const SPEC_FIELDS: ReadonlySet<string> = new Set(['finalizers']);

/** Reads a Namespace whose top level and metadata are already read. */
export function readNamespace(root: YMap, meta: Metadata, issues: Issues): NamespaceResource {
  checkFields(asMap(valueOf(root, 'spec'), 'spec', issues), 'spec', SPEC_FIELDS, issues);
  return { name: meta.name, labels: meta.labels, location: issues.at(root.range) };
}
