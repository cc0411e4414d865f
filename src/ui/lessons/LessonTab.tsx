/**
 * The Lesson tab's content, loaded on first use: lesson mode brings the expectation checks, the
 * diff and the lesson reader, which the app without a lesson never needs.
 */
import { lazy, Suspense } from 'react';

const LessonPanel = lazy(() => import('./LessonPanel'));

export function LessonTab() {
  return (
    <Suspense fallback={<p className="muted">Loading the lesson…</p>}>
      <LessonPanel />
    </Suspense>
  );
}
