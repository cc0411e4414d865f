/**
 * An allowed (or, in denied view, denied) connection: a straight arrow between the two nodes'
 * borders (see edgeGeometry.ts) and its port label. The label is SVG inside the edge, so a click
 * on it is a click on the edge; React Flow's EdgeLabelRenderer would query the DOM on every
 * store update, per edge, which large graphs cannot afford.
 */
import { memo } from 'react';
import { BaseEdge, useInternalNode, type EdgeProps, type EdgeTypes, type InternalNode } from '@xyflow/react';
import { DEFAULT_LABEL_AT, edgeOffset, fannedEdge, floatingEdge, labelSize, loopEdge, NOTE_LINE_HEIGHT, type Rect } from './edgeGeometry';
import type { FlowEdge } from './flowTypes';

function rectOf(node: InternalNode): Rect {
  const { x, y } = node.internals.positionAbsolute;
  return { x, y, width: node.measured.width ?? node.width ?? 0, height: node.measured.height ?? node.height ?? 0 };
}

const ConnectionEdge = memo(function ConnectionEdge({ id, data, selected, markerEnd, source, target }: EdgeProps<FlowEdge>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to) return null;
  const { kind, emphasis, label, labelAt, note, title, denyTier, failing, gained, fan } = data!;
  const offset = edgeOffset(data!);
  // The label's own box; with traffic gained since Compare's baseline, a badge under it (the space
  // label placement keeps for both).
  const { width, height } = labelSize(label, note);
  const whole = labelSize(label, note, gained?.label);
  // An edge from a node to itself (inside a collapsed namespace) loops out of its side; a fan's
  // lines meet at its junction, where its lead's label sits.
  const { path, labelX, labelY } =
    source === target
      ? loopEdge(rectOf(from), whole.width)
      : fan
        ? fannedEdge(rectOf(from), rectOf(to), fan)
        : floatingEdge(rectOf(from), rectOf(to), offset, labelAt ?? DEFAULT_LABEL_AT);
  const classes = ['edge', `edge-${kind}`, denyTier ? 'edge-tier-deny' : '', failing ? 'edge-check-fail' : '', gained ? 'edge-gains' : '', emphasis ? `edge-${emphasis}` : '', selected ? 'edge-selected' : '']
    .filter(Boolean)
    .join(' ');
  // With a note, the label's two lines sit above and below the middle.
  const shift = note ? NOTE_LINE_HEIGHT / 2 : 0;
  const top = labelY - (whole.height - height) / 2;
  const badge = gained && labelSize(gained.label);
  if (fan && fan.lead !== id) {
    // A line into a trunk shows no label of its own: it reads the one at the junction (its lead's).
    return (
      <>
        <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes} interactionWidth={16} />
        <g data-testid={`edge-trunk-${id}`} data-lead={fan.lead} />
      </>
    );
  }
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={classes} interactionWidth={16} />
      <g className={`edge-label ${classes}`} transform={`translate(${labelX} ${top})`} data-testid={`edge-label-${id}`}>
        {title && <title>{title}</title>}
        <rect x={-width / 2} y={-height / 2} width={width} height={height} rx={5} />
        <text textAnchor="middle" dominantBaseline="central" y={-shift}>
          {label}
        </text>
        {note && (
          <text className="edge-note" textAnchor="middle" dominantBaseline="central" y={NOTE_LINE_HEIGHT - shift} data-testid="edge-note">
            {note}
          </text>
        )}
      </g>
      {gained && badge && (
        <g className={`edge-label edge-gained${emphasis ? ` edge-${emphasis}` : ''}`} transform={`translate(${labelX} ${top + height / 2 + NOTE_LINE_HEIGHT / 2})`} data-testid={`edge-gained-${id}`}>
          <title>{gained.title}</title>
          <rect x={-badge.width / 2} y={-NOTE_LINE_HEIGHT / 2} width={badge.width} height={NOTE_LINE_HEIGHT} rx={4} />
          <text textAnchor="middle" dominantBaseline="central">
            {gained.label}
          </text>
        </g>
      )}
    </>
  );
});

export const edgeTypes: EdgeTypes = { connection: ConnectionEdge };
