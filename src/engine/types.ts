/**
 * The engine's data: endpoints, port sets, connectivity and explanations.
 * Verdicts are data; sentences are rendered from them in engine/messages.ts.
 */
import type {
  ClusterPolicyKind,
  ContainerPort,
  IpRange,
  Labels,
  PolicyType,
  Protocol,
} from '../model/types';
import type { Diagnostic, SourceLocation } from '../model/source';

/** `ns/name[Kind]` for workloads, `first-last` address range for external endpoints. */
export type EndpointId = string & { readonly __brand: 'EndpointId' };
/**
 * `ns/name` of a NetworkPolicy; `<Kind>/name` of a cluster-wide policy (`ClusterNetworkPolicy/x`:
 * kinds start with a capital, namespace names never do, so the two never collide).
 */
export type PolicyId = string & { readonly __brand: 'PolicyId' };

/**
 * Where a policy's rules are consulted, per direction: cluster-wide Admin rules first (by
 * priority, first match decides), then the NetworkPolicies that isolate the pod, and only when
 * none does, cluster-wide Baseline rules.
 */
export type PolicyTier = 'admin' | 'networkPolicy' | 'baseline';

/** What a matching rule does with the ports it names: NetworkPolicy rules always accept. */
export type RuleAction = 'accept' | 'deny' | 'pass';

/**
 * One node of the graph: a bare Pod, a controller without Pods in the input, or the Pods of one
 * controlling owner that nothing in the input tells apart (when something does, each of those
 * Pods is its own `ns/<pod>[Pod]` endpoint instead; see engine/grouping.ts).
 */
export interface WorkloadEndpoint {
  readonly type: 'workload';
  readonly id: EndpointId;
  /** Workload kind, or the owner kind a Pod was grouped into (may be any controller kind). */
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /**
   * The labels it is matched with: its Pods' (the first Pod's, when they differ in keys that no
   * selector tells them apart by: see `varyingLabels`), else its controller's pod template.
   */
  readonly labels: Labels;
  /**
   * The label keys whose values (or presence) differ between the Pods of this endpoint, sorted;
   * absent when they agree. No selector of the input tells the Pods apart by them, so any Pod's
   * values give the same verdicts: show them as varying rather than as the first Pod's value in
   * `labels`.
   */
  readonly varyingLabels?: readonly string[];
  /** The container ports of its Pods (else of its pod template), without repeats. */
  readonly ports: readonly ContainerPort[];
  /** Pod IPs known from status, of all its Pods; matched against ipBlock peers. */
  readonly ips: readonly IpRange[];
  /** Every object that contributed to this endpoint (a controller, its Pods, or both). */
  readonly locations: readonly SourceLocation[];
}

export interface ExternalEndpoint {
  readonly type: 'external';
  readonly id: EndpointId;
  readonly kind: 'IPBlock';
  readonly range: IpRange;
}

export type Endpoint = WorkloadEndpoint | ExternalEndpoint;

export interface NamespaceInfo {
  readonly name: string;
  /** Including the automatic `kubernetes.io/metadata.name`. */
  readonly labels: Labels;
  readonly declared: boolean;
  readonly location?: SourceLocation;
}

/** Inclusive port range within 1..65535. */
export type PortRange = readonly [number, number];
/** Sorted, disjoint, non-adjacent ranges. */
export type PortSet = readonly PortRange[];
export type ConnectionSet = Readonly<Record<Protocol, PortSet>>;

export interface Connection {
  readonly from: EndpointId;
  readonly to: EndpointId;
  readonly allowed: ConnectionSet;
}

export type Direction = 'ingress' | 'egress';

/** Provenance of one compiled rule: enough to point back into the YAML. */
export interface RuleRef {
  readonly policy: PolicyId;
  readonly direction: Direction;
  /** Index of the rule in the policy's `ingress` / `egress` list. */
  readonly index: number;
  readonly location: SourceLocation;
  readonly tier: PolicyTier;
  readonly action: RuleAction;
  /** A cluster-wide rule's `name`, when it has one. */
  readonly name?: string;
}

export interface PolicyRef {
  readonly id: PolicyId;
  readonly kind: 'NetworkPolicy' | ClusterPolicyKind;
  /** A NetworkPolicy's namespace; cluster-wide policies have none. */
  readonly namespace?: string;
  readonly name: string;
  readonly location: SourceLocation;
  readonly nameLocation: SourceLocation;
  readonly tier: PolicyTier;
  /** A cluster-wide policy's priority in its tier (lower first). */
  readonly priority?: number;
  /** A NetworkPolicy's effective policyTypes: the directions it isolates. Cluster-wide: none. */
  readonly policyTypes: readonly PolicyType[];
}

/** Why a rule of an isolating policy did not allow (all of) the traffic. */
export type RuleMiss =
  /** The rule's peers do not include the other endpoint. */
  | { readonly kind: 'peer' }
  /** The peer matched, but the rule's ports allow nothing of the queried protocol. */
  | { readonly kind: 'protocol' }
  /** The peer matched and the protocol, but not the queried port. */
  | { readonly kind: 'port' }
  /** The peer matched, but every port of the rule is a name the destination does not define. */
  | { readonly kind: 'named-port-unresolved'; readonly names: readonly string[] };

export interface RuleVerdict {
  readonly rule: RuleRef;
  /** What this rule allows between the pair (empty when it does not apply). */
  readonly allowed: ConnectionSet;
  /** Set when the rule allows nothing for the pair (or not the queried port). */
  readonly miss?: RuleMiss;
}

/** Why a cluster-wide rule that matches the pair decided nothing (or not the queried port). */
export type TierMiss =
  | RuleMiss
  /** Earlier rules, or a higher-priority policy, already decided those ports. */
  | { readonly kind: 'decided-earlier' }
  /** NetworkPolicies isolate the side, so nothing reaches the Baseline tier. */
  | { readonly kind: 'not-reached' };

export interface TierRuleVerdict {
  readonly rule: RuleRef;
  /** The ports this rule decided for the pair, by its action: accepted, denied or passed on. */
  readonly decided: ConnectionSet;
  /** Set when it decided nothing for the pair (or not the queried port). */
  readonly miss?: TierMiss;
}

/** How the cluster-wide tiers took part in one side of a pair. */
export interface TierExplanation {
  /** The Admin policies with rules for the side, in the order consulted, and each rule's part. */
  readonly adminPolicies: readonly PolicyRef[];
  readonly admin: readonly TierRuleVerdict[];
  /** The ports the Admin tier passed on or left undecided: for NetworkPolicies, else Baseline. */
  readonly toNetworkPolicies: ConnectionSet;
  readonly baselinePolicies: readonly PolicyRef[];
  readonly baseline: readonly TierRuleVerdict[];
  /** The ports that reached Baseline: none when NetworkPolicies isolate the side. */
  readonly toBaseline: ConnectionSet;
}

/** One side of a pair: the source's egress or the destination's ingress. */
export interface SideExplanation {
  readonly direction: Direction;
  readonly endpoint: EndpointId;
  /** External endpoints are not pods: policies never isolate them. */
  readonly subjectToPolicies: boolean;
  /** NetworkPolicies that select the endpoint and have this direction in their policyTypes. */
  readonly isolatedBy: readonly PolicyRef[];
  /** Their rules (they decide only the ports in `tiers.toNetworkPolicies`, when tiers apply). */
  readonly rules: readonly RuleVerdict[];
  /** Present when cluster-wide policies have rules for the side. */
  readonly tiers?: TierExplanation;
  /**
   * What the side allows. Without tiers: everything when not isolated, else the union of the
   * rules' `allowed`. With tiers: what Admin accepts, plus what the NetworkPolicies allow of the
   * ports they decide, or what Baseline does not deny.
   */
  readonly allowed: ConnectionSet;
}

export interface PortQuery {
  readonly protocol: Protocol;
  /** Absent: any port of the protocol. */
  readonly port?: number;
}

export interface PairExplanation {
  readonly from: EndpointId;
  readonly to: EndpointId;
  readonly query?: PortQuery;
  readonly egress: SideExplanation;
  readonly ingress: SideExplanation;
  /** egress.allowed ∩ ingress.allowed. */
  readonly allowed: ConnectionSet;
  /** Whether the query (or, without one, anything at all) is allowed. */
  readonly verdict: boolean;
}

/** A policy and the workload endpoints its podSelector selects (in its namespace). */
export interface PolicySummary {
  readonly ref: PolicyRef;
  readonly selects: readonly EndpointId[];
}

/** The policies that decide one workload endpoint, per direction. */
export interface EndpointIsolation {
  /** The NetworkPolicies isolating it. */
  readonly ingress: readonly PolicyId[];
  readonly egress: readonly PolicyId[];
  /** The cluster-wide policies with rules for it, Admin then Baseline, in the order consulted. */
  readonly cluster?: { readonly ingress: readonly PolicyId[]; readonly egress: readonly PolicyId[] };
}

/**
 * What the engine says about one revision of a cluster: plain, structured-cloneable data (the
 * match tables behind it stay inside the Analyzer, which answers questions about them).
 */
export interface Analysis {
  readonly namespaces: readonly NamespaceInfo[];
  /** Workloads sorted by id, then external ranges in address order. */
  readonly endpoints: readonly Endpoint[];
  /** Every ordered pair of distinct endpoints with something allowed; absent pairs are denied. */
  readonly connections: readonly Connection[];
  readonly policies: readonly PolicySummary[];
  /** Per workload endpoint id: the policies isolating it per direction. */
  readonly isolation: ReadonlyMap<EndpointId, EndpointIsolation>;
  /** What the engine noticed: unresolved named ports, policies selecting nothing, … */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * An analysis whose connections are computed as they are read (`Analyzer.stream`), in the order of
 * `Analysis.connections`; each read computes them again.
 */
export interface StreamedAnalysis extends Omit<Analysis, 'connections'> {
  readonly connections: Iterable<Connection>;
}

/** A policy's footprint: what it selects, the connections one of its rules helps allow, what it denies. */
export interface PolicyFootprint {
  readonly policy: PolicyId;
  readonly selects: readonly EndpointId[];
  /** The (from, to) of each connection, in the order of `Analysis.connections`. */
  readonly connections: readonly (readonly [EndpointId, EndpointId])[];
  /**
   * A cluster-wide policy's: the (from, to) of pairs one of its Deny rules denies ports of, sorted;
   * at most FOOTPRINT_DENIES_LISTED (5000) of them, `deniedPairs` counting them all.
   */
  readonly denies?: readonly (readonly [EndpointId, EndpointId])[];
  readonly deniedPairs?: number;
}
