/**
 * The graph's node components. Memo'd, reading only their plain `data`; `nodeTypes` is built once
 * at module scope so React Flow never sees a new object.
 */
import { memo, type MouseEvent } from 'react';
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { useActionManager } from '../commands/context';
import type { ClusterTier, CollapsedNamespaceNode, ExternalGroupNode, ExternalNode, NamespaceNode, WorkloadNode } from './flowTypes';

/**
 * Edges float (edgeGeometry.ts), but React Flow only draws an edge whose ends have handles. A node
 * traffic can start from also has a connector, shown on hover and selection: dragged onto another
 * node, it opens "Allow traffic" between them (gestures/useGraphGestures.ts). Its name is a title, not an
 * aria-label: a handle is a plain div, which ARIA gives no name (axe: aria-prohibited-attr).
 */
function Handles({ connectFrom }: { connectFrom?: string }) {
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
      {connectFrom !== undefined && (
        <Handle type="source" id="connect" position={Position.Right} className="node-connector" title={`Connect from ${connectFrom}`} />
      )}
    </>
  );
}

/** One badge: both directions would not fit side by side on a projector-sized node. */
export function IsolationBadge({ ingress, egress }: { ingress: boolean; egress: boolean }) {
  if (ingress && egress) {
    return (
      <span className="badge badge-both" title="Isolated both ways: only traffic a rule allows can come in or go out">
        ⇥↦ isolated both ways
      </span>
    );
  }
  if (ingress) {
    return (
      <span className="badge badge-ingress" title="Isolated for ingress: only traffic a rule allows can come in">
        ⇥ ingress isolated
      </span>
    );
  }
  return egress ? (
    <span className="badge badge-egress" title="Isolated for egress: only traffic a rule allows can go out">
      ↦ egress isolated
    </span>
  ) : null;
}

const SHIELD = 'M10 1.5 18 4.5V10c0 5.2-3.4 9-8 10.5C5.4 19 2 15.2 2 10V4.5Z';

/**
 * A shield per cluster-wide tier with rules for a workload: solid `A` for Admin (decides first),
 * outlined `B` for Baseline (decides only what nothing else did). The title names the policies.
 */
export function TierMarks({ tiers, title }: { tiers: readonly ClusterTier[]; title?: string }) {
  return (
    <span className="tier-marks" title={title} role="img" aria-label={title ?? tiers.map((t) => (t === 'admin' ? 'Admin' : 'Baseline')).join(', ')} data-testid="tier-marks">
      {tiers.map((tier) => (
        <svg key={tier} className={`tier-mark tier-${tier}`} width="20" height="22" viewBox="0 0 20 22" aria-hidden="true">
          <path d={SHIELD} />
          <text x="10" y="12" textAnchor="middle" dominantBaseline="central">
            {tier === 'admin' ? 'A' : 'B'}
          </text>
        </svg>
      ))}
    </span>
  );
}

/** A policy selecting the workload likely does not say what was meant: the tooltip says why (Problems has the rest). */
function GotchaMark({ title }: { title: string }) {
  return (
    <span className="gotcha-mark" title={title} role="img" aria-label={`Gotcha: ${title}`} data-testid="gotcha-mark">
      !
    </span>
  );
}

const WorkloadView = memo(function WorkloadView({ data }: NodeProps<WorkloadNode>) {
  return (
    <div className="node-workload">
      <Handles connectFrom={data.name} />
      <div className="node-head">
        <div className="node-title" title={data.name}>
          {data.name}
        </div>
        {data.cluster && <TierMarks tiers={data.cluster.tiers} title={data.cluster.title} />}
        {data.gotchas && <GotchaMark title={data.gotchas} />}
      </div>
      <div className="node-kind">{data.kind}</div>
      <ul className="node-labels">
        {data.labels.map((label) => (
          <li key={label} title={label}>
            {label}
          </li>
        ))}
      </ul>
      {(data.isolatedIngress || data.isolatedEgress) && (
        <div className="node-badges">
          <IsolationBadge ingress={data.isolatedIngress} egress={data.isolatedEgress} />
        </div>
      )}
    </div>
  );
});

const ExternalView = memo(function ExternalView({ data }: NodeProps<ExternalNode>) {
  return (
    <div className="node-external">
      <Handles connectFrom="external addresses" />
      <div className="node-title">External addresses</div>
      <ul className="node-ranges">
        {data.ranges.map((range) => (
          <li key={range}>{range}</li>
        ))}
      </ul>
    </div>
  );
});

const NamespaceView = memo(function NamespaceView({ data }: NodeProps<NamespaceNode>) {
  return (
    <div className="group-header">
      <Handles />
      <span className="group-kind">namespace</span> <span className="group-name">{data.name}</span>
      {!data.declared && <span className="group-note" title="No Namespace object in the YAML declares it"> (implicit)</span>}
      {data.labels.length > 0 && <div className="group-labels">{data.labels.join('  ')}</div>}
    </div>
  );
});

/** A collapsed namespace: its name, how many workloads it stands for, and a button that opens it. */
const CollapsedNamespaceView = memo(function CollapsedNamespaceView({ id, data }: NodeProps<CollapsedNamespaceNode>) {
  const actions = useActionManager();
  const count = data.members.length;
  const expand = (event: MouseEvent) => {
    // The click opens the namespace; it is not also a click that selects the node.
    event.stopPropagation();
    actions.execute('expandNamespace', id);
  };
  return (
    <div className="node-collapsed">
      <Handles />
      <div className="node-head">
        <span className="group-kind">namespace</span>
        <span className="node-title" title={data.name}>
          {data.name}
          {!data.declared && <span className="group-note" title="No Namespace object in the YAML declares it"> (implicit)</span>}
        </span>
      </div>
      <div className="node-collapsed-row">
        <span className="node-count">
          {count} {count === 1 ? 'workload' : 'workloads'}
        </span>
        <button
          type="button"
          className="node-expand nodrag"
          onClick={expand}
          title="Expand: show its workloads (double-click, or + when selected)"
          aria-label={`Expand namespace ${data.name}`}
          data-testid="expand-namespace"
        >
          + Expand
        </button>
      </div>
      {data.labels.length > 0 && <div className="group-labels">{data.labels.join('  ')}</div>}
    </div>
  );
});

const ExternalGroupView = memo(function ExternalGroupView({ data }: NodeProps<ExternalGroupNode>) {
  return (
    <div className="group-header">
      <Handles />
      <span className="group-name">{data.title}</span>
    </div>
  );
});

export const nodeTypes: NodeTypes = {
  workload: WorkloadView,
  external: ExternalView,
  namespace: NamespaceView,
  collapsedNamespace: CollapsedNamespaceView,
  externalGroup: ExternalGroupView,
};
