/**
 * The Details tab: the selection (an edge, an aggregate, a node), else the policy shown on the
 * graph, else the policy under the editor cursor in plain words, else what to click.
 */
import { policyName } from '../../engine';
import { useAppState } from '../../store/react';
import { selectCursorPolicy, selectShownPolicy } from '../../store/selectors';
import { AggregateDetails } from './AggregateDetails';
import { ClusterPolicyDetails } from './ClusterPolicyDetails';
import { EdgeDetails } from './EdgeDetails';
import { NodeDetails } from './NodeDetails';
import { PolicyWords, PolicyWordsDisclosure } from './PolicyWords';
import { useGestures } from '../gestures/context';
import type { PolicyRef } from '../../engine/types';

/** "Delete this policy…": asks first, then the Review change dialog shows what it would stop doing. */
function DeletePolicyButton({ policy }: { policy: PolicyRef }) {
  const gestures = useGestures();
  const gesture = { kind: 'deletePolicy', policyKind: policy.kind, name: policy.name, ...(policy.namespace === undefined ? {} : { namespace: policy.namespace }) } as const;
  return (
    <p>
      <button
        type="button"
        className="button"
        data-testid="delete-policy"
        onClick={() => gestures.openForm({ kind: 'confirm', question: `Delete ${policyName(policy)}?`, gesture })}
      >
        Delete this policy…
      </button>
    </p>
  );
}

export default function Details() {
  const selection = useAppState((s) => s.selection);
  const shown = useAppState(selectShownPolicy);
  const atCursor = useAppState(selectCursorPolicy);
  if (selection?.kind === 'edge') return selection.pairs ? <AggregateDetails edge={selection} /> : <EdgeDetails edge={selection} />;
  if (selection?.kind === 'node') return <NodeDetails nodeId={selection.id} />;
  if (shown) {
    return (
      <section className="details" data-testid="policy-details">
        <h2>{policyName(shown.ref)}</h2>
        <ClusterPolicyDetails policy={shown} />
        <PolicyWordsDisclosure policy={shown.ref.id} />
        <DeletePolicyButton policy={shown.ref} />
      </section>
    );
  }
  // After the selection and the policy shown on the graph: clicking either reveals YAML, which moves the cursor.
  if (atCursor) {
    return (
      <section className="details" data-testid="cursor-policy">
        <h2>{policyName(atCursor.ref)}</h2>
        <p className="muted">Under the editor cursor, in plain words:</p>
        <PolicyWords policy={atCursor.ref.id} />
        <DeletePolicyButton policy={atCursor.ref} />
      </section>
    );
  }
  return (
    <div className="details muted">
      <p>Click a connection to see which rules allow it, or a workload to see the policies that select it.</p>
      <p>Put the editor cursor inside a NetworkPolicy to see what it selects and allows.</p>
    </div>
  );
}
