/**
 * What an empty graph says: what to add for it to draw something. Shown while the text has no
 * workload (an empty text, or policies alone, draw nothing a person can read).
 */
import type { Analysis } from '../../engine/types';

export function EmptyGraph({ analysis }: { analysis: Analysis }) {
  if (analysis.endpoints.some((e) => e.type === 'workload')) return null;
  return (
    <div className="graph-empty" role="status" data-testid="empty-graph">
      <p>
        <strong>No workloads to draw yet.</strong>
      </p>
      <p>
        In the editor, add Pods, Deployments or Namespaces — or load an example with <strong>Examples</strong> in the
        toolbar.
      </p>
    </div>
  );
}
