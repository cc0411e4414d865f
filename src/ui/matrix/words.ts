/** What the truth table says in words: its groups, its headers, its pairs. */
import type { Endpoint, ExternalEndpoint } from '../../engine/types';
import { rangeToCidrs } from '../graph/cidr';

/** A group's band, by its first endpoint: a namespace's name, or the outside world. */
export function groupTitle(first: Endpoint): string {
  return first.type === 'workload' ? first.namespace : 'outside the cluster';
}

/** An outside range's header: its CIDR when it is one (`0.0.0.0/0`), else its id (`first-last`). */
export function rangeLabel(endpoint: ExternalEndpoint): string {
  const cidrs = rangeToCidrs(endpoint.range);
  return cidrs.length === 1 ? cidrs[0]! : endpoint.id;
}

/** `source → destination`, by their ids. */
export function pairText(from: Endpoint, to: Endpoint): string {
  return `${from.id} → ${to.id}`;
}
