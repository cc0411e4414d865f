/**
 * Editor features that cost time on every keystroke in proportion to the document (bracket pair
 * colours and guides, folding regions, the overview ruler, occurrence highlights, and sticky
 * scroll, which rebuilds the whole document's outline from the YAML worker after every edit: at
 * 191 000 lines that was a 2-second main-thread task every few keystrokes). Like VS Code's
 * large-file mode, they are switched off above a size, and back on below it.
 * Work in a language worker counts too: these machines (and many laptops) have two cores, so a
 * worker that re-reads the whole document per keystroke takes the core the page's main thread
 * and the evaluation worker need (code actions alone kept the YAML worker busy 70% of the time).
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
    stickyScroll: { enabled: !large },
    // Matching the bracket at the cursor builds a bracket tree of the whole document (0.2 s the
    // first time at 191 000 lines, then 10–30 ms after each edit).
    matchBrackets: large ? 'never' : 'always',
    // Each asks a language worker about the whole document after an edit or a cursor move; the
    // YAML worker re-parses all of it for code actions (the light bulb), about 0.2 s a time.
    lightbulb: { enabled: (large ? 'off' : 'onCode') as Monaco.editor.ShowLightbulbIconMode },
    codeLens: !large,
    links: !large,
    defaultColorDecorators: large ? 'never' : 'auto',
  };
}

/**
 * The model's own options: bracket pair colours are the model's business in Monaco (the editor
 * option alone leaves them on), and they keep a bracket tree of the whole document up to date
 * after every edit, 10–20 ms of a keystroke at 191 000 lines.
 */
export function modelOptions(large: boolean): Monaco.editor.ITextModelUpdateOptions {
  return { bracketColorizationOptions: { enabled: !large, independentColorPoolPerBracketType: false } };
}
