/** The endpoints of an analysis as options of the "Why not?" pickers. Pure. */
import type { Endpoint } from '../../engine/types';
import type { ComboboxOption } from '../combobox/Combobox';
import { labelText } from '../search/entries';
import { uniqueNames } from './peers';

/**
 * One option per endpoint, in the analysis's order (workloads by id, then outside ranges): named
 * as the panels name peers (a namespace where two workloads share a name), found by name,
 * `namespace/name`, kind and labels, or an outside range by its CIDR.
 */
export function endpointOptions(endpoints: readonly Endpoint[]): ComboboxOption[] {
  const name = uniqueNames(endpoints);
  return endpoints.map((e) => {
    const label = name(e);
    if (e.type === 'external') {
      return { id: e.id, label, detail: 'outside the cluster', searchable: { name: label, kind: e.kind } };
    }
    const labels = labelText(e.labels);
    return {
      id: e.id,
      label,
      detail: `${e.kind} · ${e.namespace}${labels ? ` · ${labels}` : ''}`,
      searchable: { name: e.name, namespace: e.namespace, kind: e.kind, labels: e.labels },
    };
  });
}
