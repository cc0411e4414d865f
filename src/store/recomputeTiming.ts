/**
 * `netpol:recompute` user-timing entries: from a text change to the graph showing its result,
 * measured from outside (bench:ui) with `performance.getEntriesByName('netpol:recompute')`.
 * A revision superseded before it was evaluated gets no entry; its mark is dropped.
 */
const RECOMPUTE_MEASURE = 'netpol:recompute';
const markName = (revision: number) => `netpol:text-change:${revision}`;
const open: number[] = [];

export function markTextChange(revision: number): void {
  performance.mark(markName(revision));
  open.push(revision);
}

/** Call once the graph shows the result of `revision`. */
export function measureRecompute(revision: number): void {
  if (!open.includes(revision)) return;
  performance.measure(RECOMPUTE_MEASURE, { start: markName(revision), detail: { revision } });
  while (open.length > 0 && open[0]! <= revision) performance.clearMarks(markName(open.shift()!));
}
