/**
 * What a graph gesture asks for, and the plan that answers it: text changes for the editor to
 * apply as one edit, a one-line summary, and the side effects the gesture cannot avoid.
 */
import type { TextChange } from '../model/text-changes';
import type { Labels, Protocol } from '../model/types';

/** The YAML edits one gesture writes. */
export interface EditPlan {
  /** Touched ranges only, non-overlapping, from the end of the text backwards: apply in order (`applyChanges`). */
  readonly changes: readonly TextChange[];
  /** `Add an ingress rule to NetworkPolicy default/web allowing default/client on TCP 5432`. */
  readonly summary: string;
  /** Side effects the gesture cannot avoid, said before anything else. Empty: it does exactly what it says. */
  readonly warnings: readonly string[];
}

/** A workload as the graph shows it: an analysis' `WorkloadEndpoint` fits. */
export interface WorkloadParty {
  readonly type: 'workload';
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly labels: Labels;
}

/**
 * One end of a connection: a workload, every workload of a namespace, or outside addresses (a CIDR,
 * or an outside endpoint's id `first-last`, which rules can name only through CIDRs).
 */
export type Party =
  | WorkloadParty
  | { readonly type: 'namespace'; readonly name: string }
  | { readonly type: 'outside'; readonly cidr: string };

/** Which traffic: some ports of one protocol, or all of its ports. */
export interface Traffic {
  readonly protocol: Protocol;
  readonly ports: readonly number[] | 'all';
}

/** Which side of its pods a policy isolates. */
export type Isolation = 'ingress' | 'egress' | 'both';
