import { describe, expect, it } from 'vitest';
import { createAppStore, mergeResult } from './appStore';
import { createLocalEvaluator } from './evaluation/evaluator';
import { selectCursorPolicy, selectFirstError } from './selectors';

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

describe('app store', () => {
  it('evaluates the initial text and every change', () => {
    const store = newStore(POD);
    expect(store.getState().evaluated.graph!.endpoints.map((e) => e.id)).toContain('default/web[Pod]');
    store.getState().actions.setText(`${POD}---\n${POLICY}`);
    const { evaluated, revision } = store.getState();
    expect(evaluated.revision).toBe(revision);
    expect(evaluated.graph!.isolation.get('default/web[Pod]' as never)!.ingress).toEqual(['default/deny-web']);
  });

  it('keeps the graph, stale, while the text is invalid; says where', () => {
    const store = newStore(POD);
    const good = store.getState().evaluated.graph;
    store.getState().actions.setText(`${POD}  labels: {\n`);
    const { evaluated } = store.getState();
    expect(evaluated.stale).toBe(true);
    expect(evaluated.graph).toBe(good);
    expect(selectFirstError(store.getState())!.location.range.startLine).toBeGreaterThan(1);
  });

  it('finds the policy under the cursor, but not on a stale graph', () => {
    const store = newStore(`${POD}---\n${POLICY}`);
    const { actions } = store.getState();
    actions.setCursor({ line: 3, column: 3 });
    expect(selectCursorPolicy(store.getState())).toBeUndefined();
    actions.setCursor({ line: 12, column: 3 });
    expect(selectCursorPolicy(store.getState())?.ref.name).toBe('deny-web');
    actions.setText(`${POD}---\n${POLICY}  ingress: [\n`);
    expect(selectCursorPolicy(store.getState())).toBeUndefined();
  });

  it('keeps the policy under the cursor while the user types past the end of its last line', () => {
    const text = `${POD}---\n${POLICY}`;
    const store = newStore(text);
    const lastLine = text.trimEnd().split('\n').length;
    store.getState().actions.setCursor({ line: lastLine, column: 200 });
    expect(selectCursorPolicy(store.getState())?.ref.name).toBe('deny-web');
  });

  it('ignores results older than the one shown', () => {
    const shown = mergeResult(
      { revision: -1, stale: false, diagnostics: [], graph: undefined, graphRevision: -1 },
      { revision: 5, stale: false, diagnostics: [] },
    );
    expect(mergeResult(shown, { revision: 4, stale: true, diagnostics: [] })).toBe(shown);
  });
});
