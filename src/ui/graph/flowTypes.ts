/**
 * The React Flow node and edge shapes of the graph. `data` stays plain and serialisable: no
 * callbacks (components read the store instead), so nodes can be compared and reused.
 */
import type { Edge, Node } from '@xyflow/react';
import type { EndpointId } from '../../engine/types';

export interface NamespaceData extends Record<string, unknown> {
  readonly name: string;
  /** `key=value`, without the automatic kubernetes.io/metadata.name. */
  readonly labels: readonly string[];
  /** False when no Namespace object declares it (it only appears in metadata.namespace). */
  readonly declared: boolean;
}

export interface WorkloadData extends Record<string, unknown> {
  readonly name: string;
  readonly kind: string;
  readonly labels: readonly string[];
  readonly isolatedIngress: boolean;
  readonly isolatedEgress: boolean;
}

export interface ExternalData extends Record<string, unknown> {
  /** One line per address range of the group. */
  readonly ranges: readonly string[];
  /** Engine endpoint ids of the ranges; the first stands for the group in explanations. */
  readonly members: readonly EndpointId[];
}

export type NamespaceNode = Node<NamespaceData, 'namespace'>;
export type WorkloadNode = Node<WorkloadData, 'workload'>;
export type ExternalGroupNode = Node<{ readonly title: string } & Record<string, unknown>, 'externalGroup'>;
export type ExternalNode = Node<ExternalData, 'external'>;
export type FlowNode = NamespaceNode | WorkloadNode | ExternalGroupNode | ExternalNode;

export type EdgeKind = 'ports' | 'all' | 'denied';

export interface ConnectionData extends Record<string, unknown> {
  /** Engine endpoint ids of the ends (for an external group, its first member). */
  readonly from: EndpointId;
  readonly to: EndpointId;
  readonly kind: EdgeKind;
  readonly label: string;
  /**
   * For a bundle (see bundle.ts): the edges it stands for, as (source node, target node) ids. Each
   * of them allows what `label` says (without its ` ×N`).
   */
  readonly members?: readonly (readonly [string, string])[];
  /** Where along the edge the label sits (see labelPlacement.ts); the default when absent. */
  readonly labelAt?: number;
  /** Set while something is focused: edges that belong to it are strong, the rest dim. */
  readonly emphasis?: 'strong' | 'dim';
}

export type FlowEdge = Edge<ConnectionData>;

