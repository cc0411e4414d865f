/**
 * The ends an allow form can pick: every workload and outside range of the analysis, and every
 * namespace (all its workloads), as combobox options; and an option's end back as a party. Pure.
 */
import type { Analysis, EndpointId } from '../../engine/types';
import type { ComboboxOption } from '../combobox/Combobox';
import { endpointOptions } from '../panels/endpointOptions';
import { partyChoice, workloadTarget, type PartyChoice } from './menu';

const NAMESPACE_PREFIX = 'namespace:';

export function partyOptions(analysis: Analysis | undefined): ComboboxOption[] {
  if (!analysis) return [];
  const namespaces = analysis.namespaces.map((ns) => ({
    id: `${NAMESPACE_PREFIX}${ns.name}`,
    label: `namespace ${ns.name}`,
    detail: 'every workload in it',
    searchable: { name: ns.name, namespace: ns.name, kind: 'Namespace' },
  }));
  return [...endpointOptions(analysis.endpoints), ...namespaces];
}

/** The party an option stands for. */
export function partyOfOption(analysis: Analysis, option: ComboboxOption): PartyChoice | undefined {
  if (option.id.startsWith(NAMESPACE_PREFIX)) {
    return partyChoice({ kind: 'namespace', name: option.id.slice(NAMESPACE_PREFIX.length), labels: {} });
  }
  const endpoint = analysis.endpoints.find((e) => e.id === (option.id as EndpointId));
  if (!endpoint) return undefined;
  const outside = endpoint.type === 'external';
  return partyChoice(outside ? { kind: 'outside', cidr: endpoint.id, name: option.label } : workloadTarget(endpoint));
}

/** The ports the destination's containers listen on, for `protocol`, as the ports field shows them. */
export function listeningPorts(analysis: Analysis | undefined, choice: PartyChoice | undefined, protocol: string): string {
  const party = choice?.party;
  if (!analysis || party?.type !== 'workload') return '';
  const endpoint = analysis.endpoints.find((e) => e.type === 'workload' && e.namespace === party.namespace && e.name === party.name);
  if (endpoint?.type !== 'workload') return '';
  return [...new Set(endpoint.ports.filter((p) => (p.protocol ?? 'TCP') === protocol).map((p) => p.port))].join(', ');
}
