/**
 * Failing expectations on the graph. Traffic that should be denied is marked on the edge that
 * draws it (its label keeps its ports; a second line says it should be denied); traffic expected
 * but not allowed gets an edge of its own, dashed, labelled `✗ expected <ports>`, beside the
 * pair's edge if it has one. An expectation mark claims no connectivity: the graph still reads
 * exactly as before (test/support/flow-decode.ts skips them by their label).
 * Pure: the shown model and the checks in, the model with its marks out.
 */
import { expectationText, failingPairText, unionConnections, type FailingPair } from '../../engine';
import type { ConnectionSet, EndpointId } from '../../engine/types';
import type { Check } from '../../store/evaluation/protocol';
import { connectionLabel, flowEdge } from './flowEdge';
import type { FlowEdge } from './flowTypes';
import { edgeId, expectedEdgeId } from './ids';
import { endpointNodeIds, type FlowModel } from './toFlow';

/** Marks an expectation mark's label starts with; no connection's label does. */
export const EXPECTED_LABEL_PREFIX = '✗ expected ';
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

/** Each drawn edge by the (source node, target node) pairs it stands for: itself, a bundle's members, an aggregate's ends. */
function edgesByPair(edges: readonly FlowEdge[]): Map<string, FlowEdge> {
  const index = new Map<string, FlowEdge>();
  for (const edge of edges) {
    if (edge.data?.ofPolicy !== undefined || edge.data?.kind === 'expected') continue;
    index.set(edgeId(edge.source, edge.target), edge);
    for (const [source, target] of edge.data?.members ?? []) index.set(edgeId(source, target), edge);
  }
  return index;
}

interface Expected {
  readonly source: string;
  readonly target: string;
  readonly first: FailingPair;
  ports: ConnectionSet;
  readonly says: string[];
}

function titled(edge: FlowEdge, lines: readonly string[]): string {
  const own = edge.data!.title ?? `${edge.data!.from} → ${edge.data!.to}: ${edge.data!.label}`;
  return [own, 'Fails:', ...lines].join('\n');
}

/** The model with the marks of `marks` (pairs whose ends are not drawn are left out). */
export function applyCheckMarks(model: FlowModel, marks: readonly PairMark[]): FlowModel {
  if (marks.length === 0) return model;
  const nodeOf = endpointNodeIds(model.nodes);
  const drawn = edgesByPair(model.edges);
  const failing = new Map<FlowEdge, string[]>();
  const expected = new Map<string, Expected>();
  for (const { pair, mustAllow, says } of marks) {
    const [source, target] = [nodeOf.get(pair.from as EndpointId), nodeOf.get(pair.to as EndpointId)];
    if (source === undefined || target === undefined) continue;
    if (!mustAllow) {
      const edge = drawn.get(edgeId(source, target));
      if (edge) failing.set(edge, [...(failing.get(edge) ?? []), says]);
      continue;
    }
    const id = expectedEdgeId(source, target);
    const known = expected.get(id);
    if (known) {
      known.ports = unionConnections(known.ports, pair.offending);
      known.says.push(says);
    } else expected.set(id, { source, target, first: pair, ports: pair.offending, says: [says] });
  }
  const edges = model.edges.map((edge) => {
    const lines = failing.get(edge);
    if (!lines) return edge;
    const data = edge.data!;
    // A denied pair's note (which cluster-wide rule) stays: the tooltip says what fails.
    return { ...edge, data: { ...data, failing: true, note: data.note ?? SHOULD_BE_DENIED, title: titled(edge, lines) } };
  });
  for (const [id, { source, target, first, ports, says }] of expected) {
    const label = `${EXPECTED_LABEL_PREFIX}${connectionLabel(ports)}`;
    edges.push(flowEdge(source, target, { from: first.from, to: first.to, kind: 'expected', label, title: ['Fails:', ...says].join('\n') }, id));
  }
  return { nodes: model.nodes, edges };
}
