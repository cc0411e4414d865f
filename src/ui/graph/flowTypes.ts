/**
 * The React Flow node and edge shapes of the graph. `data` stays plain and serialisable: no
 * callbacks (components read the store instead), so nodes can be compared and reused.
 */
import type { Edge, Node } from '@xyflow/react';
import type { ConnectionSet, EndpointId, PolicyId } from '../../engine/types';
import type { EdgePair } from '../../store/types';

/** The cluster-wide tiers a Deny rule or a workload's rules come from. */
export type ClusterTier = 'admin' | 'baseline';

export interface NamespaceData extends Record<string, unknown> {
  readonly name: string;
  /** `key=value`, without the automatic kubernetes.io/metadata.name. */
  readonly labels: readonly string[];
  /** False when no Namespace object declares it (it only appears in metadata.namespace). */
  readonly declared: boolean;
}

/** A collapsed namespace: one node for its workloads (collapse.ts). */
export interface CollapsedNamespaceData extends NamespaceData {
  /** The workloads it stands for. */
  readonly members: readonly EndpointId[];
}

export interface WorkloadData extends Record<string, unknown> {
  readonly name: string;
  readonly kind: string;
  readonly labels: readonly string[];
  readonly isolatedIngress: boolean;
  readonly isolatedEgress: boolean;
  /** Cluster-wide policies with rules for it: their tiers (the badge) and who, which way (its tooltip). */
  readonly cluster?: { readonly tiers: readonly ClusterTier[]; readonly title: string };
  /** The gotcha warnings of the policies selecting it, one per line (gotchaMarks.ts): its badge's tooltip. */
  readonly gotchas?: string;
}

export interface ExternalData extends Record<string, unknown> {
  /** One line per address range of the group. */
  readonly ranges: readonly string[];
  /** Engine endpoint ids of the ranges; the first stands for the group in explanations. */
  readonly members: readonly EndpointId[];
}

export type NamespaceNode = Node<NamespaceData, 'namespace'>;
export type CollapsedNamespaceNode = Node<CollapsedNamespaceData, 'collapsedNamespace'>;
export type WorkloadNode = Node<WorkloadData, 'workload'>;
export type ExternalGroupNode = Node<{ readonly title: string } & Record<string, unknown>, 'externalGroup'>;
export type ExternalNode = Node<ExternalData, 'external'>;
export type FlowNode = NamespaceNode | CollapsedNamespaceNode | WorkloadNode | ExternalGroupNode | ExternalNode;

/**
 * `expected`: traffic a failing expectation expects and the pair does not allow (checkMarks.ts);
 * `lost`: traffic allowed at Compare's baseline and not now (compare/compareMarks.ts).
 */
export type EdgeKind = 'ports' | 'all' | 'denied' | 'expected' | 'lost';

export interface ConnectionData extends Record<string, unknown> {
  /** Engine endpoint ids of the ends (for an external group, its first member). */
  readonly from: EndpointId;
  readonly to: EndpointId;
  readonly kind: EdgeKind;
  readonly label: string;
  /**
   * What the engine allows between the pair (nothing: absent in the denied view); aggregates sum
   * their pairs' up for their label. Absent on a shown policy's denied pairs.
   */
  readonly allowed?: ConnectionSet;
  /**
   * For a bundle (see bundle.ts): the edges it stands for, as (source node, target node) ids. Each
   * of them allows what `label` says (without its ` ×N`).
   */
  readonly members?: readonly (readonly [string, string])[];
  /**
   * For an aggregate (see collapse.ts): the edges it stands for between the parts of its ends,
   * each with its own label. `label` is their count and what any of them allows.
   */
  readonly pairs?: readonly EdgePair[];
  /** Where along the edge the label sits (see labelPlacement.ts); the default when absent. */
  readonly labelAt?: number;
  /** Set while something is focused: edges that belong to it are strong, the rest dim. */
  readonly emphasis?: 'strong' | 'dim';
  /** A denied pair that a cluster-wide Deny rule of this tier denies (some ports of): its own style. */
  readonly denyTier?: ClusterTier;
  /** A second label line: which cluster-wide Deny rule, in short (`Admin Deny: guardrails`). */
  readonly note?: string;
  /** What the label says in full: the edge's tooltip. */
  readonly title?: string;
  /** Drawn for this shown policy: a pair its Deny rules deny, beside the allowed connections. */
  readonly ofPolicy?: PolicyId;
  /** It draws traffic a failing expectation says should be denied (checkMarks.ts). */
  readonly failing?: boolean;
  /**
   * What its pairs gained since Compare's baseline (compare/compareMarks.ts): `+ TCP 443`, a badge
   * under the label (not part of it: the label still says what is allowed), and its tooltip.
   */
  readonly gained?: { readonly label: string; readonly title: string };
  /** One of the `All` edges into a node drawn together into a trunk (fans.ts; view.allTraffic `bundled`). */
  readonly fan?: EdgeFan;
}

/**
 * Where a fan's lines meet (graph coordinates), which of its edges carries the label (`lead`, an
 * edge id: the others show none, and read as the lead's label) and how many lines it joins.
 */
export interface EdgeFan {
  readonly x: number;
  readonly y: number;
  readonly lead: string;
  readonly size: number;
}

export type FlowEdge = Edge<ConnectionData>;

