/**
 * Editor features that cost time on every keystroke in proportion to the document (bracket pair
 * colours and guides, folding regions, the overview ruler, occurrence highlights). Like VS Code's
 * large-file mode, they are switched off above a size, and back on below it.
 */
import type * as Monaco from 'monaco-editor';

/** Lines from which a document counts as large (a cluster of roughly 500 workloads). */
export const LARGE_DOCUMENT_LINES = 50_000;

export function featureOptions(large: boolean): Monaco.editor.IEditorOptions {
  return {
    bracketPairColorization: { enabled: !large },
    guides: { bracketPairs: false, indentation: !large },
    folding: !large,
    occurrencesHighlight: large ? 'off' : 'singleFile',
    selectionHighlight: !large,
    overviewRulerLanes: large ? 0 : 3,
    renderLineHighlight: large ? 'none' : 'line',
  };
}
