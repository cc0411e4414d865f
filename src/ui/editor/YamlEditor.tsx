/**
 * The YAML editor: a small wrapper that keeps one Monaco model and the store in step.
 * - typing → store text; store text changed elsewhere (example loaded) → executeEdits, so undo works
 * - diagnostics → markers; cursor → store; reveal requests → scroll + highlight
 * The container has class `nokey`, so React Flow's key handlers (Space, Backspace) leave it alone.
 */
import { useEffect, useRef, useState } from 'react';
import { monaco, MODEL_URI, setSchemaValidation } from './monacoSetup';
import { toMarkers } from './markers';
import { contentLineAt } from '../../model/documents';
import { useAppStoreApi } from '../../store/react';
import { selectProblems } from '../../store/selectors';
import { useEffectiveTheme } from '../app/theme';
import { useActionManager } from '../commands/context';
import { installTestHooks } from './testHooks';
import { featureOptions, LARGE_DOCUMENT_LINES, modelOptions } from './largeDocument';

const MARKER_OWNER = 'netpol-canvas';

/** How many line breaks `text` holds (a pasted document can be megabytes: no split). */
function newlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

export function YamlEditor() {
  const store = useAppStoreApi();
  const actions = useActionManager();
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const theme = useEffectiveTheme();
  const [large, setLarge] = useState(false);

  useEffect(() => {
    const model = monaco.editor.getModel(MODEL_URI) ?? monaco.editor.createModel(store.getState().readText(), 'yaml', MODEL_URI);
    const editor = monaco.editor.create(container.current!, {
      model,
      automaticLayout: true,
      fontSize: 15,
      lineHeight: 22,
      // No minimap, so no section headers for it either (computed over the whole document per edit).
      minimap: { enabled: false, showMarkSectionHeaders: false, showRegionSectionHeaders: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      ariaLabel: 'Kubernetes YAML',
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    let isLarge = model.getLineCount() >= LARGE_DOCUMENT_LINES;
    const applySize = () => {
      editor.updateOptions(featureOptions(isLarge));
      model.updateOptions(modelOptions(isLarge));
      setSchemaValidation(!isLarge);
      setLarge(isLarge);
    };
    applySize();
    const sizeChanged = () => {
      if (isLarge === model.getLineCount() >= LARGE_DOCUMENT_LINES) return;
      isLarge = !isLarge;
      applySize();
    };
    // While the user types, the store reads the text from the model, and only when it needs it
    // all: the edits themselves go to the evaluation worker. A store text read any other way was
    // set from outside (an example, a file), and the editor takes it over.
    const readModel = () => model.getValue();
    let applying = false;
    const disposables = [
      model.onDidChangeContent(({ changes }) => {
        sizeChanged();
        if (applying) return;
        const edits = changes.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text }));
        const lines = changes.map((c) => ({
          startLine: c.range.startLineNumber,
          endLine: c.range.endLineNumber,
          added: newlines(c.text),
        }));
        store.getState().actions.edit(readModel, edits, lines);
      }),
      editor.onDidChangeCursorPosition(({ position: { lineNumber, column } }) =>
        store.getState().actions.setCursor({
          line: lineNumber,
          column,
          contentLine: contentLineAt((line) => model.getLineContent(line), lineNumber),
        }),
      ),
    ];
    const highlight = editor.createDecorationsCollection();
    const unsubscribe = [
      store.subscribe((state, previous) => {
        if (!applying && state.readText !== previous.readText && state.readText !== readModel) {
          const text = state.readText();
          applying = true;
          editor.pushUndoStop();
          editor.executeEdits('netpol-canvas', [{ range: model.getFullModelRange(), text }]);
          editor.pushUndoStop();
          // The model may have normalised line endings: the store follows the editor.
          const normalised = model.getValue();
          if (normalised !== text) state.actions.setText(normalised);
          applying = false;
        }
        if (state.evaluated !== previous.evaluated) {
          monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(selectProblems(state), monaco.MarkerSeverity));
        }
        if (state.reveal && state.reveal !== previous.reveal) {
          const { startLine, startColumn, endLine, endColumn } = state.reveal.range;
          const range = new monaco.Range(startLine, startColumn, endLine, endColumn);
          editor.revealRangeInCenterIfOutsideViewport(range, monaco.editor.ScrollType.Smooth);
          editor.setSelection(new monaco.Range(startLine, startColumn, startLine, startColumn));
          highlight.set([{ range, options: { isWholeLine: true, className: 'editor-reveal', linesDecorationsClassName: 'editor-reveal-gutter' } }]);
        }
      }),
      actions.onEffect('focusEditor', () => editor.focus()),
      installTestHooks(editor, store),
    ];
    monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(selectProblems(store.getState()), monaco.MarkerSeverity));
    return () => {
      unsubscribe.forEach((off) => off());
      disposables.forEach((d) => d.dispose());
      highlight.clear();
      editor.dispose();
      editorRef.current = null;
    };
  }, [store, actions]);

  useEffect(() => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'), [theme]);

  return (
    <div className="editor-pane">
      {large && (
        <p className="editor-notice" role="status" data-testid="large-document-notice">
          <strong>Large document:</strong> schema warnings, folding, bracket colours and matching, and code actions are off
          while it has over {LARGE_DOCUMENT_LINES.toLocaleString('en')} lines, to keep typing fast. The graph and the
          problems list are complete.
        </p>
      )}
      <div ref={container} className="yaml-editor nokey" data-testid="yaml-editor" />
    </div>
  );
}
