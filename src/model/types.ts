/**
 * Typed Kubernetes resources as the model hands them to the engine.
 * Pure types (and a few constants): the engine imports this file, so it must never import `yaml`.
 *
 * The model keeps what the user wrote, including the difference between an absent field and an
 * empty one; the engine's compiler decides what those mean (see engine/compile.ts).
 */
import type { SourceLocation } from './source';

export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const WORKLOAD_KINDS = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/** A validated metav1.LabelSelector. `{}` (both parts empty) selects everything. */
export interface LabelSelector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly LabelRequirement[];
}

/** An inclusive address range of one IP family; addresses as unsigned integers. */
export interface IpRange {
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

/** A parsed CIDR with host bits masked off; `text` is the canonical `addr/len` form. */
export interface Cidr extends IpRange {
  readonly text: string;
}

export interface NamespaceResource {
  readonly name: string;
  /** Labels as written; the automatic `kubernetes.io/metadata.name` is added by the engine. */
  readonly labels: Labels;
  readonly location: SourceLocation;
}

export interface ContainerPort {
  readonly name?: string;
  readonly port: number;
  /** Absent means TCP (decided by the engine). */
  readonly protocol?: Protocol;
}

/** The controlling ownerReference of a Pod (never a Node: such pods have no owner here). */
export interface OwnerRef {
  readonly kind: string;
  readonly name: string;
}

/**
 * One Pod object, or one controller object with its pod template.
 * For controllers, labels and ports come from the pod template (CronJob: jobTemplate's template);
 * ports include init containers with `restartPolicy: Always` (sidecars).
 */
export interface WorkloadResource {
  readonly kind: WorkloadKind;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  /** From status.podIP / status.podIPs; Pods only, empty when unknown. */
  readonly podIPs: readonly IpRange[];
  /** Pods only: the controlling owner, which the engine groups the pod into. */
  readonly owner?: OwnerRef;
  readonly location: SourceLocation;
}

export type PolicyType = 'Ingress' | 'Egress';

export interface IpBlockPeer {
  readonly cidr: Cidr;
  readonly except: readonly Cidr[];
}

/** One element of `from` / `to`: at least one of the three parts is present (else rejected). */
export interface PolicyPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: IpBlockPeer;
  readonly location: SourceLocation;
}

export interface PolicyPort {
  /** Absent means TCP (decided by the engine). */
  readonly protocol?: Protocol;
  /** Absent means every port; a string is a named container port. */
  readonly port?: number | string;
  readonly endPort?: number;
  readonly location: SourceLocation;
}

export interface PolicyRule {
  /** `from` (ingress) or `to` (egress). `undefined` = field absent; `[]` = present but empty. */
  readonly peers?: readonly PolicyPeer[];
  /** `undefined` = field absent; `[]` = present but empty. */
  readonly ports?: readonly PolicyPort[];
  readonly location: SourceLocation;
}

export interface NetworkPolicyResource {
  readonly namespace: string;
  /** No `metadata.namespace` was written: `namespace` is `default`. */
  readonly namespaceDefaulted?: true;
  readonly name: string;
  readonly podSelector: LabelSelector;
  /** `undefined` = field absent (the engine applies the defaulting rule). */
  readonly policyTypes?: readonly PolicyType[];
  /** `undefined` = field absent; `[]` = present but empty. */
  readonly ingress?: readonly PolicyRule[];
  readonly egress?: readonly PolicyRule[];
  /** The whole document. */
  readonly location: SourceLocation;
  /** The `metadata.name` value, for pointing at the policy itself. */
  readonly nameLocation: SourceLocation;
  /** Gotcha codes its document silences (`# netpol-canvas: ignore <code> …`); absent when none. */
  readonly silenced?: readonly string[];
}

// ---- Cluster-wide policies (network-policy-api): read as one shape whatever their version ----

/**
 * `ClusterNetworkPolicy` (policy.networking.k8s.io/v1alpha2), and the v1alpha1 kinds it replaced:
 * `AdminNetworkPolicy` (the Admin tier) and `BaselineAdminNetworkPolicy` (the Baseline tier).
 */
export const CLUSTER_POLICY_KINDS = ['ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'] as const;
export type ClusterPolicyKind = (typeof CLUSTER_POLICY_KINDS)[number];

/** Admin rules come before NetworkPolicies, Baseline rules after them. */
export type ClusterTier = 'Admin' | 'Baseline';

/** v1alpha1's `Allow` is read as `Accept`. */
export type ClusterRuleAction = 'Accept' | 'Deny' | 'Pass';

/**
 * Which pods a cluster policy applies to: those in namespaces matching `namespaces` (and, when
 * set, matching `pods`). `subject.namespaces: S` reads as `{ namespaces: S }`; `subject.pods:
 * {namespaceSelector, podSelector}` as `{ namespaces, pods }` (an absent namespaceSelector is `{}`).
 */
export interface ClusterSubject {
  readonly namespaces: LabelSelector;
  readonly pods?: LabelSelector;
  readonly location: SourceLocation;
}

export type ClusterPeer =
  /** Pods in namespaces matching `namespaces` (and `pods`, when set): the `namespaces` and `pods` peers. */
  | { readonly kind: 'pods'; readonly namespaces: LabelSelector; readonly pods?: LabelSelector; readonly location: SourceLocation }
  /** Egress only: addresses in these CIDRs — outside addresses and pod IPs alike. */
  | { readonly kind: 'networks'; readonly cidrs: readonly Cidr[]; readonly location: SourceLocation }
  /** Egress only, experimental channel: node addresses, which the input never holds. */
  | { readonly kind: 'nodes'; readonly nodes: LabelSelector; readonly location: SourceLocation }
  /** Egress only, experimental channel: resolved by DNS when traffic flows, not from manifests. */
  | { readonly kind: 'domainNames'; readonly names: readonly string[]; readonly location: SourceLocation };

/**
 * One `protocols` (v1alpha2) or `ports` (v1alpha1) item: a port or an inclusive range of one
 * protocol, or a named container port of the destination pod (its protocol comes from there).
 */
export type ClusterPort =
  | { readonly kind: 'number'; readonly protocol: Protocol; readonly port: number; readonly endPort?: number; readonly location: SourceLocation }
  | { readonly kind: 'named'; readonly name: string; readonly location: SourceLocation };

export interface ClusterRule {
  readonly name?: string;
  readonly action: ClusterRuleAction;
  /** `from` (ingress) or `to` (egress): at least one. */
  readonly peers: readonly ClusterPeer[];
  /** `undefined`: every protocol and port. */
  readonly ports?: readonly ClusterPort[];
  readonly location: SourceLocation;
}

export interface ClusterPolicyResource {
  readonly kind: ClusterPolicyKind;
  readonly name: string;
  readonly tier: ClusterTier;
  /** 0–1000, lower first. A BaselineAdminNetworkPolicy has none: 0 (there is only one). */
  readonly priority: number;
  readonly subject: ClusterSubject;
  /** Rules in the order written: the first that matches decides. */
  readonly ingress: readonly ClusterRule[];
  readonly egress: readonly ClusterRule[];
  /** The whole document. */
  readonly location: SourceLocation;
  readonly nameLocation: SourceLocation;
}

/** Everything the engine evaluates: only objects the API server would accept. */
export interface ClusterResources {
  readonly namespaces: readonly NamespaceResource[];
  readonly workloads: readonly WorkloadResource[];
  readonly policies: readonly NetworkPolicyResource[];
  readonly clusterPolicies: readonly ClusterPolicyResource[];
}

// ---- connectivity expectations (netpol-canvas/v1alpha1) -----------------------------------------

/** Who an expectation is about: one endpoint by id, workloads by namespace and labels, or outside addresses. */
export type EndpointPattern =
  | { readonly type: 'endpoint'; readonly id: string; readonly location: SourceLocation }
  | {
      readonly type: 'selector';
      /** Absent: every namespace. */
      readonly namespace?: string;
      /** Every one must match; empty: any labels. */
      readonly labels: Labels;
      readonly location: SourceLocation;
    }
  | { readonly type: 'addresses'; readonly range: IpRange; readonly text: string; readonly location: SourceLocation };

/** `TCP/80`, `TCP/8000-8080`, or `UDP` (every port of it). */
export interface ExpectedPorts {
  readonly protocol: Protocol;
  readonly first: number;
  readonly last: number;
}

export type ExpectedVerdict = 'allowed' | 'denied';

export interface Expectation {
  /** Absent: any source. */
  readonly from?: EndpointPattern;
  /** Absent: any destination (never with `only`, which needs a destination). */
  readonly to?: EndpointPattern;
  /** Absent: every port of every protocol. */
  readonly ports?: readonly ExpectedPorts[];
  /** Exactly one of `expect` and `only`. */
  readonly expect?: ExpectedVerdict;
  /** The only sources that may reach `to` on `ports`; they themselves are not checked. */
  readonly only?: readonly EndpointPattern[];
  /** Its place in `spec.expectations`, from 0. */
  readonly index: number;
  readonly location: SourceLocation;
}

/** A ConnectivityExpectations document: checked against the cluster, never part of it. */
export interface ExpectationsResource {
  readonly name: string;
  readonly expectations: readonly Expectation[];
  readonly location: SourceLocation;
  readonly nameLocation: SourceLocation;
}
