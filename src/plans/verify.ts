/**
 * A candidate edit judged by the evaluator, not by its text: the edited text is parsed and
 * analysed, compared with the current one (the engine's connectivity diff), and every change
 * outside the gesture's intent becomes a warning, as does any of the gesture's traffic the edit
 * fails to change. So a plan's warnings say exactly what else it does.
 */
import { analyze, connectivityDiff, describeConnections, pairChangeLines } from '../engine';
import type { ConnectivityDiff, PairChange } from '../engine';
import { isNoConnections, subtractConnections } from '../engine/portset';
import type { Analysis, ConnectionSet, EndpointId } from '../engine/types';
import { parseManifests } from '../model';
import { applyChanges, type TextChange } from '../model/text-changes';
import { ordered, type PlanContext } from './context';
import { plansSay, PAIRS_LISTED } from './messages';

/** What the gesture is about: the pairs it changes, and how. */
export interface Intent {
  /** Whether the ordered pair (endpoint ids, or `first-last` outside ranges) is one the gesture is about. */
  readonly about: (from: EndpointId, to: EndpointId) => boolean;
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

const namesIpv6 = (analysis: Analysis) => analysis.endpoints.some((e) => e.type === 'external' && e.range.family === 6);

/** Evaluates `changes` against the context's text and judges the result by `intent`. */
export function judge(context: PlanContext, changes: readonly TextChange[], intent: Intent): Judgement {
  const text = applyChanges(context.text, ordered(changes));
  const parsed = parseManifests([{ file: 'plan.yaml', text }]);
  let before = context.analysis;
  let after = analyze(parsed.resources);
  // Both in one address space, as the Review change dialog compares them.
  if (namesIpv6(before) !== namesIpv6(after)) {
    before = analyze(context.resources, { addressFamilies: [6] });
    after = analyze(parsed.resources, { addressFamilies: [6] });
  }
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
  if (!intent.about(change.from, change.to)) return false;
  if (intent.effect.kind === 'block') return isNoConnections(change.added);
  return isNoConnections(change.removed) && isNoConnections(subtractConnections(change.added, intent.effect.gain));
}

/** The pairs the gesture is about that an analysis gets wrong, in words. */
export function shortfall(after: Analysis, intent: Intent): string[] {
  const allowed = new Map(after.connections.map((c) => [`${c.from}\u0000${c.to}`, c.allowed]));
  const lines: string[] = [];
  for (const from of after.endpoints) {
    for (const to of after.endpoints) {
      if (from === to || !intent.about(from.id, to.id)) continue;
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

/** Whether a judgement is clean: the edit does what the gesture says and nothing else. */
export const isExact = (j: Judgement) => j.warnings.length === 0;

/** How far from the intent: fewer is better. */
export const cost = (j: Judgement) => j.extra.length + j.short.length + (j.newErrors.length > 0 ? 1e6 : 0);
