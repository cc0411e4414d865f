/**
 * What crosses the boundary between the app and its evaluation session (same thread or a Web
 * Worker): plain, structured-cloneable data only. The session keeps the model's parser and the
 * engine's analyzer, and answers questions about the analysis it last made.
 */
import type { HeldBack } from '../../model';
import type { Diagnostic, DocumentLayout } from '../../model/source';
import type { SourceLocation } from '../../model/source';
import type { EndpointId, PairExplanation, PolicyFootprint, PolicyId, PortQuery, RuleAction, RuleRef } from '../../engine/types';
import type { ExpectationResult } from '../../engine/expectations';
import type { PolicyWords } from '../../engine/policy-words';
import type { AnalysisDelta } from './analysisDelta';
import type { PinnedComparison, PinRequest } from './comparison';
import type { Preview } from './preview';
import type { Gesture } from './gestures';
import type { EditPlan } from '../../plans';
import type { TextChange } from '../../model/text-changes';

/** The name the editor's text goes by: every document of it sits in this file. */
export const EDITOR_FILE = 'cluster.yaml';

/** The outcome of evaluating one revision of the text. */
export interface EvaluationResult {
  readonly revision: number;
  /**
   * The text was refused whole (too large, not text): `analysis` (when present) is from an
   * earlier revision. Errors in a text that is read never make it stale: what is valid is
   * evaluated, and objects being edited stand at their last valid version (`heldBack`).
   */
  readonly stale: boolean;
  /** The model's diagnostics for this revision (the engine's are in the analysis). */
  readonly diagnostics: readonly Diagnostic[];
  /** Where this revision's documents sit in the text: places its diagnostics' locations. */
  readonly documents: DocumentLayout;
  /** Objects evaluated at their last valid version while their document has errors. */
  readonly heldBack: readonly HeldBack[];
  /**
   * The new analysis as a delta from the previous result's (see analysisDelta.ts). Omitted when
   * the text was refused: the last analysis stays.
   */
  readonly analysis?: AnalysisDelta;
  /** Every ConnectivityExpectations document's expectations checked against it; with `analysis`. */
  readonly checks?: readonly Check[];
  /**
   * While a baseline is pinned (Compare): the analysis compared with it; with `analysis`, and left
   * out while it stays what the session last sent for that pin.
   */
  readonly comparison?: PinnedComparison;
}

/** One expectation checked, and the name of the document it is in. */
export interface Check {
  readonly document: string;
  readonly result: ExpectationResult;
}

/** An explanation plus its sentences, rendered where the engine lives. */
export interface ExplainedPair {
  readonly explanation: PairExplanation;
  readonly lines: readonly string[];
}

/**
 * A pair of which a cluster-wide Deny rule denied ports (some or all): the denied view says so.
 * The Analysis does not carry who denied a pair; the session works it out when asked.
 */
export interface ClusterDenial {
  readonly from: EndpointId;
  readonly to: EndpointId;
  /** The Deny rules that denied ports of the pair: the egress side's first, each side in the order consulted. */
  readonly rules: readonly RuleRef[];
}

/** One rule of a cluster-wide policy, as the policy panel lists it. */
export interface ClusterRuleSummary {
  readonly action: RuleAction;
  readonly name?: string;
  readonly location: SourceLocation;
}

/** The rules of one cluster-wide policy, per direction, in the order written (and consulted). */
export interface ClusterPolicyRules {
  readonly policy: PolicyId;
  readonly ingress: readonly ClusterRuleSummary[];
  readonly egress: readonly ClusterRuleSummary[];
}

export type Question =
  | { readonly kind: 'explain'; readonly from: EndpointId; readonly to: EndpointId; readonly query?: PortQuery }
  | { readonly kind: 'footprint'; readonly policy: PolicyId }
  /** The pairs of `endpoint`, both ways, that a cluster-wide Deny rule denies (some ports of). */
  | { readonly kind: 'clusterDenials'; readonly endpoint: EndpointId }
  /** The rules of every cluster-wide policy of the analysed revision. */
  | { readonly kind: 'clusterRules' }
  /** A policy in plain words (engine/policy-words.ts): on its own, and with the others deciding its pods. */
  | { readonly kind: 'policyWords'; readonly policy: PolicyId }
  /** What replacing the text `before` by `after` would change (preview.ts): a planned edit, reviewed. */
  | { readonly kind: 'preview'; readonly before: string; readonly after: string }
  /** The plans of a graph gesture on `text` (gestures.ts). */
  | { readonly kind: 'plan'; readonly text: string; readonly gesture: Gesture };

/** What each kind of question is answered with. */
interface Answers {
  readonly explain: ExplainedPair;
  /** A cluster-wide policy's lists at most 5000 denied pairs, and counts them all (`deniedPairs`). */
  readonly footprint: PolicyFootprint;
  readonly clusterDenials: readonly ClusterDenial[];
  readonly clusterRules: readonly ClusterPolicyRules[];
  readonly policyWords: PolicyWords;
  readonly preview: Preview;
  readonly plan: readonly EditPlan[];
}

/** The answer to `Q`: undefined before the first analysis, or for an unknown endpoint or policy. */
export type Answer<Q extends Question> = Answers[Q['kind']] | undefined;

/** Messages into a worker-hosted session. */
export type ToSession =
  /** A whole text; `fresh` when it replaced the previous one (nothing of it is held back). */
  | { readonly type: 'evaluate'; readonly revision: number; readonly text: string; readonly fresh: boolean }
  /** The text of the previous message's revision, edited by `batches` in order. */
  | { readonly type: 'edit'; readonly revision: number; readonly batches: readonly (readonly TextChange[])[] }
  | { readonly type: 'ask'; readonly id: number; readonly question: Question }
  /** Pins Compare's baseline (null: unpins); answered as a question is, with the comparison if known at once. */
  | { readonly type: 'pin'; readonly id: number; readonly request: PinRequest | null };

/** Messages out of a worker-hosted session. */
export type FromSession =
  | { readonly type: 'result'; readonly result: EvaluationResult }
  | { readonly type: 'answer'; readonly id: number; readonly answer: unknown };
