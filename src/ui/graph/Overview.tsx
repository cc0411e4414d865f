/**
 * A minimap of groups only (namespaces, outside addresses) with the visible area; a click moves
 * the view there. React Flow's MiniMap subscribes one component per node, which costs every
 * keystroke on a graph of thousands of pods; groups are a better overview there anyway.
 */
import { memo, type MouseEvent } from 'react';
import { Panel, useReactFlow, useStore } from '@xyflow/react';
import type { FlowNode } from './flowTypes';

const SIZE = { width: 220, height: 150 };

export const Overview = memo(function Overview({ groups }: { groups: readonly FlowNode[] }) {
  const flow = useReactFlow();
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  if (groups.length === 0) return null;
  const view = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
  const left = Math.min(view.x, ...groups.map((g) => g.position.x));
  const top = Math.min(view.y, ...groups.map((g) => g.position.y));
  const right = Math.max(view.x + view.width, ...groups.map((g) => g.position.x + (g.width ?? 0)));
  const bottom = Math.max(view.y + view.height, ...groups.map((g) => g.position.y + (g.height ?? 0)));
  const scale = Math.min(SIZE.width / (right - left), SIZE.height / (bottom - top));
  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    void flow.setCenter(left + (event.clientX - box.left) / scale, top + (event.clientY - box.top) / scale, { zoom, duration: 200 });
  };
  return (
    <Panel position="top-right">
      <svg
        className="overview"
        width={SIZE.width}
        height={SIZE.height}
        viewBox={`${left} ${top} ${SIZE.width / scale} ${SIZE.height / scale}`}
        onClick={onClick}
        role="img"
        aria-label="Overview of the graph; click to move the view there"
        data-testid="overview"
      >
        {groups.map((g) => (
          <rect key={g.id} x={g.position.x} y={g.position.y} width={g.width} height={g.height} className={`overview-${g.type}`} />
        ))}
        <rect x={view.x} y={view.y} width={view.width} height={view.height} className="overview-view" />
      </svg>
    </Panel>
  );
});
