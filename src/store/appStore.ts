/**
 * The one app store (zustand/vanilla, so unit tests and scripts use it without React).
 * It keeps inputs — the YAML text, the cursor, the selection, view choices, node positions — and
 * the latest evaluation result; everything else is derived by selectors (selectors.ts, ui/…).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { locator } from '../model';
import type { SourceLocation } from '../model/source';
import type { EvaluationResult, Question, Answer } from './evaluation/protocol';
import type { PinnedComparison } from './evaluation/comparison';
import type { Evaluator, ResultListener } from './evaluation/evaluator';
import type { TextChange } from '../model/text-changes';
import { applyDelta } from './evaluation/analysisDelta';
import { markTextChange } from './recomputeTiming';
import { viewShowing } from './graphView';
import type {
  BaselineOrigin,
  CentreRequest,
  Comparing,
  CursorPosition,
  EditPlan,
  EditRequest,
  Evaluated,
  LineEdit,
  RevisionLineEdits,
  ReplacedWork,
  ReplaceReason,
  RevealRequest,
  ReviewRequest,
  Selection,
  ViewState,
  WhyNotForm,
  XY,
} from './types';

export interface AppState {
  /**
   * The current text, read on demand: while typing, it is the editor's own model, so a keystroke
   * in a 4 MB document does not copy 4 MB (the worker gets the edits, not the text).
   */
  readonly readText: () => string;
  /** Increments on every text change; results carry the revision they were computed from. */
  readonly revision: number;
  readonly cursor: CursorPosition | null;
  readonly selection: Selection;
  readonly view: ViewState;
  readonly whyNot: WhyNotForm;
  /** Node positions by node id (children relative to their group), from layout or dragging. */
  readonly positions: Readonly<Record<string, XY>>;
  /** The work the latest `replaceText` replaced (persistence/keeper.ts keeps it as a restore point). */
  readonly replaced: ReplacedWork | null;
  readonly reveal: RevealRequest | null;
  /** A change a command wrote, waiting for the editor (which applies it as typing would, one undo step). */
  readonly pendingEdit: EditRequest | null;
  /** The node the graph should centre on next (showInGraph); the graph does when it draws it. */
  readonly centreOn: CentreRequest | null;
  /** A planned edit shown for review before it is written (proposeEdit). */
  readonly review: ReviewRequest | null;
  readonly evaluated: Evaluated;
  /**
   * Compare: the baseline pinned and what changed since. Pinned when work is opened (`load`,
   * `replaceText`, the text the store starts with — unless blank: everything would be new) or by
   * `pinNow`; not saved (a reload pins the work it opens with).
   */
  readonly comparing: Comparing | null;
  /**
   * How the edits the graph does not show yet moved lines (newest last): the evaluated layout is
   * of an older text, and this maps the cursor back to it. Empty after a whole-text change.
   */
  readonly unshownLineEdits: readonly RevisionLineEdits[];
  readonly actions: AppActions;
}

export interface AppActions {
  /** Replaces the whole text (the editor follows). */
  setText(text: string): void;
  /**
   * The user edited the text: `changes` turn the previous text into the new one (see
   * model/text-changes.ts), `lines` say how they moved lines, and `readText` reads the new text (the
   * editor's model; read only when something needs the whole text).
   */
  edit(readText: () => string, changes: readonly TextChange[], lines: readonly LineEdit[]): void;
  /** Opens another document (an example, a file): its text, and a fresh picture of it. */
  load(text: string): void;
  /**
   * Opens other work — New, an example, a file, a share link, a restore point — without losing
   * the current one: it is recorded in `replaced` first, and the keeper keeps it as a restore
   * point. With `positions` (a restore point, a share link) the layout comes back too; else the
   * new text is laid out afresh, as `load` does.
   */
  replaceText(text: string, reason: ReplaceReason, positions?: Readonly<Record<string, XY>>): void;
  setCursor(cursor: CursorPosition | null): void;
  select(selection: Selection): void;
  setView(view: Partial<ViewState>): void;
  setWhyNot(form: Partial<WhyNotForm>): void;
  /** Merges positions; `replace` drops all others (a fresh layout). */
  setPositions(positions: Readonly<Record<string, XY>>, replace?: boolean): void;
  /** Shows a location of the evaluated text in the editor (and highlights it). */
  reveal(location: SourceLocation): void;
  /**
   * Writes changes into the text through the editor, in order (see `applyChanges`): one undo step,
   * the rest of the text untouched.
   */
  applyEdit(changes: TextChange | readonly TextChange[]): void;
  /** Shows a planned edit for review (the Review change dialog): written only when the user applies it. */
  proposeEdit(plan: EditPlan): void;
  /** Writes the edit under review (one undo step) if the text is still the one it was planned on; closes the review. */
  applyReview(): void;
  closeReview(): void;
  /**
   * Shows a node of the graph (an id of src/ui/graph/ids.ts: a workload's, a namespace's, an
   * address group's): opens its namespace, leaves a focus that would hide it, selects it and
   * centres the graph on it. Does nothing for a node the graph does not have.
   */
  showInGraph(id: string): void;
  /** Asks the evaluation session about the graph on screen. */
  ask<Q extends Question>(question: Q): Promise<Answer<Q>>;
  /** Compare: pins the text as it is now as the baseline. */
  pinNow(): void;
  /** Compare: unpins the baseline (the graph's marks go). */
  unpin(): void;
}

export type AppStore = StoreApi<AppState>;

export interface AppStoreOptions {
  readonly text: string;
  /** Builds the evaluator; results must be handed to the listener. */
  readonly evaluator: (onResult: ResultListener) => Evaluator;
  readonly view?: Partial<ViewState>;
  /** The layout to open with (restored work): nodes without a position are laid out as usual. */
  readonly positions?: Readonly<Record<string, XY>>;
  /** The clock a baseline's time is read from (tests pass their own). */
  readonly now?: () => number;
  /** What the text opened with is, as Compare's baseline (a share link's, say); `start` if absent. */
  readonly opened?: BaselineOrigin;
}

/** What a view shows of other work: nothing of the old text's graph (its choices name its nodes). */
const FRESH_GRAPH_VIEW = { deniedFor: null, policy: null, namespaces: null, focus: null } as const;

const LEAVES_LESSON: ReadonlySet<ReplaceReason> = new Set(['new', 'example', 'file']);

const NOTHING_EVALUATED: Evaluated = {
  revision: -1,
  stale: false,
  diagnostics: [],
  documents: [],
  heldBack: [],
  analysis: undefined,
  analysisRevision: -1,
  checks: [],
};

/**
 * Folds a result into the previous state. Results arrive in order from one session (analysis
 * deltas chain on that); a result older than the one shown is ignored.
 */
export function mergeResult(previous: Evaluated, result: EvaluationResult): Evaluated {
  if (result.revision <= previous.revision) return previous;
  return {
    revision: result.revision,
    stale: result.stale,
    diagnostics: result.diagnostics,
    documents: result.documents,
    heldBack: result.heldBack,
    analysis: result.analysis ? applyDelta(previous.analysis, result.analysis) : previous.analysis,
    analysisRevision: result.analysis ? result.revision : previous.analysisRevision,
    checks: result.checks ?? previous.checks,
  };
}

export function createAppStore(options: AppStoreOptions): AppStore {
  let evaluator: Evaluator | undefined;
  let revealSeq = 0;
  let editSeq = 0;
  let replacedSeq = 0;
  let centreSeq = 0;
  let reviewSeq = 0;
  let pinSeq = 0;
  const now = options.now ?? Date.now;
  /** A comparison the session sent, if it is about the baseline pinned now (a result may carry an older pin's). */
  const takeComparison = (pinned: PinnedComparison) => {
    const { comparing } = store.getState();
    if (comparing?.baseline.pin === pinned.pin) store.setState({ comparing: { ...comparing, comparison: pinned.comparison } });
  };
  /** Pins the current revision's text as the baseline (or unpins, for a blank text: everything would be new). */
  const pinBaseline = (origin: BaselineOrigin | null) => {
    const { revision, readText } = store.getState();
    if (origin === null || readText().trim() === '') {
      store.setState({ comparing: null });
      void evaluator?.pin(null);
      return;
    }
    const pin = ++pinSeq;
    store.setState({ comparing: { baseline: { origin, at: now(), pin }, comparison: null } });
    // A result that already brought this pin's comparison is newer than this answer (same-thread sessions).
    void evaluator?.pin({ pin, revision }).then((pinned) => {
      if (pinned && store.getState().comparing?.comparison === null) takeComparison(pinned);
    });
  };
  const store = createStore<AppState>()((set, get) => ({
    readText: () => options.text,
    revision: 0,
    cursor: null,
    selection: null,
    view: {
      theme: 'system',
      inspector: 'details',
      ...FRESH_GRAPH_VIEW,
      lesson: null,
      pane: 'graph',
      matrix: { protocol: 'any', port: '' },
      presentation: false,
      panelCollapsed: false,
      allTraffic: 'faint',
      ...options.view,
    },
    whyNot: { from: null, to: null, protocol: 'TCP', port: '' },
    positions: options.positions ?? {},
    replaced: null,
    reveal: null,
    pendingEdit: null,
    centreOn: null,
    review: null,
    evaluated: NOTHING_EVALUATED,
    comparing: null,
    unshownLineEdits: [],
    actions: {
      setText(text) {
        if (text === get().readText()) return;
        const revision = get().revision + 1;
        markTextChange(revision);
        const readText = () => text;
        set({ readText, revision, unshownLineEdits: [] });
        evaluator?.evaluate(revision, readText);
      },
      edit(readText, changes, lines) {
        const revision = get().revision + 1;
        markTextChange(revision);
        set({ readText, revision, unshownLineEdits: [...get().unshownLineEdits, { revision, edits: lines }] });
        evaluator?.evaluate(revision, readText, changes);
      },
      load(text) {
        open(text);
        pinBaseline('loaded');
      },
      replaceText(text, reason, positions) {
        const { readText, positions: current, actions } = get();
        set({ replaced: { work: { text: readText(), positions: current }, reason, seq: ++replacedSeq } });
        // Other work (new, an example, a file) leaves a lesson; its own texts and restore points do not.
        if (LEAVES_LESSON.has(reason)) set({ view: { ...get().view, lesson: null } });
        if (!positions) open(text);
        else {
          // The graph shows the old text until the new one is evaluated: keeping its positions
          // stops it from being laid out afresh meanwhile, which would write over these.
          set({ positions: { ...current, ...positions }, selection: null, view: { ...get().view, ...FRESH_GRAPH_VIEW } });
          actions.setText(text);
        }
        pinBaseline(reason === 'new' ? null : reason);
      },
      setCursor: (cursor) => set({ cursor }),
      select: (selection) => set({ selection }),
      setView: (view) => set({ view: { ...get().view, ...view } }),
      setWhyNot: (form) => set({ whyNot: { ...get().whyNot, ...form } }),
      setPositions: (positions, replace = false) =>
        set({ positions: replace ? positions : { ...get().positions, ...positions } }),
      reveal: (location) => set({ reveal: { range: locator(get().evaluated.documents)(location).range, seq: ++revealSeq } }),
      applyEdit: (changes) => set({ pendingEdit: { changes: 'offset' in changes ? [changes] : changes, seq: ++editSeq } }),
      proposeEdit: (plan) => set({ review: { plan, revision: get().revision, seq: ++reviewSeq } }),
      applyReview() {
        const { review, revision, actions } = get();
        if (review && review.revision === revision) actions.applyEdit(review.plan.changes);
        set({ review: null });
      },
      closeReview: () => set({ review: null }),
      showInGraph(id) {
        const { view, evaluated } = get();
        const shown = evaluated.analysis && viewShowing(view, evaluated.analysis, id);
        if (!shown) return;
        set({ view: { ...shown, inspector: 'details' }, selection: { kind: 'node', id }, centreOn: { node: id, seq: ++centreSeq } });
      },
      ask: (question) => evaluator!.ask(question),
      pinNow: () => pinBaseline('pinned'),
      unpin: () => pinBaseline(null),
    },
  }));
  /** Another document, and a fresh picture of it. */
  function open(text: string) {
    store.setState({ positions: {}, selection: null, view: { ...store.getState().view, ...FRESH_GRAPH_VIEW } });
    store.getState().actions.setText(text);
  }
  evaluator = options.evaluator((result) => {
    const { evaluated: previous, unshownLineEdits } = store.getState();
    const evaluated = mergeResult(previous, result);
    store.setState({
      evaluated,
      unshownLineEdits: unshownLineEdits.filter((e) => e.revision > evaluated.revision),
    });
    if (result.comparison) takeComparison(result.comparison);
  });
  markTextChange(0);
  evaluator.evaluate(0, () => options.text);
  pinBaseline(options.opened ?? 'start');
  return store;
}
