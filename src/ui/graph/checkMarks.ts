/**
 * Failing expectations on the graph. Traffic that should be denied is marked on the edge that
 * draws it (its label keeps its ports; a second line says it should be denied); traffic expected
 * but not allowed gets an edge of its own, dashed, labelled `✗ expected <ports>`, beside the
 * pair's edge if it has one. An expectation mark claims no connectivity: the graph still reads
 * exactly as before (test/support/flow-decode.ts skips them by their label).
 * Pure (but for a cache of unchanged marks): the shown model and the checks in, the model with its marks out.
 */
import { expectationText, failingPairText, type FailingPair } from '../../engine';
import type { EndpointId } from '../../engine/types';
import type { Check } from '../../store/evaluation/protocol';
import type { FlowEdge } from './flowTypes';
import { edgeId, expectedEdgeId } from './ids';
import { createMarkCache, edgesByPair, markedEdge, markEdges, tallyMark, type MarkCache, type MarkTally } from './pairMarkEdges';
import { endpointNodeIds, type FlowModel } from './toFlow';

/** An expectation mark's label starts with this; no connection's label does. */
const EXPECTED_LABEL_PREFIX = '✗ expected ';
const SHOULD_BE_DENIED = '✗ should be denied';

/** One pair a failing expectation is about, and what it says of it. */
export interface PairMark {
  readonly pair: FailingPair;
  /** True: the pair should allow `pair.offending`; false: it should deny it. */
  readonly mustAllow: boolean;
  /** `shop: a → b: allowed on TCP 80 — TCP 80 not allowed (allowed: nothing)`. */
  readonly says: string;
}

/** The pairs that break the failing expectations (as many as each lists). */
export function pairMarks(checks: readonly Check[]): PairMark[] {
  return checks.flatMap(({ document, result }) => {
    const mustAllow = result.expectation.expect === 'allowed';
    const expectation = `${document}: ${expectationText(result.expectation)}`;
    return result.failing.map((pair) => ({ pair, mustAllow, says: `${expectation} — ${failingPairText(pair, mustAllow)}` }));
  });
}

function titled(edge: FlowEdge, lines: readonly string[]): string {
  const own = edge.data!.title ?? `${edge.data!.from} → ${edge.data!.to}: ${edge.data!.label}`;
  return [own, 'Fails:', ...lines].join('\n');
}

/**
 * The model with the marks of `marks` (pairs whose ends are not drawn are left out); `cache` keeps
 * the objects of marks that did not change since the last call.
 */
export function applyCheckMarks(
  model: FlowModel,
  marks: readonly PairMark[],
  cache: MarkCache = createMarkCache(),
): FlowModel {
  if (marks.length === 0) return model;
  const nodeOf = endpointNodeIds(model.nodes);
  const drawn = edgesByPair(model.edges);
  const failing = new Map<FlowEdge, string[]>();
  const expected = new Map<string, MarkTally>();
  for (const { pair, mustAllow, says } of marks) {
    const [source, target] = [nodeOf.get(pair.from as EndpointId), nodeOf.get(pair.to as EndpointId)];
    if (source === undefined || target === undefined) continue;
    if (mustAllow) {
      const ends = { source, target, from: pair.from, to: pair.to, ports: pair.offending };
      tallyMark(expected, expectedEdgeId(source, target), ends, [says]);
      continue;
    }
    const edge = drawn.get(edgeId(source, target));
    if (!edge) continue;
    const lines = failing.get(edge);
    if (lines) lines.push(says);
    else failing.set(edge, [says]);
  }
  const edges = model.edges.map((edge) => {
    const lines = failing.get(edge);
    if (!lines) return edge;
    const title = titled(edge, lines);
    // A denied pair's note (which cluster-wide rule) stays: the tooltip says what fails.
    return markedEdge(cache, edge, title, { failing: true, note: edge.data!.note ?? SHOULD_BE_DENIED, title });
  });
  return { nodes: model.nodes, edges: [...edges, ...markEdges(expected, 'expected', EXPECTED_LABEL_PREFIX, 'Fails:', cache)] };
}
