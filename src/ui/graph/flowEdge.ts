/** One graph edge built from its data: id, arrow head coloured like its kind, label for screen readers. */
import { MarkerType } from '@xyflow/react';
import { ALL_CONNECTIONS_TEXT, describeConnections } from '../../engine';
import type { ConnectionSet } from '../../engine/types';
import type { ConnectionData, FlowEdge } from './flowTypes';
import { edgeId } from './ids';

/** Edge labels say `All` for everything, else the engine's port spelling. */
export function connectionLabel(set: ConnectionSet): string {
  const text = describeConnections(set);
  return text === ALL_CONNECTIONS_TEXT ? 'All' : text;
}

/** Arrow heads, coloured like their edge kind (CSS variables of the theme). */
const MARKERS = {
  ports: { type: MarkerType.ArrowClosed, color: 'var(--edge-ports)', width: 18, height: 18 },
  all: { type: MarkerType.ArrowClosed, color: 'var(--edge-all)', width: 18, height: 18 },
  denied: { type: MarkerType.ArrowClosed, color: 'var(--edge-denied)', width: 18, height: 18 },
  expected: { type: MarkerType.ArrowClosed, color: 'var(--check-fail)', width: 18, height: 18 },
  lost: { type: MarkerType.ArrowClosed, color: 'var(--compare-lost)', width: 18, height: 18 },
} as const;

export function flowEdge(source: string, target: string, data: ConnectionData, id = edgeId(source, target)): FlowEdge {
  const note = data.note ? ` (${data.note})` : '';
  return {
    id,
    source,
    target,
    type: 'connection',
    markerEnd: MARKERS[data.kind],
    data,
    ariaLabel: `${data.from} to ${data.to}: ${data.label}${note}`,
  };
}
