/**
 * What the graph's lines and badges mean, in one foldable strip under the graph. It starts folded
 * on a short window (a projector's 1280×720), where it would cover a third of the graph.
 */
import { useEffect, useState } from 'react';
import { collapsedNamespaces } from '../../store/graphView';
import { useAppState } from '../../store/react';
import { selectClusterPolicies } from '../../store/selectors';
import { IsolationBadge, TierMarks } from './nodes';

const LINES = [
  ['edge-ports', 'allowed on the ports shown'],
  ['edge-all', 'everything allowed (All)'],
  ['edge-denied', 'denied (denied view)'],
  ['edge-strong', 'selected / policy shown'],
] as const;

function Line({ kind, text }: { kind: string; text: string }) {
  return (
    <li>
      <svg width="30" height="10" aria-hidden="true">
        <line x1="0" y1="5" x2="30" y2="5" className={`legend-line ${kind}`} />
      </svg>
      {text}
    </li>
  );
}

const SHORT_WINDOW = 760;

export function Legend() {
  // Cluster-wide marks only when the input has cluster-wide policies: the strip stays short.
  const clusterWide = useAppState((s) => selectClusterPolicies(s).length > 0);
  // The aggregates' reading only while some namespace is collapsed: small graphs keep their strip.
  const collapsed = useAppState((s) => collapsedNamespaces(s.view, s.evaluated.analysis).size > 0);
  // The marks of failing expectations only while one fails.
  const failing = useAppState((s) => s.evaluated.checks.some((c) => !c.result.passed));
  // How `All` edges read while bundled into trunks or hidden.
  const allTraffic = useAppState((s) => s.view.allTraffic);
  // Compare's marks only while something changed since the baseline.
  const compared = useAppState((s) => (s.comparing?.comparison?.changedPairs ?? 0) > 0);
  const [open, setOpen] = useState(() => window.innerHeight > SHORT_WINDOW);
  // Presentation mode starts it folded: the graph gets the room, and the legend is a click away.
  const presentation = useAppState((s) => s.view.presentation);
  useEffect(() => {
    if (presentation) setOpen(false);
  }, [presentation]);
  return (
    <details className="legend" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="legend">
      <summary>Legend</summary>
      <ul>
        {LINES.map(([kind, text]) => (
          <Line key={kind} kind={kind} text={text} />
        ))}
        {clusterWide && <Line kind="edge-tier-deny" text="denied by a cluster-wide Deny" />}
        {failing && (
          <>
            <Line kind="edge-check-fail" text="allowed, expected denied (Checks)" />
            <Line kind="edge-expected" text="✗ expected: not allowed (Checks)" />
          </>
        )}
        {compared && (
          <>
            <Line kind="edge-gains" text="+ ports: allowed since the baseline (Compare)" />
            <Line kind="edge-lost" text="− ports: no longer allowed (Compare)" />
          </>
        )}
        {allTraffic === 'bundled' && (
          <li data-testid="legend-trunks">
            <code className="legend-code">All</code> lines meeting in a trunk: each line allows everything
          </li>
        )}
        {allTraffic === 'hidden' && <li data-testid="legend-hidden">“All” edges hidden: no edge, nothing or everything allowed</li>}
        {collapsed && (
          <li data-testid="legend-aggregates">
            <code className="legend-code">N pairs · ports</code> pairs drawn as one edge; the ports any of them allows (click: each)
          </li>
        )}
        <li className="legend-badge">
          <IsolationBadge ingress egress={false} />
        </li>
        <li className="legend-badge">
          <IsolationBadge ingress={false} egress />
        </li>
        <li className="legend-badge">
          <IsolationBadge ingress egress />
        </li>
        {clusterWide && (
          <li data-testid="legend-tiers">
            <TierMarks tiers={['admin', 'baseline']} /> Admin / Baseline rules
          </li>
        )}
      </ul>
    </details>
  );
}
