/** The app state's vocabulary: inputs the user gives, and what the evaluation sends back. */
import type { HeldBack } from '../model';
import type { Diagnostic, DocumentLayout, SourceRange } from '../model/source';
import type { Protocol } from '../model/types';
import type { TextChange } from '../model/text-changes';
import type { EditPlan } from '../plans';
import type { Analysis, EndpointId, PolicyId } from '../engine/types';
import type { Check } from './evaluation/protocol';
import type { Comparison } from './evaluation/comparison';

/** What a graph gesture writes (src/plans), as the Review change dialog shows it. */
export type { EditPlan };

/** A graph edge: its id, and the engine endpoints of the pair it stands for. */
export interface EdgeRef {
  readonly id: string;
  readonly from: EndpointId;
  readonly to: EndpointId;
  /**
   * For a bundle of edges: the graph edges it stands for, as (source node, target node) ids;
   * `from`/`to` is a pair of the first.
   */
  readonly members?: readonly (readonly [string, string])[];
  /**
   * For an aggregate (the edges between a collapsed namespace and another node drawn as one): the
   * edges it stands for, each with its own label; `from`/`to` is a pair of the first.
   */
  readonly pairs?: readonly EdgePair[];
}

/** One edge an aggregate stands for: its nodes as they are drawn when open, and its label. */
export interface EdgePair {
  readonly source: string;
  readonly target: string;
  readonly label: string;
}

/** What is selected in the graph. Edge ends are engine endpoint ids (a group's representative). */
export type Selection = { readonly kind: 'node'; readonly id: string } | ({ readonly kind: 'edge' } & EdgeRef) | null;

export type ThemeChoice = 'system' | 'light' | 'dark';
/** `cluster`: the cluster-wide policies, a tab only while the input has some; `lesson` only in lesson mode. */
export type InspectorTab = 'details' | 'whyNot' | 'problems' | 'cluster' | 'checks' | 'lesson' | 'compare';

/** What the main pane shows: the graph, or the truth table (src/ui/matrix). */
export type MainPane = 'graph' | 'matrix';

/** The traffic the truth table is about, as chosen: a protocol (or any) and a port as typed (blank: any). */
export interface MatrixTraffic {
  readonly protocol: Protocol | 'any';
  readonly port: string;
}

/**
 * How the graph draws connections that allow everything (`All`): faintly (the default, so the
 * restricted edges stand out; every edge stays, so the picture reads exactly), faintly and bundled
 * (those into one node meet in a trunk with one label), not at all (the graph then says how many
 * it leaves out, and what a missing edge now means), or like the others.
 */
export const ALL_TRAFFIC = ['faint', 'bundled', 'hidden', 'shown'] as const;
export type AllTraffic = (typeof ALL_TRAFFIC)[number];

/** Which edges of the node in focus the graph shows: into it, out of it, or both. */
export type FocusDirection = 'in' | 'out' | 'both';

/** The node the graph shows alone with its neighbours (a workload, an address group, a collapsed namespace). */
export interface GraphFocus {
  readonly node: string;
  readonly direction: FocusDirection;
}

/** Namespaces drawn open (`open: true`) or collapsed, except those in `except`, which are the other way. */
export interface NamespaceChoice {
  readonly open: boolean;
  readonly except: readonly string[];
}

export interface ViewState {
  readonly theme: ThemeChoice;
  /** When set, the graph shows what this endpoint cannot reach and what cannot reach it. */
  readonly deniedFor: EndpointId | null;
  /**
   * When set, the graph shows this policy: its subjects, the connections it accepts and, for a
   * cluster-wide policy, the pairs its Deny rules deny. Never together with `deniedFor`.
   */
  readonly policy: PolicyId | null;
  readonly inspector: InspectorTab;
  /** Which namespaces are open, as the user chose; null: by the graph's size (store/graphView.ts). */
  readonly namespaces: NamespaceChoice | null;
  /** When set, the graph shows only this node, its neighbours and the edges between them. */
  readonly focus: GraphFocus | null;
  readonly pane: MainPane;
  readonly matrix: MatrixTraffic;
  /** Lesson mode: the lesson open (public/lessons/<id>.yaml) and the student's progress in it. */
  readonly lesson: LessonProgress | null;
  /** Presentation mode: large text for a projector, high contrast, the graph fitted at a readable zoom. */
  readonly presentation: boolean;
  /** The side panel (inspector) folded to a strip, leaving its width to the graph. */
  readonly panelCollapsed: boolean;
  readonly allTraffic: AllTraffic;
}

/** Where a student is in a lesson: what they answered, how many hints they asked for. */
export interface LessonProgress {
  /** The lesson file's name without `.yaml`, e.g. `03-allow-by-pod-label`. */
  readonly id: string;
  /** The student's answer to each prediction, by its index; unanswered ones are absent. */
  readonly answers: Readonly<Record<number, 'allowed' | 'denied'>>;
  /** How many of the lesson's hints are shown (they come one at a time). */
  readonly hints: number;
}

/** A request to centre the graph on a node; `seq` makes a repeated request centre again. */
export interface CentreRequest {
  readonly node: string;
  readonly seq: number;
}

/** The "Why not?" form, as typed: the port stays text until it is asked. */
export interface WhyNotForm {
  readonly from: EndpointId | null;
  readonly to: EndpointId | null;
  readonly protocol: Protocol;
  readonly port: string;
}

/**
 * How one edit moved lines: lines `startLine..endLine` of the text before it became `added + 1`
 * lines, so every later line moved by `added - (endLine - startLine)`.
 */
export interface LineEdit {
  readonly startLine: number;
  readonly endLine: number;
  readonly added: number;
}

/** The line edits of one text revision, in the order they were applied. */
export interface RevisionLineEdits {
  readonly revision: number;
  readonly edits: readonly LineEdit[];
}

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** What a user would lose: the text and the layout (node positions, hand-moved or laid out). */
export interface Work {
  readonly text: string;
  readonly positions: Readonly<Record<string, XY>>;
}

/** Why `replaceText` replaced the work: restore points say what came after them. */
export type ReplaceReason = 'new' | 'example' | 'file' | 'share' | 'restore' | 'otherTab' | 'lesson' | 'solution';

/** The work the latest `replaceText` replaced; the keeper keeps it as a restore point. */
export interface ReplacedWork {
  readonly work: Work;
  readonly reason: ReplaceReason;
  /** Counts replacements, so replacing the same work twice is two events. */
  readonly seq: number;
}

/**
 * Where Compare's baseline came from: work opened (`replaceText`'s reason, `loaded` for `load`,
 * `start` for the text the app started with), or the text as it was when "Pin now" was pressed.
 */
export type BaselineOrigin = Exclude<ReplaceReason, 'new'> | 'loaded' | 'start' | 'pinned';

/** Compare's baseline: what it was and when (ms since the epoch); `pin` counts pins. */
export interface Baseline {
  readonly origin: BaselineOrigin;
  readonly at: number;
  readonly pin: number;
}

/** Compare, while a baseline is pinned: the baseline, and what changed since (null until the session says). */
export interface Comparing {
  readonly baseline: Baseline;
  readonly comparison: Comparison | null;
}

/** A 1-based editor position. */
export interface CursorPosition {
  readonly line: number;
  readonly column: number;
  /**
   * The line whose content the cursor is in (model `contentLineAt`): blank and comment lines
   * belong to the content above them, so Enter at the end of a policy stays in the policy.
   */
  readonly contentLine: number;
}

/** A request to show a range of the editor's text; `seq` makes a repeated click reveal again. */
export interface RevealRequest {
  readonly range: SourceRange;
  readonly seq: number;
}

/**
 * Changes a command wrote, applied in order (each to the text the previous ones made, as
 * `applyChanges` does), for the editor to apply as one undo step; `seq` tells two apart.
 */
export interface EditRequest {
  readonly changes: readonly TextChange[];
  readonly seq: number;
}

/** A planned edit waiting for the user's review (the Review change dialog), and the revision it was planned on. */
export interface ReviewRequest {
  readonly plan: EditPlan;
  /** Once the text is edited, the plan's offsets no longer apply: the dialog says so. */
  readonly revision: number;
  readonly seq: number;
}

/** A diagnostic, and where it is in the editor's text: what the problems list and markers show. */
export interface Problem {
  readonly diagnostic: Diagnostic;
  readonly range: SourceRange;
}

/** The latest evaluation, merged: the analysis survives results that do not bring a new one. */
export interface Evaluated {
  /** Text revision the diagnostics and documents belong to (-1 before the first result). */
  readonly revision: number;
  /** The text of `revision` was refused whole: the analysis is an earlier revision's. */
  readonly stale: boolean;
  /** The model's diagnostics of `revision` (the engine's are in the analysis). */
  readonly diagnostics: readonly Diagnostic[];
  /** Where the documents of `revision` sit in the text: places every location of it. */
  readonly documents: DocumentLayout;
  /** Objects of `revision` evaluated at their last valid version while their document has errors. */
  readonly heldBack: readonly HeldBack[];
  readonly analysis: Analysis | undefined;
  /** Text revision the analysis was computed from: `revision` unless stale. */
  readonly analysisRevision: number;
  /** The expectations of that revision's text, checked against its analysis. */
  readonly checks: readonly Check[];
}
