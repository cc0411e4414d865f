/** The side panel: details of the selection, "Why not?", problems, cluster-wide policies, checks, the lesson, Compare — as tabs. */
import { lazy, Suspense } from 'react';
import type { InspectorTab } from '../../store/types';
import { useActions, useAppState } from '../../store/react';
import { useActionManager } from '../commands/context';
import { selectClusterPolicies, selectProblems } from '../../store/selectors';
import { checksTabLabel } from './checkList';
import { Problems } from './Problems';
import { LessonTab } from '../lessons/LessonTab';
import { CompareTab, compareTabLabel } from '../compare/CompareTab';

/**
 * Panels load after the first render, beside the editor (the page's first load stays lean): the
 * details of what is clicked, and the tabs a first view does not show.
 */
const Details = lazy(() => import('./Details'));
const WhyNot = lazy(() => import('./WhyNot').then((m) => ({ default: m.WhyNot })));
const ClusterPolicies = lazy(() => import('./ClusterPolicies').then((m) => ({ default: m.ClusterPolicies })));
const Checks = lazy(() => import('./Checks').then((m) => ({ default: m.Checks })));

/** Folds or unfolds the side panel (view.panelCollapsed), so a projector's graph gets its width. */
function FoldButton({ folded }: { folded: boolean }) {
  const manager = useActionManager();
  const shortcut = manager.list().find((a) => a.name === 'togglePanel')?.shortcut;
  const label = folded ? 'Show the side panel' : 'Hide the side panel';
  return (
    <button
      type="button"
      className="panel-fold"
      aria-expanded={!folded}
      aria-controls="inspector-panel"
      aria-label={label}
      title={`${label} (${shortcut})`}
      onClick={() => manager.execute('togglePanel')}
      data-testid="panel-fold"
    >
      {folded ? '‹' : '›'}
    </button>
  );
}

export function Inspector() {
  const folded = useAppState((s) => s.view.panelCollapsed);
  return folded ? (
    <aside className="inspector is-folded" aria-label="Inspector (hidden)">
      <FoldButton folded />
    </aside>
  ) : (
    <OpenInspector />
  );
}

function OpenInspector() {
  const chosen = useAppState((s) => s.view.inspector);
  const problems = useAppState(selectProblems).length;
  const clusterPolicies = useAppState(selectClusterPolicies).length;
  const checks = useAppState((s) => s.evaluated.checks);
  const inLesson = useAppState((s) => s.view.lesson !== null);
  const comparison = useAppState((s) => s.comparing?.comparison);
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
    // Always there: "Pin now" lives in it while nothing is pinned.
    ['compare', compareTabLabel(comparison)],
  ];
  return (
    <aside className="inspector" aria-label="Inspector">
      {/* A tablist holds only tabs (axe: aria-required-children): the fold button sits beside it. */}
      <div className="tabs">
        <div role="tablist" aria-label="Side panel" className="tab-list">
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
        <FoldButton folded={false} />
      </div>
      <div role="tabpanel" id="inspector-panel" aria-labelledby={`tab-${tab}`} className="inspector-body">
        <Suspense fallback={<p className="muted">Loading…</p>}>
          {tab === 'details' && <Details />}
          {tab === 'whyNot' && <WhyNot />}
          {tab === 'problems' && <Problems />}
          {tab === 'cluster' && <ClusterPolicies />}
          {tab === 'checks' && <Checks />}
          {tab === 'lesson' && <LessonTab />}
          {tab === 'compare' && <CompareTab />}
        </Suspense>
      </div>
    </aside>
  );
}
