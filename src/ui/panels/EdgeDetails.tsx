/** The selected edge: per port, which rule allows it on the egress side and on the ingress side. */
import type { EdgeRef } from '../../store/types';
import { useAnswer, useAppState } from '../../store/react';
import { selectEndpointIndex } from '../../store/selectors';
import { connectionLabel } from '../graph/toFlow';
import { endpointName, RuleLink } from './links';
import { provenanceRows, ruleKey, type SideProvenance } from './provenance';
import { ExplanationLines } from './ExplanationLines';

function SideCell({ side }: { side: SideProvenance }) {
  if (side.kind === 'external') return <span className="muted">outside the cluster: no policy applies</span>;
  if (side.kind === 'open') return <span className="muted">not isolated: allowed by default</span>;
  return (
    <ul className="rule-list">
      {side.rules.map((rule) => (
        <li key={ruleKey(rule)}>
          <RuleLink rule={rule} />
        </li>
      ))}
    </ul>
  );
}

export function EdgeDetails({ edge }: { edge: EdgeRef }) {
  const { from, to, bundled } = edge;
  const endpoints = useAppState(selectEndpointIndex);
  const answer = useAnswer({ kind: 'explain', from, to });
  const fromName = endpointName(endpoints.get(from), from);
  const toName = endpointName(endpoints.get(to), to);
  if (!answer) return <p className="muted">Explaining…</p>;
  const { explanation } = answer;
  const rows = provenanceRows(explanation);
  return (
    <section className="details" data-testid="edge-details" aria-label="Connection explanation">
      <h2>
        {fromName} → {toName}
      </h2>
      {bundled && (
        <p className="muted" data-testid="bundle-note">
          One of {bundled} connections drawn as one edge (same ports, same namespace); explained for this pair.
        </p>
      )}
      <p className={explanation.verdict ? 'verdict verdict-allowed' : 'verdict verdict-denied'}>
        {explanation.verdict ? `Allowed: ${connectionLabel(explanation.allowed)}` : 'Nothing allowed'}
      </p>
      {rows.length > 0 && (
        <table className="provenance">
          <thead>
            <tr>
              <th scope="col">Ports</th>
              <th scope="col">Egress from {fromName}</th>
              <th scope="col">Ingress to {toName}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>
                  <SideCell side={row.egress} />
                </td>
                <td>
                  <SideCell side={row.ingress} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ExplanationLines lines={answer.lines} />
    </section>
  );
}
