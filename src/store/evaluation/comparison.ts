/**
 * Compare: what changed in connectivity since a pinned baseline (the text as opened, or "Pin now").
 * The session keeps the baseline's analysis and, after each evaluation, compares it with the
 * analysis the graph draws — no text is analysed again, and the "after" side is exactly the graph
 * on screen (objects being edited at their last valid version included). Pure: two analyses in,
 * the pairs that differ out, each with its sentences and the endpoints the graph draws its ends as.
 *
 * In one address space, as preview.ts: when only one side names IPv6 addresses, the other is
 * analysed again with the IPv6 space carved (rare; the only case that re-analyses, and a baseline
 * only once), so those addresses are compared instead of listed as endpoints added or removed.
 */
import { analyze, carvesIpv6, connectivityDiff, pairChangeLines, type PairChange } from '../../engine';
import { commonPieces, rangeText } from '../../engine/address-space';
import type { Analysis, Endpoint, EndpointId } from '../../engine/types';
import type { ClusterResources, IpRange } from '../../model/types';

/** Changed pairs a comparison carries (listed, and marked on the graph), at most; it counts them all. */
export const COMPARED_PAIRS_LISTED = 2000;

/** One evaluation's side of a comparison: its analysis, and the resources it was made from. */
export interface ComparedSide {
  readonly analysis: Analysis;
  readonly resources: ClusterResources;
}

/** A pair whose allowed connections differ from the baseline's. */
export interface ComparedPair {
  /** Its ends as the diff names them: workloads by id, the outside world by address pieces both sides share. */
  readonly change: PairChange;
  /** `Allows: a → b TCP 443.`, `Stops allowing: a → b TCP 80.` */
  readonly lines: readonly string[];
  /**
   * The endpoints of the current analysis that stand for its ends (the outside piece's range),
   * where the graph draws the pair; absent for an end only the baseline has.
   */
  readonly shownFrom?: EndpointId;
  readonly shownTo?: EndpointId;
}

/** The difference from the baseline to the current analysis. */
export interface Comparison {
  /** In the diff's order (by source, then destination); at most COMPARED_PAIRS_LISTED. */
  readonly pairs: readonly ComparedPair[];
  /** Every pair whose allowed connections differ. */
  readonly changedPairs: number;
  readonly endpointsAdded: readonly EndpointId[];
  readonly endpointsRemoved: readonly EndpointId[];
}

/** A comparison, and which pin (the store's count of pins) it is against: an older pin's is dropped. */
export interface PinnedComparison {
  readonly pin: number;
  readonly comparison: Comparison;
}

/** Which baseline the session compares with: the analysis of revision `revision` or the first one after it. */
export interface PinRequest {
  /** Counts the store's pins, so a comparison against an earlier baseline is told apart. */
  readonly pin: number;
  readonly revision: number;
}

export const NO_CHANGES: Comparison = { pairs: [], changedPairs: 0, endpointsAdded: [], endpointsRemoved: [] };

/** A side analysed with the IPv6 space carved. */
const carvingIpv6 = (side: ComparedSide) => analyze(side.resources, { addressFamilies: [6] });

/** Each baseline's analysis with the IPv6 space carved, once: it is compared again after every edit. */
const widenedBaselines = new WeakMap<ComparedSide, Analysis>();

/**
 * Both sides in one address space (see the module comment): the side that does not carve IPv6 is
 * analysed again with it; the other already carves it, and would be analysed to the same result.
 */
function sameSpace(baseline: ComparedSide, current: ComparedSide): readonly [Analysis, Analysis] {
  const baselineCarves = carvesIpv6(baseline.analysis);
  if (baselineCarves === carvesIpv6(current.analysis)) return [baseline.analysis, current.analysis];
  if (baselineCarves) return [baseline.analysis, carvingIpv6(current)];
  let widened = widenedBaselines.get(baseline);
  if (!widened) widenedBaselines.set(baseline, (widened = carvingIpv6(baseline)));
  return [widened, current.analysis];
}

const externalRanges = (endpoints: readonly Endpoint[]) => endpoints.flatMap((e) => (e.type === 'external' ? [e.range] : []));

/**
 * Each id the diff uses for the outside world (a piece both carvings share), to the current
 * analysis's external endpoint whose range holds it; workloads stand for themselves.
 */
function shownEndpoints(before: Analysis, after: Analysis, current: Analysis): (id: EndpointId) => EndpointId | undefined {
  const workloads = new Set(current.endpoints.flatMap((e) => (e.type === 'workload' ? [e.id] : [])));
  const outside = current.endpoints.filter((e): e is Extract<Endpoint, { type: 'external' }> => e.type === 'external');
  const holder = (piece: IpRange) =>
    outside.find(({ range }) => range.family === piece.family && range.first <= piece.first && piece.last <= range.last)?.id;
  const pieces = new Map<string, EndpointId | undefined>();
  for (const piece of commonPieces([externalRanges(before.endpoints), externalRanges(after.endpoints)])) {
    pieces.set(rangeText(piece), holder(piece));
  }
  return (id) => (workloads.has(id) ? id : pieces.get(id));
}

/** What changed from `baseline` to `current`. */
export function compareAnalyses(baseline: ComparedSide, current: ComparedSide): Comparison {
  const [before, after] = sameSpace(baseline, current);
  const diff = connectivityDiff(before, after);
  const shown = shownEndpoints(before, after, current.analysis);
  const pairs = diff.changes.slice(0, COMPARED_PAIRS_LISTED).map((change): ComparedPair => {
    const [shownFrom, shownTo] = [shown(change.from), shown(change.to)];
    return {
      change,
      lines: pairChangeLines(change),
      ...(shownFrom === undefined ? {} : { shownFrom }),
      ...(shownTo === undefined ? {} : { shownTo }),
    };
  });
  return { pairs, changedPairs: diff.changes.length, endpointsAdded: diff.endpointsAdded, endpointsRemoved: diff.endpointsRemoved };
}
