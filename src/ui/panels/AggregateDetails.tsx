/**
 * A selected aggregate (the edges between a collapsed namespace and another node, drawn as one):
 * the pairs it stands for, each with what is allowed, each a link to its own explanation.
 */
import { useMemo, useState } from 'react';
import type { EdgeRef } from '../../store/types';
import { useAppState } from '../../store/react';
import { selectEndpointIndex } from '../../store/selectors';
import { edgeEnds, edgeId, endpointsOfNode, namespaceOfNode } from '../graph/ids';
import { useOpenEdge } from '../graph/useOpen';
import { endpointName } from './links';
import { pairRows } from './aggregatePairs';

/** How many pairs show before "Show all": a namespace's traffic inside it can be hundreds. */
const FOLDED_ROWS = 40;

export function AggregateDetails({ edge }: { edge: EdgeRef }) {
  const analysis = useAppState((s) => s.evaluated.analysis);
  const endpoints = useAppState(selectEndpointIndex);
  const denied = useAppState((s) => s.view.deniedFor !== null);
  const openEdge = useOpenEdge();
  const [open, setOpen] = useState(false);
  const rows = useMemo(() => (analysis ? pairRows(analysis, edge.pairs!) : []), [analysis, edge.pairs]);
  const { source, target } = edgeEnds(edge.id);
  const end = (node: string) => {
    const namespace = namespaceOfNode(node);
    if (namespace !== undefined) return `namespace ${namespace}`;
    const [first, ...more] = endpointsOfNode(node);
    return `${endpointName(first && endpoints.get(first), first ?? node)}${more.length > 0 ? ` and ${more.length} more ranges` : ''}`;
  };
  const shown = open ? rows : rows.slice(0, FOLDED_ROWS);
  return (
    <section className="details" data-testid="aggregate-details" data-edge={edge.id} aria-label="Aggregated connections">
      <h2>{source === target ? `Inside ${end(source)}` : `${end(source)} → ${end(target)}`}</h2>
      <p className="muted">
        {rows.length} {rows.length === 1 ? 'pair' : 'pairs'} drawn as one edge,{' '}
        {denied ? 'each with what is still allowed where something is denied' : 'each with what it allows'}. Click a pair
        for its explanation.
      </p>
      <table className="peer-rows aggregate-pairs" data-testid="aggregate-pairs">
        <tbody>
          {shown.map((row) => (
            <tr key={`${row.from}>${row.to}`} data-testid="aggregate-pair">
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  onClick={() => openEdge({ id: edgeId(row.pair.source, row.pair.target), from: row.from, to: row.to })}
                >
                  <span className="pair-from">{row.fromName}</span> → <span className="pair-to">{row.toName}</span>
                </button>
              </th>
              <td className="pair-ports">{row.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > FOLDED_ROWS && (
        <button type="button" className="link" onClick={() => setOpen(!open)}>
          {open ? 'Show fewer' : `Show all ${rows.length}`}
        </button>
      )}
    </section>
  );
}
