/**
 * The rows of an aggregate's panel: one per pair of endpoints it stands for (an address group
 * stands for each of its ranges), each named so that the name reads back as exactly one endpoint
 * (peers.ts), with what its label says. Pure.
 */
import type { Analysis, EndpointId } from '../../engine/types';
import type { EdgePair } from '../../store/types';
import { endpointsOfNode } from '../graph/ids';
import { uniqueNames } from './peers';

export interface PairRow {
  readonly from: EndpointId;
  readonly to: EndpointId;
  readonly fromName: string;
  readonly toName: string;
  /** What the pair's edge says: its ports (`All`), or in the denied view `only …` / `All denied`. */
  readonly label: string;
  /** The nodes of the edge it is part of, as drawn when open. */
  readonly pair: EdgePair;
}

const natural = new Intl.Collator('en', { numeric: true });

/** Every endpoint pair of the aggregate's edges, by source name, then destination name. */
export function pairRows(analysis: Analysis, pairs: readonly EdgePair[]): PairRow[] {
  const name = uniqueNames(analysis.endpoints);
  const byId = new Map(analysis.endpoints.map((e) => [e.id, e]));
  const nameOf = (id: EndpointId) => {
    const endpoint = byId.get(id);
    return endpoint ? name(endpoint) : id;
  };
  return pairs
    .flatMap((pair) =>
      endpointsOfNode(pair.source).flatMap((from) =>
        endpointsOfNode(pair.target).map((to) => ({ from, to, fromName: nameOf(from), toName: nameOf(to), label: pair.label, pair })),
      ),
    )
    .sort((a, b) => natural.compare(a.fromName, b.fromName) || natural.compare(a.toName, b.toName));
}
