/** The side panel: details of the selection, "Why not?", problems — as tabs. */
import type { InspectorTab } from '../../store/types';
import { useActions, useAppState } from '../../store/react';
import { selectProblems } from '../../store/selectors';
import { EdgeDetails } from './EdgeDetails';
import { NodeDetails } from './NodeDetails';
import { Problems } from './Problems';
import { WhyNot } from './WhyNot';

function Details() {
  const selection = useAppState((s) => s.selection);
  if (selection?.kind === 'edge') return <EdgeDetails edge={selection} />;
  if (selection?.kind === 'node') return <NodeDetails nodeId={selection.id} />;
  return (
    <div className="details muted">
      <p>Click a connection to see which rules allow it, or a workload to see the policies that select it.</p>
      <p>Put the editor cursor inside a NetworkPolicy to see what it selects and allows.</p>
    </div>
  );
}

export function Inspector() {
  const tab = useAppState((s) => s.view.inspector);
  const problems = useAppState(selectProblems).length;
  const actions = useActions();
  const tabs: [InspectorTab, string][] = [
    ['details', 'Details'],
    ['whyNot', 'Why not?'],
    ['problems', `Problems (${problems})`],
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
      </div>
    </aside>
  );
}
