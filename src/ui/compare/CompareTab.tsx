/**
 * The Compare tab: its name, and its content, loaded on first use (the marks on the graph need none
 * of it, and the first load has a budget: test/build/firstLoad.test.ts).
 */
import { lazy, Suspense } from 'react';
import type { Comparison } from '../../store/evaluation/comparison';

const ComparePanel = lazy(() => import('./ComparePanel'));

/** The tab's name: `Compare`, with the count of changed pairs while some changed. */
export function compareTabLabel(comparison: Comparison | null | undefined): string {
  return comparison && comparison.changedPairs > 0 ? `Compare (${comparison.changedPairs})` : 'Compare';
}

export function CompareTab() {
  return (
    <Suspense fallback={<p className="muted">Loading…</p>}>
      <ComparePanel />
    </Suspense>
  );
}
