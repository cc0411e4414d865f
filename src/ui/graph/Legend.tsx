/** What the graph's lines and badges mean, in one foldable strip under the graph. */
import { IsolationBadge } from './nodes';

const LINES = [
  ['edge-ports', 'allowed on the ports shown'],
  ['edge-all', 'everything allowed (All)'],
  ['edge-denied', 'denied (denied view)'],
  ['edge-strong', 'selected / policy at cursor'],
] as const;

export function Legend() {
  return (
    <details className="legend" open data-testid="legend">
      <summary>Legend</summary>
      <ul>
        {LINES.map(([kind, text]) => (
          <li key={kind}>
            <svg width="30" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="30" y2="5" className={`legend-line ${kind}`} />
            </svg>
            {text}
          </li>
        ))}
        <li>
          <IsolationBadge ingress egress={false} />
        </li>
        <li>
          <IsolationBadge ingress={false} egress />
        </li>
        <li>
          <IsolationBadge ingress egress />
        </li>
      </ul>
    </details>
  );
}
