/**
 * What crosses the boundary between the app and its evaluation session (same thread or a Web
 * Worker): plain, structured-cloneable data only. The session keeps the engine's analysis (it
 * holds closures and cannot be cloned) and answers questions about it.
 */
import type { Diagnostic } from '../../model/source';
import type { Analysis, EndpointIsolation, PolicySummary } from '../../engine';
import type { EndpointId, PairExplanation, PolicyId, PortQuery } from '../../engine/types';
import type { GraphDelta } from './graphDelta';
import type { TextChange } from './textChanges';

/** Which policies isolate an endpoint, per direction (the engine's own type). */
export type Isolation = EndpointIsolation;

/** A policy and the workload endpoints its podSelector selects (the engine's own type). */
export type PolicyInfo = PolicySummary;

/** The cloneable part of an analysis: all the graph needs. */
export type GraphData = Pick<Analysis, 'namespaces' | 'endpoints' | 'connections' | 'policies' | 'isolation'>;

/** The outcome of evaluating one revision of the text. */
export interface EvaluationResult {
  readonly revision: number;
  /** The text had errors: `graph` (when present) is from an earlier, valid revision. */
  readonly stale: boolean;
  /** The model's diagnostics for this revision, plus the engine's when the graph is fresh. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The new graph as a delta from the previous result's (see graphDelta.ts). Omitted when the
   * text is invalid: the last good graph stays.
   */
  readonly graph?: GraphDelta;
}

/** A policy's footprint in the graph, for highlighting. */
export interface PolicyFootprint {
  readonly policy: PolicyId;
  readonly selects: readonly EndpointId[];
  /** Connections (`from`, `to`) to which one of its rules contributes allowed ports. */
  readonly edges: readonly (readonly [EndpointId, EndpointId])[];
}

/** An explanation plus its sentences, rendered where the engine lives. */
export interface ExplainedPair {
  readonly explanation: PairExplanation;
  readonly lines: readonly string[];
}

export type Question =
  | { readonly kind: 'explain'; readonly from: EndpointId; readonly to: EndpointId; readonly query?: PortQuery }
  | { readonly kind: 'footprint'; readonly policy: PolicyId };

export type Answer<Q extends Question> = Q extends { kind: 'explain' }
  ? ExplainedPair | undefined
  : PolicyFootprint | undefined;

/** Messages into a worker-hosted session. */
export type ToSession =
  | { readonly type: 'evaluate'; readonly revision: number; readonly text: string }
  /** The text of the previous message's revision, edited by `batches` in order. */
  | { readonly type: 'edit'; readonly revision: number; readonly batches: readonly (readonly TextChange[])[] }
  | { readonly type: 'ask'; readonly id: number; readonly question: Question };

/** Messages out of a worker-hosted session. */
export type FromSession =
  | { readonly type: 'result'; readonly result: EvaluationResult }
  | { readonly type: 'answer'; readonly id: number; readonly answer: unknown };
