/**
 * The calmest first view: connections that allow everything (`All`) left out of the graph, so
 * only restricted ones are drawn (view.allTraffic `hidden`). A line then says how many are left
 * out, and that no edge between two nodes now means nothing or everything is allowed.
 *
 * An `All` edge that carries a mark stays: a failing expectation drawn on it, or traffic it gained
 * since Compare's baseline. Hiding those would hide the very thing being pointed at.
 */
import type { FlowEdge } from './flowTypes';
import type { FlowModel } from './toFlow';

export interface CalmModel {
  readonly model: FlowModel;
  /** How many `All` edges are left out (a bundle or an aggregate counts once, as drawn). */
  readonly hidden: number;
}

const quiet = (edge: FlowEdge) => edge.data!.kind === 'all' && !edge.data!.failing && !edge.data!.gained;

/** `model` without its unmarked `All` edges; the same model when there are none. */
export function hideUnrestricted(model: FlowModel): CalmModel {
  const edges = model.edges.filter((edge) => !quiet(edge));
  const hidden = model.edges.length - edges.length;
  return { model: hidden === 0 ? model : { nodes: model.nodes, edges }, hidden };
}
