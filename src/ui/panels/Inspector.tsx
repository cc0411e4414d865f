/** The side panel: details of the selection, "Why not?", problems, cluster-wide policies, checks, the lesson — as tabs. */
import { policyName } from '../../engine';
import type { InspectorTab } from '../../store/types';
import { useActions, useAppState } from '../../store/react';
import { selectClusterPolicies, selectCursorPolicy, selectProblems, selectShownPolicy } from '../../store/selectors';
import { Checks } from './Checks';
import { checksTabLabel } from './checkList';
import { AggregateDetails } from './AggregateDetails';
import { ClusterPolicies } from './ClusterPolicies';
import { ClusterPolicyDetails } from './ClusterPolicyDetails';
import { EdgeDetails } from './EdgeDetails';
import { NodeDetails } from './NodeDetails';
import { PolicyWords, PolicyWordsDisclosure } from './PolicyWords';
import { Problems } from './Problems';
import { WhyNot } from './WhyNot';
import { LessonTab } from '../lessons/LessonTab';

function Details() {
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

export function Inspector() {
  const chosen = useAppState((s) => s.view.inspector);
  const problems = useAppState(selectProblems).length;
  const clusterPolicies = useAppState(selectClusterPolicies).length;
  const checks = useAppState((s) => s.evaluated.checks);
  const inLesson = useAppState((s) => s.view.lesson !== null);
  const actions = useActions();
  // The Cluster and Checks tabs are there only while the input has cluster-wide policies, expectations.
  const absent =
    (chosen === 'cluster' && clusterPolicies === 0) || (chosen === 'checks' && checks.length === 0) || (chosen === 'lesson' && !inLesson);
  const tab = absent ? 'details' : chosen;
  const tabs: [InspectorTab, string][] = [
    // Lesson mode: the lesson comes first.
    ...(inLesson ? [['lesson', 'Lesson'] as [InspectorTab, string]] : []),
    ['details', 'Details'],
    ['whyNot', 'Why not?'],
    ['problems', `Problems (${problems})`],
    ...(clusterPolicies > 0 ? [['cluster', `Cluster (${clusterPolicies})`] as [InspectorTab, string]] : []),
    ...(checks.length > 0 ? [['checks', checksTabLabel(checks)] as [InspectorTab, string]] : []),
  ];
  return (
    <aside className="inspector" aria-label="Inspector">
      <div role="tablist" className="tabs">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls="inspector-panel"
            className="tab"
            data-testid={`tab-${id}`}
            title={id === 'cluster' ? 'Cluster-wide policies (Shift+C)' : undefined}
            onClick={() => actions.setView({ inspector: id })}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="inspector-panel" aria-labelledby={`tab-${tab}`} className="inspector-body">
        {tab === 'details' && <Details />}
        {tab === 'whyNot' && <WhyNot />}
        {tab === 'problems' && <Problems />}
        {tab === 'cluster' && <ClusterPolicies />}
        {tab === 'checks' && <Checks />}
        {tab === 'lesson' && <LessonTab />}
      </div>
    </aside>
  );
}
