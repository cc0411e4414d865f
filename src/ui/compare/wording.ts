/** Compare's sentences: which baseline, and how much changed since. Pure. */
import type { Comparison } from '../../store/evaluation/comparison';
import type { Baseline, BaselineOrigin } from '../../store/types';

const ORIGINS: Record<BaselineOrigin, string> = {
  start: 'the text the app opened with',
  loaded: 'the text as loaded',
  example: 'the example as opened',
  file: 'the file as opened',
  share: 'the shared link as opened',
  restore: 'the restore point as brought back',
  otherTab: "the other tab's work as loaded",
  lesson: 'the lesson as started',
  solution: "the lesson's solution as used",
  pinned: 'the text as pinned',
};

/** `the example as opened at 10:42`; `time` is the baseline's time as the page shows times. */
export function baselineWords(baseline: Baseline, time: string): string {
  return `${ORIGINS[baseline.origin]} at ${time}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `Nothing changed since.`, `3 pairs changed.`, and how many are listed when not all are. */
export function changeSummary(comparison: Comparison): string {
  const { changedPairs, pairs, endpointsAdded, endpointsRemoved } = comparison;
  if (changedPairs === 0 && endpointsAdded.length === 0 && endpointsRemoved.length === 0) return 'Nothing changed since.';
  const counted = [
    ...(changedPairs > 0 ? [`${plural(changedPairs, 'pair', 'pairs')} changed`] : []),
    ...(endpointsAdded.length > 0 ? [`${plural(endpointsAdded.length, 'endpoint', 'endpoints')} added`] : []),
    ...(endpointsRemoved.length > 0 ? [`${plural(endpointsRemoved.length, 'endpoint', 'endpoints')} removed`] : []),
  ].join(', ');
  const listed = pairs.length < changedPairs ? ` The first ${pairs.length} are listed and marked on the graph.` : '';
  return `${counted[0]!.toUpperCase()}${counted.slice(1)}.${listed}`;
}
