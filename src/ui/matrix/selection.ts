/**
 * The one selection, read by the graph and the truth table alike. Pure.
 * - graph → table: a selected node lights up the rows and columns of the endpoints it stands for
 *   (a workload, an address group's ranges, a namespace's workloads); a selected edge, its pair's
 *   cell, with the rows of the endpoints at its source end and the columns of its target end (a
 *   bundle's or an aggregate's, all of the pairs it stands for).
 * - table → graph: a cell selects the edge the graph draws for that pair, by the graph's own ids:
 *   a workload's node is its endpoint id, an outside range's is the node grouping the ranges that
 *   share their connections (graph/toFlow decides which, so it is asked here rather than copied).
 */
import type { Analysis, Endpoint, EndpointId } from '../../engine/types';
import { endpointsOfNodeIn } from '../../store/graphView';
import { memoizeLast } from '../../store/memo';
import type { Selection } from '../../store/types';
import { edgeEnds, edgeId } from '../graph/ids';
import { endpointNodeIds, toFlow } from '../graph/toFlow';

export type EdgeSelection = Extract<Selection, { readonly kind: 'edge' }>;

export interface MatrixHighlight {
  readonly rows: ReadonlySet<number>;
  readonly cols: ReadonlySet<number>;
  /** The selected pair's cell, as [row, column]. */
  readonly cell?: readonly [number, number];
}

export const NO_HIGHLIGHT: MatrixHighlight = { rows: new Set(), cols: new Set() };

const endpointIndex = memoizeLast(
  (endpoints: readonly Endpoint[]): ReadonlyMap<EndpointId, number> => new Map(endpoints.map((e, i) => [e.id, i])),
);

/** What the truth table highlights for the selection. */
export function highlightOf(selection: Selection, analysis: Analysis): MatrixHighlight {
  if (!selection) return NO_HIGHLIGHT;
  const index = endpointIndex(analysis.endpoints);
  const indexes = (nodes: readonly string[]) =>
    new Set(nodes.flatMap((node) => endpointsOfNodeIn(analysis, node)).flatMap((id) => index.get(id) ?? []));
  if (selection.kind === 'node') {
    const both = indexes([selection.id]);
    return { rows: both, cols: both };
  }
  const { source, target } = edgeEnds(selection.id);
  const members = [
    [source, target],
    ...(selection.members ?? []),
    ...(selection.pairs ?? []).map((p) => [p.source, p.target] as const),
  ];
  const [row, col] = [index.get(selection.from), index.get(selection.to)];
  return {
    rows: new Set([...indexes(members.map((m) => m[0])), ...(row === undefined ? [] : [row])]),
    cols: new Set([...indexes(members.map((m) => m[1])), ...(col === undefined ? [] : [col])]),
    ...(row !== undefined && col !== undefined ? { cell: [row, col] as const } : {}),
  };
}

/** Outside ranges → their graph node; built from the graph's own model, once per analysis. */
const externalNodes = memoizeLast(
  (analysis: Analysis): ReadonlyMap<EndpointId, string> => endpointNodeIds(toFlow(analysis, { deniedFor: null }).nodes),
);

/** The graph node that draws an endpoint (its namespace open). */
export function graphNodeOf(analysis: Analysis, endpoint: Endpoint): string {
  return endpoint.type === 'workload' ? endpoint.id : (externalNodes(analysis).get(endpoint.id) ?? endpoint.id);
}

/** The selection a cell makes: the edge of its pair, as the graph draws it. */
export function cellSelection(analysis: Analysis, row: number, col: number): EdgeSelection {
  const [from, to] = [analysis.endpoints[row]!, analysis.endpoints[col]!];
  return { kind: 'edge', id: edgeId(graphNodeOf(analysis, from), graphNodeOf(analysis, to)), from: from.id, to: to.id };
}
