import { describe, expect, it } from 'vitest';
import { createAppStore, mergeResult } from './appStore';
import { createLocalEvaluator } from './evaluation/sessionHost';
import { heldEvaluator } from '../../test/support/held-evaluator';
import { selectCursorPolicy, selectFirstError, selectProblems } from './selectors';
import { lessonView } from './lessonProgress';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
`;
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-web
spec:
  podSelector:
    matchLabels:
      app: web
`;

const newStore = (text: string) => createAppStore({ text, evaluator: createLocalEvaluator });
/** Replaces the whole text as typing would (an edit, not a newly opened text). */
function typeText(store: ReturnType<typeof newStore>, text: string): void {
  const before = store.getState().readText();
  const lines = (t: string) => t.split('\n').length;
  store.getState().actions.edit(() => text, [{ offset: 0, length: before.length, text }], [{ startLine: 1, endLine: lines(before), added: lines(text) - 1 }]);
}

/** A cursor on a line with content (tests of blank lines say whose content they follow). */
const at = (line: number, column: number, contentLine = line) => ({ line, column, contentLine });

describe('app store', () => {
  it('opens a view saved before presentation mode with its defaults: off, the panel open, "All" edges faint', () => {
    const saved = { theme: 'dark', inspector: 'problems' } as const;
    const store = createAppStore({ text: '', evaluator: createLocalEvaluator, view: saved });
    expect(store.getState().view).toMatchObject({ ...saved, presentation: false, panelCollapsed: false, allTraffic: 'faint' });
    const presenting = createAppStore({ text: '', evaluator: createLocalEvaluator, view: { presentation: true, allTraffic: 'shown' } });
    expect(presenting.getState().view).toMatchObject({ presentation: true, allTraffic: 'shown' });
  });

  it('leaves a lesson for other work (new, an example, a file), not for the lesson\'s own texts', () => {
    const store = newStore(POD);
    const lesson = { id: '03-allow-by-pod-label', answers: {}, hints: 0 };
    const { actions } = store.getState();
    actions.setView({ lesson });
    actions.replaceText(POLICY, 'solution');
    expect(store.getState().view.lesson).toEqual(lesson);
    actions.replaceText(POD, 'restore');
    expect(store.getState().view.lesson).toEqual(lesson);
    actions.replaceText(POD, 'example');
    expect(store.getState().view.lesson).toBeNull();
  });

  it('writes a reviewed edit only when applied, and only onto the text it was planned on', () => {
    const store = newStore(POD);
    const plan = { changes: [{ offset: 0, length: 0, text: '# kept\n' }, { offset: 7, length: 0, text: '---\n' }], summary: 's', warnings: [] };
    store.getState().actions.proposeEdit(plan);
    expect(store.getState().review).toMatchObject({ plan, revision: store.getState().revision });
    expect(store.getState().pendingEdit).toBeNull();
    store.getState().actions.applyReview();
    expect(store.getState()).toMatchObject({ review: null, pendingEdit: { changes: plan.changes } });

    store.getState().actions.proposeEdit(plan);
    typeText(store, `${POD}# typed meanwhile\n`);
    const pending = store.getState().pendingEdit;
    store.getState().actions.applyReview();
    expect(store.getState().review).toBeNull();
    expect(store.getState().pendingEdit).toBe(pending);

    store.getState().actions.proposeEdit(plan);
    store.getState().actions.closeReview();
    expect(store.getState()).toMatchObject({ review: null, pendingEdit: pending });
  });

  it('lists no gotcha in a lesson, whose start holds the trap the student is to find', () => {
    const egress = `${POD}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: out, namespace: default}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n`;
    const store = newStore(egress);
    const codes = () => selectProblems(store.getState()).map((p) => p.diagnostic.code);
    expect(codes()).toContain('egress-without-dns');
    store.getState().actions.setView(lessonView('07-egress-and-the-dns-trap'));
    expect(codes()).not.toContain('egress-without-dns');
    expect(selectProblems(store.getState())).toBe(selectProblems(store.getState()));
  });

  it('evaluates the initial text and every change', () => {
    const store = newStore(POD);
    expect(store.getState().evaluated.analysis!.endpoints.map((e) => e.id)).toContain('default/web[Pod]');
    store.getState().actions.setText(`${POD}---\n${POLICY}`);
    const { evaluated, revision } = store.getState();
    expect(evaluated.revision).toBe(revision);
    expect(evaluated.analysis!.isolation.get('default/web[Pod]' as never)!.ingress).toEqual(['default/deny-web']);
  });

  it('evaluates a text with an error: what is being typed stands at its last valid version, and says where', () => {
    const store = newStore(POD);
    typeText(store, `${POD}  labels: {\n`);
    const { evaluated } = store.getState();
    expect(evaluated.stale).toBe(false);
    expect(evaluated.analysis!.endpoints.map((e) => e.id)).toContain('default/web[Pod]');
    expect(evaluated.heldBack.map(({ kind, name }) => `${kind} ${name}`)).toEqual(['Pod default/web']);
    expect(selectFirstError(store.getState())!.range.startLine).toBeGreaterThan(1);
  });

  it('leaves out an object that was never valid since the text was replaced', () => {
    const store = newStore(POD);
    store.getState().actions.setText(`${POD}  labels: {\n`);
    const { evaluated } = store.getState();
    expect(evaluated.analysis!.endpoints.map((e) => e.id)).not.toContain('default/web[Pod]');
    expect(evaluated.heldBack).toEqual([]);
  });

  it('finds the policy under the cursor, also while it stands at its last valid version', () => {
    const store = newStore(`${POD}---\n${POLICY}`);
    const { actions } = store.getState();
    actions.setCursor(at(3, 3));
    expect(selectCursorPolicy(store.getState())).toBeUndefined();
    actions.setCursor(at(12, 3));
    expect(selectCursorPolicy(store.getState())?.ref.name).toBe('deny-web');
    typeText(store, `${POD}---\n${POLICY}  ingress: [\n`);
    expect(store.getState().evaluated.heldBack.map((h) => h.name)).toEqual(['default/deny-web']);
    expect(selectCursorPolicy(store.getState())?.ref.name).toBe('deny-web');
  });

  it('finds the policy under the cursor through edits the graph does not show yet', () => {
    // Results wait until `deliver()`: the graph stays at the revision it was computed from.
    const { evaluator, deliver } = heldEvaluator();
    const text = `${POD}---\n${POLICY}`;
    const store = createAppStore({ text, evaluator });
    deliver();
    const last = text.trimEnd().split('\n').length;
    const { actions } = store.getState();
    // Enter at the end of the policy's last line: the cursor is on a line the graph never saw.
    actions.edit(() => `${text}\n`, [{ offset: text.length, length: 0, text: '\n' }], [{ startLine: last, endLine: last, added: 1 }]);
    actions.setCursor(at(last + 1, 1));
    expect(selectCursorPolicy(store.getState())?.ref.name).toBe('deny-web');
    // Two lines added above the pod move the policy down; the graph still has the old lines.
    actions.edit(() => `# a\n# b\n${text}\n`, [{ offset: 0, length: 0, text: '# a\n# b\n' }], [{ startLine: 1, endLine: 1, added: 2 }]);
    actions.setCursor(at(3, 1));
    expect(selectCursorPolicy(store.getState())).toBeUndefined();
    actions.setCursor(at(last + 2, 1));
    expect(selectCursorPolicy(store.getState())?.ref.name).toBe('deny-web');
    deliver();
    expect(store.getState().unshownLineEdits).toEqual([]);
    expect(selectCursorPolicy(store.getState())?.ref.name).toBe('deny-web');
  });

  it('keeps the policy under the cursor while the user types past the end of its last line', () => {
    const text = `${POD}---\n${POLICY}`;
    const store = newStore(text);
    const lastLine = text.trimEnd().split('\n').length;
    store.getState().actions.setCursor(at(lastLine, 200));
    expect(selectCursorPolicy(store.getState())?.ref.name).toBe('deny-web');
  });

  it('keeps the policy under the cursor on the blank line typed after its last line, once the graph shows it', () => {
    const text = `${POD}---\n${POLICY}`;
    const store = newStore(text);
    const last = text.trimEnd().split('\n').length;
    const { actions } = store.getState();
    actions.setText(`${text.trimEnd()}\n\n`);
    // The editor says the blank line belongs to the policy's last line (model contentLineAt).
    actions.setCursor(at(last + 1, 1, last));
    expect(selectCursorPolicy(store.getState())?.ref.name).toBe('deny-web');
    actions.setCursor(at(last + 1, 1));
    expect(selectCursorPolicy(store.getState())).toBeUndefined();
  });

  it('ignores results older than the one shown', () => {
    const shown = mergeResult(
      { revision: -1, stale: false, diagnostics: [], documents: [], heldBack: [], analysis: undefined, analysisRevision: -1, checks: [] },
      { revision: 5, stale: false, diagnostics: [], documents: [], heldBack: [] },
    );
    expect(mergeResult(shown, { revision: 4, stale: true, diagnostics: [], documents: [], heldBack: [] })).toBe(shown);
  });

  it('shows a node in the graph: opens its namespace, selects it, asks the graph to centre on it, each time anew', () => {
    const store = newStore(`${POD}---\n${POLICY}`);
    const { actions } = store.getState();
    actions.setView({ namespaces: { open: false, except: [] }, inspector: 'problems' });
    actions.showInGraph('default/web[Pod]');
    const { view, selection, centreOn } = store.getState();
    expect(view.namespaces).toEqual({ open: false, except: ['default'] });
    expect(view.inspector).toBe('details');
    expect(selection).toEqual({ kind: 'node', id: 'default/web[Pod]' });
    expect(centreOn?.node).toBe('default/web[Pod]');
    actions.showInGraph('default/web[Pod]');
    expect(store.getState().centreOn!.seq).toBeGreaterThan(centreOn!.seq);
    actions.showInGraph('default/nothing[Pod]');
    expect(store.getState().selection).toEqual({ kind: 'node', id: 'default/web[Pod]' });
  });

  it('opens other work with the namespaces and focus of its own size, not the old work\'s', () => {
    const store = newStore(POD);
    const { actions } = store.getState();
    actions.setView({ namespaces: { open: false, except: [] }, focus: { node: 'default/web[Pod]', direction: 'in' } });
    actions.load(POLICY);
    expect(store.getState().view).toMatchObject({ namespaces: null, focus: null });
  });
});
