/** What the search finds: the workloads, namespaces and policies of an analysis, as options. Pure. */
import { tierName } from '../../engine';
import type { Analysis, EndpointId, PolicyId } from '../../engine/types';
import type { Labels } from '../../model/types';
import type { ComboboxOption } from '../combobox/Combobox';

export type SearchTarget =
  | { readonly kind: 'workload'; readonly id: EndpointId }
  | { readonly kind: 'namespace'; readonly name: string }
  | { readonly kind: 'policy'; readonly id: PolicyId };

export interface SearchEntry extends ComboboxOption {
  readonly target: SearchTarget;
}

/** The label every namespace has (its own name): said by the namespace's name already. */
const NAME_LABEL = 'kubernetes.io/metadata.name';

/** `app=web, tier=api`: labels as a row shows them. */
export function labelText(labels: Labels): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Workloads (by id), then namespaces, then policies (NetworkPolicies, then cluster-wide ones), the
 * order an empty query lists them in. Outside address ranges are not searched: they have no name.
 */
export function searchEntries(analysis: Analysis | undefined): SearchEntry[] {
  if (!analysis) return [];
  const entries: SearchEntry[] = [];
  const workloads = new Map<string, number>();
  for (const e of analysis.endpoints) {
    if (e.type !== 'workload') continue;
    workloads.set(e.namespace, (workloads.get(e.namespace) ?? 0) + 1);
    const labels = labelText(e.labels);
    entries.push({
      id: `workload:${e.id}`,
      tag: 'workload',
      label: e.name,
      detail: `${e.kind} · ${e.namespace}${labels ? ` · ${labels}` : ''}`,
      searchable: { name: e.name, namespace: e.namespace, kind: e.kind, labels: e.labels },
      target: { kind: 'workload', id: e.id },
    });
  }
  for (const ns of analysis.namespaces) {
    const { [NAME_LABEL]: _own, ...shown } = ns.labels;
    const labels = labelText(shown);
    entries.push({
      id: `namespace:${ns.name}`,
      tag: 'namespace',
      label: ns.name,
      detail: `${plural(workloads.get(ns.name) ?? 0, 'workload')}${labels ? ` · ${labels}` : ''}`,
      searchable: { name: ns.name, kind: 'Namespace', labels: ns.labels },
      target: { kind: 'namespace', name: ns.name },
    });
  }
  const policies = [...analysis.policies].sort((a, b) => Number(a.ref.tier !== 'networkPolicy') - Number(b.ref.tier !== 'networkPolicy'));
  for (const { ref } of policies) {
    const where =
      ref.tier === 'networkPolicy' ? ref.namespace : `${tierName(ref.tier)} tier${ref.priority === undefined ? '' : `, priority ${ref.priority}`}`;
    entries.push({
      id: `policy:${ref.id}`,
      tag: 'policy',
      label: ref.name,
      detail: `${ref.kind} · ${where}`,
      searchable: { name: ref.name, namespace: ref.namespace, kind: ref.kind },
      target: { kind: 'policy', id: ref.id },
    });
  }
  return entries;
}
