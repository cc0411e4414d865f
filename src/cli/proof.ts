/**
 * The proof that rewritten manifests mean what the originals meant: the engine's connectivity of
 * both, pair by pair, and for each pair that differs both connection sets and the engine's
 * explanation of the pair on each side. Data first (`compareConnectivity`), words last
 * (`comparisonLines`).
 */
import {
  NO_CONNECTIONS,
  describeConnections,
  explanationLines,
  isNoConnections,
  sameData,
  type Analysis,
  type ConnectionSet,
  type EndpointId,
} from '../engine';
import type { Evaluated } from './load';

export interface PairDifference {
  readonly from: EndpointId;
  readonly to: EndpointId;
  readonly original: ConnectionSet;
  readonly converted: ConnectionSet;
}

export interface ConnectivityComparison {
  /** Ordered pairs of distinct endpoints that both sides have, less those of two outside addresses. */
  readonly pairs: number;
  /** In the order of the original's endpoints, by source then destination. */
  readonly differences: readonly PairDifference[];
  /** Endpoints one side has and the other has not: their pairs are not compared. */
  readonly onlyOriginal: readonly EndpointId[];
  readonly onlyConverted: readonly EndpointId[];
}

/** Explanations are printed for this many differing pairs; the others are listed with their connections. */
export const EXPLAINED_PAIRS = 20;

/** Whether the two analyses allow the same connections between the same endpoints, and where not. */
export function compareConnectivity(original: Analysis, converted: Analysis): ConnectivityComparison {
  const convertedIds = new Set(converted.endpoints.map((e) => e.id));
  const originalIds = new Set(original.endpoints.map((e) => e.id));
  const common = original.endpoints.filter((e) => convertedIds.has(e.id));
  const order = new Map(common.map((e, i) => [e.id, i]));
  const outside = common.filter((e) => e.type === 'external').length;
  const key = (from: EndpointId, to: EndpointId) => `${from}\n${to}`;
  const allowedIn = (analysis: Analysis) => new Map(analysis.connections.map((c) => [key(c.from, c.to), c]));
  const before = allowedIn(original);
  const after = allowedIn(converted);
  const differences: PairDifference[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const { from, to } = (before.get(k) ?? after.get(k))!;
    if (!order.has(from) || !order.has(to)) continue;
    const was = before.get(k)?.allowed ?? NO_CONNECTIONS;
    const is = after.get(k)?.allowed ?? NO_CONNECTIONS;
    if (!sameData(was, is)) differences.push({ from, to, original: was, converted: is });
  }
  differences.sort((a, b) => order.get(a.from)! - order.get(b.from)! || order.get(a.to)! - order.get(b.to)!);
  return {
    pairs: common.length * (common.length - 1) - outside * (outside - 1),
    differences,
    onlyOriginal: original.endpoints.filter((e) => !convertedIds.has(e.id)).map((e) => e.id),
    onlyConverted: converted.endpoints.filter((e) => !originalIds.has(e.id)).map((e) => e.id),
  };
}

export function isUnchanged(comparison: ConnectivityComparison): boolean {
  return comparison.differences.length === 0 && comparison.onlyOriginal.length + comparison.onlyConverted.length === 0;
}

const connectionsText = (set: ConnectionSet) => (isNoConnections(set) ? 'No Connections' : describeConnections(set));

/**
 * The comparison in words: one line when nothing changed; else every differing pair with both
 * connection sets and, for the first EXPLAINED_PAIRS, how each side decides it.
 */
export function comparisonLines(comparison: ConnectivityComparison, original: Evaluated, converted: Evaluated): string[] {
  const { pairs, differences, onlyOriginal, onlyConverted } = comparison;
  if (isUnchanged(comparison)) {
    // Without workloads there is no pair to tell a difference: the policies' read-back is the proof.
    return [`connectivity unchanged: ${pairs} pairs compared${pairs === 0 ? ' (the input has no workloads)' : ''}`];
  }
  const lines = [`connectivity changed: ${differences.length} of ${pairs} pairs differ`];
  if (onlyOriginal.length > 0) lines.push(`endpoints only in the original: ${onlyOriginal.join(', ')}`);
  if (onlyConverted.length > 0) lines.push(`endpoints only in the converted manifests: ${onlyConverted.join(', ')}`);
  const explain = (side: Evaluated, d: PairDifference) => {
    const explanation = side.analyzer.explain(d.from, d.to);
    return explanation ? explanationLines(explanation, side.locate).map((line) => `    ${line}`) : [];
  };
  differences.forEach((d, i) => {
    lines.push(`${d.from} => ${d.to}`);
    lines.push(`  original:  ${connectionsText(d.original)}`, `  converted: ${connectionsText(d.converted)}`);
    if (i >= EXPLAINED_PAIRS) return;
    lines.push('  why, in the original:', ...explain(original, d), '  why, once converted:', ...explain(converted, d));
  });
  if (differences.length > EXPLAINED_PAIRS) {
    lines.push(`(explained: the first ${EXPLAINED_PAIRS} pairs; ask about the others with netpol-canvas explain)`);
  }
  return lines;
}
