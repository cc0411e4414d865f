/**
 * What the graph emphasises: the selection, else the footprint of a policy — the one shown from
 * the policy panel, else the one under the editor cursor (useFlowModel decides which). A policy's
 * footprint marks its subjects and strengthens the connections it helps allow (a bundle when one
 * of its members is one) and the pairs a cluster-wide policy denies (edges drawn for it).
 * Pure: model + focus in, nodes and edges with `selected`, classes and edge emphasis out.
 */
import type { Selection } from '../../store/types';
import type { EndpointId, PolicyFootprint, PolicyId } from '../../engine/types';
import type { ConnectionData, FlowEdge, FlowNode } from './flowTypes';
import { edgeId } from './ids';
import { endpointNodeIds, type FlowModel } from './toFlow';

interface Focus {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  /** Edges drawn for the policy in focus: its denied pairs. */
  readonly policy?: PolicyId;
  /** Class for emphasised nodes. */
  readonly nodeClass: string;
}

function focusOf(model: FlowModel, selection: Selection, footprint: PolicyFootprint | undefined): Focus | undefined {
  if (selection?.kind === 'edge') return { nodes: new Set(), edges: new Set([selection.id]), nodeClass: '' };
  if (selection?.kind === 'node') {
    const edges = model.edges.filter((e) => e.source === selection.id || e.target === selection.id);
    return { nodes: new Set(), edges: new Set(edges.map((e) => e.id)), nodeClass: '' };
  }
  if (!footprint) return undefined;
  // Footprint ids are endpoint ids; an external group node holds several.
  const nodeOf = endpointNodeIds(model.nodes);
  const node = (id: EndpointId) => nodeOf.get(id) ?? id;
  return {
    nodes: new Set(footprint.selects.map(node)),
    edges: new Set(footprint.connections.map(([from, to]) => edgeId(node(from), node(to)))),
    policy: footprint.policy,
    nodeClass: 'is-policy-target',
  };
}

/** Whether an edge is part of the focus: by id, as one of a bundle's members, drawn for its policy, or marking its pair. */
function inFocus(focus: Focus, edge: FlowEdge): boolean {
  if (focus.edges.has(edge.id)) return true;
  const data = edge.data!;
  if (data.ofPolicy !== undefined) return data.ofPolicy === focus.policy;
  // Compare's mark of traffic lost goes with the pair's edge (the policy just edited, say).
  if (data.kind === 'lost') return focus.edges.has(edgeId(edge.source, edge.target));
  return focus.policy !== undefined && (data.members ?? []).some(([source, target]) => focus.edges.has(edgeId(source, target)));
}

/** Emphasised versions of nodes and edges by their plain version, with the state they show. */
export interface EmphasisCache {
  readonly nodes: WeakMap<FlowNode, { readonly key: string; readonly node: FlowNode }>;
  readonly edges: WeakMap<FlowEdge, { readonly key: string; readonly edge: FlowEdge }>;
}

export const createEmphasisCache = (): EmphasisCache => ({ nodes: new WeakMap(), edges: new WeakMap() });

export function applyEmphasis(
  model: FlowModel,
  selection: Selection,
  footprint: PolicyFootprint | undefined,
  cache: EmphasisCache = createEmphasisCache(),
): FlowModel {
  const focus = focusOf(model, selection, footprint);
  const selectedNode = selection?.kind === 'node' ? selection.id : undefined;
  const nodes = model.nodes.map((node): FlowNode => {
    const selected = node.id === selectedNode;
    const className = focus?.nodes.has(node.id) ? focus.nodeClass : undefined;
    if (!selected && !className) return node;
    const key = `${selected}/${className}`;
    const cached = cache.nodes.get(node);
    if (cached?.key === key) return cached.node;
    const made = { ...node, selected, className } as FlowNode;
    cache.nodes.set(node, { key, node: made });
    return made;
  });
  const edges = model.edges.map((edge): FlowEdge => {
    if (!focus) return edge;
    const emphasis: ConnectionData['emphasis'] = inFocus(focus, edge) ? 'strong' : 'dim';
    const selected = selection?.kind === 'edge' && selection.id === edge.id;
    const key = `${emphasis}/${selected}`;
    const cached = cache.edges.get(edge);
    if (cached?.key === key) return cached.edge;
    const made = { ...edge, selected, zIndex: emphasis === 'strong' ? 1 : 0, data: { ...edge.data!, emphasis } };
    cache.edges.set(edge, { key, edge: made });
    return made;
  });
  return { nodes, edges };
}
