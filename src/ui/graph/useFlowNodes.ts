/**
 * React Flow wants to own node state (it writes measured sizes and drag positions into it); the
 * store owns the model. This hook keeps a local copy that follows the model, keeps React Flow's
 * measurements, and reuses a node object as long as the model node it came from is the same.
 */
import { useCallback, useState } from 'react';
import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import type { FlowNode } from './flowTypes';

interface Local {
  readonly model: readonly FlowNode[];
  readonly nodes: FlowNode[];
  /** The model node each local node was made from. */
  readonly origin: Map<string, FlowNode>;
}

function follow(previous: Local, model: readonly FlowNode[]): Local {
  const byId = new Map(previous.nodes.map((n) => [n.id, n]));
  const origin = new Map<string, FlowNode>();
  const nodes = model.map((m) => {
    origin.set(m.id, m);
    const local = byId.get(m.id);
    if (local && previous.origin.get(m.id) === m) return local;
    const sameSize = local?.measured && local.width === m.width && local.height === m.height;
    return sameSize ? ({ ...m, measured: local.measured } as FlowNode) : m;
  });
  return { model, nodes, origin };
}

export interface FlowNodeCallbacks {
  /** The user dropped a dragged node here. */
  readonly onMoved: (id: string, position: { x: number; y: number }) => void;
  /** The user selected a node (click, or Enter on a focused node). */
  readonly onSelected: (id: string) => void;
}

export function useFlowNodes(model: readonly FlowNode[], { onMoved, onSelected }: FlowNodeCallbacks) {
  const [local, setLocal] = useState<Local>(() => follow({ model: [], nodes: [], origin: new Map() }, model));
  // Following the model during render (not in an effect) saves a frame with stale nodes.
  let current = local;
  if (local.model !== model) {
    current = follow(local, model);
    setLocal(current);
  }
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      // Selection lives in the store and nodes come from YAML: React Flow may not select or delete.
      for (const c of changes) if (c.type === 'select' && c.selected) onSelected(c.id);
      const kept = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
      if (kept.length === 0) return;
      for (const c of kept) if (c.type === 'position' && c.dragging === false && c.position) onMoved(c.id, c.position);
      setLocal((l) => ({ ...l, nodes: applyNodeChanges(kept, l.nodes) }));
    },
    [onMoved, onSelected],
  );
  return { nodes: current.nodes, onNodesChange };
}
