/**
 * Hovering a policy's `kind` or `metadata.name` line in the editor shows the policy in plain
 * words (the engine's `policyWords`, asked of the evaluation session), beside monaco-yaml's own
 * schema hover.
 */
import type { AppStore } from '../../store/appStore';
import { selectLocate } from '../../store/selectors';
import { monaco, MODEL_URI } from './monacoSetup';
import { hoverMarkdown, policyHovered } from './policyHoverText';

/** Registers the hover for the editor's model; returns what unregisters it. */
export function registerPolicyHover(store: AppStore): monaco.IDisposable {
  return monaco.languages.registerHoverProvider('yaml', {
    provideHover: async (model, position) => {
      const state = store.getState();
      // Lines of the analysed text are the editor's only while no edit is waiting to be shown.
      const analysis = state.evaluated.analysis;
      const current = !state.evaluated.stale && state.unshownLineEdits.length === 0;
      if (model.uri.toString() !== MODEL_URI.toString() || !analysis || !current) return null;
      const line = position.lineNumber;
      const policy = policyHovered(analysis.policies, selectLocate(state), line, model.getLineContent(line));
      if (!policy) return null;
      const words = await state.actions.ask({ kind: 'policyWords', policy: policy.ref.id });
      if (!words) return null;
      return {
        range: new monaco.Range(line, 1, line, model.getLineMaxColumn(line)),
        contents: hoverMarkdown(policy, words).map((value) => ({ value })),
      };
    },
  });
}
