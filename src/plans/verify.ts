/**
 * A candidate edit judged by the evaluator, not by its text: the edited text is parsed and
 * analysed, compared with the current one (the engine's connectivity diff), and every change
 * outside the gesture's intent becomes a warning, as does any of the gesture's traffic the edit
 * fails to change. So a plan's warnings say exactly what else it does.
 */
import { analyze, carvesIpv6, connectivityDiff, describeConnections, pairChangeLines } from '../engine';
import type { ConnectivityDiff, PairChange } from '../engine';
import { isNoConnections, subtractConnections } from '../engine/portset';
import type { Analysis, ConnectionSet, EndpointId } from '../engine/types';
import { parseManifests } from '../model';
import type { ClusterResources } from '../model/types';
import { applyChanges, type TextChange } from '../model/text-changes';
import { ordered, type PlanContext } from './context';
import { plansSay, PAIRS_LISTED } from './messages';

/**
 * What the gesture is about: the pairs it changes (every source it names to every destination it
 * names; ids are endpoint ids, or `first-last` outside ranges), and how.
 */
export interface Intent {
  readonly from: (id: EndpointId) => boolean;
  readonly to: (id: EndpointId) => boolean;
  /** `allow`: each pair it is about gains these, and nothing else changes. `block`: each such pair loses everything. */
  readonly effect: { readonly kind: 'allow'; readonly gain: ConnectionSet } | { readonly kind: 'block' };
}

export interface Judgement {
  readonly text: string;
  readonly diff: ConnectivityDiff;
  /** Changes the gesture is not about, or beyond what it asks. */
  readonly extra: readonly PairChange[];
  /** Pairs the gesture is about whose traffic is not as asked after the edit. */
  readonly short: readonly string[];
  readonly newErrors: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * Both sides of a change analysed in one address space, so their diff compares addresses: when only
 * one names IPv6 addresses, the other again with the IPv6 space carved (else those addresses would
 * be listed as endpoints added); the side that names them already carves it. `current`: the before
 * side's plain analysis, when already made.
 */
export function comparableAnalyses(
  before: ClusterResources,
  after: ClusterResources,
  current: Analysis = analyze(before),
): readonly [Analysis, Analysis] {
  const proposed = analyze(after);
  const [currentCarves, proposedCarves] = [carvesIpv6(current), carvesIpv6(proposed)];
  if (currentCarves === proposedCarves) return [current, proposed];
  return currentCarves ? [current, analyze(after, { addressFamilies: [6] })] : [analyze(before, { addressFamilies: [6] }), proposed];
}

/** Evaluates `changes` against the context's text and judges the result by `intent`. */
export function judge(context: PlanContext, changes: readonly TextChange[], intent: Intent): Judgement {
  const text = applyChanges(context.text, ordered(changes));
  const parsed = parseManifests([{ file: 'plan.yaml', text }]);
  // As the Review change dialog compares them (store/evaluation/preview.ts).
  const [before, after] = comparableAnalyses(context.resources, parsed.resources, context.analysis);
  const diff = connectivityDiff(before, after);
  const known = new Set(context.errors);
  const newErrors = parsed.diagnostics
    .filter((d) => d.severity === 'error' && !known.has(d.message))
    .map((d) => d.message);
  const extra = diff.changes.filter((c) => !intended(c, intent));
  const short = shortfall(after, intent);
  const warnings = [
    ...(newErrors.length > 0 ? [plansSay.newErrors(newErrors)] : []),
    ...(short.length > 0 ? [plansSay.stillShort(short.slice(0, PAIRS_LISTED), short.length - PAIRS_LISTED)] : []),
    ...(extra.length > 0 || diff.endpointsAdded.length + diff.endpointsRemoved.length > 0
      ? [plansSay.alsoChanges(extra.slice(0, PAIRS_LISTED).flatMap(pairChangeLines), extra.length - PAIRS_LISTED)]
      : []),
  ];
  return { text, diff, extra, short, newErrors, warnings };
}

function intended(change: PairChange, intent: Intent): boolean {
  if (!intent.from(change.from) || !intent.to(change.to)) return false;
  if (intent.effect.kind === 'block') return isNoConnections(change.added);
  return isNoConnections(change.removed) && isNoConnections(subtractConnections(change.added, intent.effect.gain));
}

/** The pairs the gesture is about that an analysis gets wrong, in words. */
export function shortfall(after: Analysis, intent: Intent): string[] {
  // Only the gesture's pairs are looked up: an analysis holds every pair (millions at 2,000 pods).
  const asked = after.connections.filter((c) => intent.from(c.from) && intent.to(c.to));
  const allowed = new Map(asked.map((c) => [`${c.from}\u0000${c.to}`, c.allowed]));
  const lines: string[] = [];
  // Each side filtered once: the pairs are those of the gesture's few endpoints, not every pair.
  const sources = after.endpoints.filter((e) => intent.from(e.id));
  const destinations = after.endpoints.filter((e) => intent.to(e.id));
  for (const from of sources) {
    for (const to of destinations) {
      if (from === to) continue;
      if (from.type === 'external' && to.type === 'external') continue; // never decided
      const now = allowed.get(`${from.id}\u0000${to.id}`);
      if (intent.effect.kind === 'block') {
        if (now && !isNoConnections(now)) lines.push(`${from.id} → ${to.id} still allows ${describeConnections(now)}.`);
      } else {
        const missing = now ? subtractConnections(intent.effect.gain, now) : intent.effect.gain;
        if (!isNoConnections(missing)) lines.push(`${from.id} → ${to.id} does not allow ${describeConnections(missing)}.`);
      }
    }
  }
  return lines;
}

/** How far from the intent: fewer is better. */
export const cost = (j: Judgement) => j.extra.length + j.short.length + (j.newErrors.length > 0 ? 1e6 : 0);
