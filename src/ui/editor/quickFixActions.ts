/**
 * Quick fixes in the editor: Monaco code actions (the light bulb, Ctrl+.) for our markers that
 * have one (src/plans/quick-fixes.ts computes the edit). Monaco applies an action's edit as one
 * undo step, and the text change reaches the store like typing does. The fixes' code (and the
 * `yaml` writer it uses) loads at the first marker that may have one, not with the editor.
 */
import { FIXABLE_CODES } from '../../plans/fixable-codes';
import { MARKER_SOURCE } from './markers';
import { monaco, MODEL_URI } from './monacoSetup';

/** Registers the quick fixes for the editor's model; returns what unregisters it. */
export function registerQuickFixes(): monaco.IDisposable {
  return monaco.languages.registerCodeActionProvider(
    'yaml',
    {
      provideCodeActions: async (model, _range, context) => {
        const markers = context.markers.filter(
          (m) => m.source === MARKER_SOURCE && typeof m.code === 'string' && FIXABLE_CODES.has(m.code),
        );
        if (model.uri.toString() !== MODEL_URI.toString() || markers.length === 0) return undefined;
        const { quickFixes } = await import('../../plans/quick-fixes');
        if (model.isDisposed()) return undefined;
        const text = model.getValue();
        const versionId = model.getVersionId();
        const actions = markers.flatMap((marker) =>
          quickFixes(text, {
            code: marker.code as string,
            message: marker.message,
            startLine: marker.startLineNumber,
            startColumn: marker.startColumn,
          }).map(
            (fix, i): monaco.languages.CodeAction => ({
              title: fix.title,
              kind: 'quickfix',
              diagnostics: [marker],
              isPreferred: i === 0 && !fix.silences,
              edit: {
                edits: fix.changes.map((change) => {
                  const start = model.getPositionAt(change.offset);
                  const end = model.getPositionAt(change.offset + change.length);
                  return {
                    resource: model.uri,
                    versionId,
                    textEdit: { range: monaco.Range.fromPositions(start, end), text: change.text },
                  };
                }),
              },
            }),
          ),
        );
        return { actions, dispose: () => {} };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );
}
