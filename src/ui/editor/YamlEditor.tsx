/**
 * The YAML editor: a small wrapper that keeps one Monaco model and the store in step.
 * - typing → store text; store text changed elsewhere (example loaded) → an edit, so undo works
 * - a large text (opened or pasted) goes in as slices, one task each (sliceEdit.ts)
 * - diagnostics → markers; cursor → store; reveal requests → scroll + highlight
 * The container has class `nokey`, so React Flow's key handlers (Space, Backspace) leave it alone.
 */
import { useEffect, useRef, useState } from 'react';
import { monaco, MODEL_URI, setSchemaValidation, startWorkersWhenIdle } from './monacoSetup';
import { toMarkers } from './markers';
import { contentLineAt } from '../../model/documents';
import { useAppState, useAppStoreApi } from '../../store/react';
import { selectProblems } from '../../store/selectors';
import { useEffectiveTheme } from '../app/theme';
import { TabFocusHint } from './TabFocusHint';
import { useActionManager } from '../commands/context';
import { installTestHooks } from './testHooks';
import { registerPolicyHover } from './policyHover';
import { registerQuickFixes } from './quickFixActions';
import { featureOptions, LARGE_DOCUMENT_LINES, modelOptions } from './largeDocument';
import { replaceInSlices, SLICE_CHARS, type SliceEdit } from './sliceEdit';

const MARKER_OWNER = 'netpol-canvas';

/** The text's size, and presentation mode's (a projector's back row reads 20 px). */
const TEXT_SIZE = { fontSize: 15, lineHeight: 22 };
const PRESENTATION_TEXT_SIZE = { fontSize: 20, lineHeight: 30 };

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
  const presentation = useAppState((s) => s.view.presentation);
  const [large, setLarge] = useState(false);
  const [focused, setFocused] = useState(false);

  useEffect(() => {
    const model = monaco.editor.getModel(MODEL_URI) ?? monaco.editor.createModel(store.getState().readText(), 'yaml', MODEL_URI);
    let isLarge = model.getLineCount() >= LARGE_DOCUMENT_LINES;
    // Sized before the editor first asks the model for brackets: a large document (an autosaved
    // cluster reopened) then never builds the bracket tree of its whole text.
    model.updateOptions(modelOptions(isLarge));
    const element = container.current!;
    const editor = monaco.editor.create(element, {
      model,
      automaticLayout: true,
      ...(store.getState().view.presentation ? PRESENTATION_TEXT_SIZE : TEXT_SIZE),
      // No minimap, so no section headers for it either (computed over the whole document per edit).
      minimap: { enabled: false, showMarkSectionHeaders: false, showRegionSectionHeaders: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      ariaLabel: 'Kubernetes YAML',
      fixedOverflowWidgets: true,
      ...featureOptions(isLarge),
    });
    editorRef.current = editor;
    // The frame after this one paints the editor; its workers may start after that.
    requestAnimationFrame(startWorkersWhenIdle);
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
    /**
     * Goes large before an edit that will make the document large (opening or pasting a cluster).
     * Changing the model's options rebuilds its bracket tree from the whole text: after a
     * 191 000-line edit that was ~120 ms of the edit's task, before it the small text's is nothing.
     * (Going small waits for the edit, for the same reason.)
     */
    const growingTo = (lines: number) => {
      if (isLarge || lines < LARGE_DOCUMENT_LINES) return;
      isLarge = true;
      applySize();
    };
    // While the user types, the store reads the text from the model, and only when it needs it
    // all: the edits themselves go to the evaluation worker. A store text read any other way was
    // set from outside (an example, a file), and the editor takes it over.
    const readModel = () => model.getValue();
    /** Our own edits are going in: the store has their text already, or gets it when they are in. */
    let applying = false;
    /** The store is told of the text the model normalised: not a new text to take over. */
    let echoing = false;
    let slicing: SliceEdit | undefined;

    /** The next text taken over replaces the work (an example, a file, a restore point…). */
    let replacing = false;
    const takeOver = (text: string) => {
      slicing?.cancel();
      growingTo(newlines(text) + 1);
      const kept = editor.getSelections() ?? [];
      const toTop = replacing;
      replacing = false;
      applying = true;
      slicing = replaceInSlices(editor, model.getFullModelRange(), text, () => {
        slicing = undefined;
        applying = false;
        sizeChanged();
        if (toTop) {
          // Other work is read from its start: its first lines say what it is.
          editor.setPosition({ lineNumber: 1, column: 1 });
          editor.setScrollTop(0);
        } else {
          // Where the cursor was, as Monaco leaves it after replacing everything in one edit.
          editor.setSelections(
            kept.map((s) => {
              const from = model.validatePosition(s.getSelectionStart());
              const to = model.validatePosition(s.getPosition());
              return new monaco.Selection(from.lineNumber, from.column, to.lineNumber, to.column);
            }),
          );
        }
        // The model may have normalised line endings (to its own: LF unless it was created
        // from CRLF text): the store follows the editor. Without a CR on either side there is
        // nothing to normalise, and no need to copy megabytes out of the model to compare.
        if (text.includes('\r') || model.getEOL() !== '\n') {
          const normalised = model.getValue();
          echoing = true;
          if (normalised !== text) store.getState().actions.setText(normalised);
          echoing = false;
        }
      });
    };

    // A paste reaches Monaco's input as a DOM event: seen here first, in the capture phase. A
    // large one (a cluster) goes in as slices, and the store gets it as one edit once it is in.
    const beforePaste = (event: ClipboardEvent) => {
      const text = event.clipboardData?.getData('text/plain') ?? '';
      growingTo(model.getLineCount() + newlines(text));
      const selections = editor.getSelections() ?? [];
      if (text.length <= SLICE_CHARS || selections.length !== 1 || slicing) return;
      event.preventDefault();
      event.stopPropagation();
      const range = selections[0]!;
      const offset = model.getOffsetAt(range.getStartPosition());
      const length = model.getValueLengthInRange(range);
      applying = true;
      slicing = replaceInSlices(editor, range, text, (filled) => {
        slicing = undefined;
        applying = false;
        sizeChanged();
        const end = { lineNumber: filled.endLineNumber, column: filled.endColumn };
        editor.setPosition(end);
        editor.revealPosition(end);
        const inserted = text.includes('\r') || model.getEOL() !== '\n' ? model.getValueInRange(filled) : text;
        const lines = { startLine: range.startLineNumber, endLine: range.endLineNumber, added: newlines(inserted) };
        store.getState().actions.edit(readModel, [{ offset, length, text: inserted }], [lines]);
      });
    };
    element.addEventListener('paste', beforePaste, { capture: true });

    const disposables = [
      editor.onDidFocusEditorWidget(() => setFocused(true)),
      editor.onDidBlurEditorWidget(() => setFocused(false)),
      model.onDidChangeContent(({ changes }) => {
        // Our own edits are sized when they are in: a text going in as slices is small at first.
        if (applying) return;
        sizeChanged();
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
      registerPolicyHover(store),
      registerQuickFixes(),
    ];
    const highlight = editor.createDecorationsCollection();
    const unsubscribe = [
      store.subscribe((state, previous) => {
        // `replaceText` records the work it replaces, then sets the text, in the same task: the
        // take-over that follows is that text (none when it was the same text; nothing later is).
        if (state.replaced !== previous.replaced) {
          replacing = true;
          queueMicrotask(() => (replacing = false));
        }
        if (!echoing && state.readText !== previous.readText && state.readText !== readModel) takeOver(state.readText());
        if (state.evaluated !== previous.evaluated) {
          monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(selectProblems(state), monaco.MarkerSeverity));
        }
        if (state.pendingEdit && state.pendingEdit !== previous.pendingEdit) {
          // As typed: the changes reach the store through onDidChangeContent; edits between two
          // undo stops are one undo step. Each applies to the text the previous ones made.
          const { changes } = state.pendingEdit;
          editor.pushUndoStop();
          for (const { offset, length, text } of changes) {
            const range = monaco.Range.fromPositions(model.getPositionAt(offset), model.getPositionAt(offset + length));
            editor.executeEdits('netpol-canvas', [{ range, text }]);
          }
          editor.pushUndoStop();
          const last = changes.at(-1);
          if (last) editor.revealPositionInCenterIfOutsideViewport(model.getPositionAt(last.offset + last.text.length), monaco.editor.ScrollType.Smooth);
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
      slicing?.cancel();
      element.removeEventListener('paste', beforePaste, { capture: true });
      unsubscribe.forEach((off) => off());
      disposables.forEach((d) => d.dispose());
      highlight.clear();
      editor.dispose();
      editorRef.current = null;
    };
  }, [store, actions]);

  // Presentation mode: Monaco's high-contrast themes, as the rest of the page goes high contrast.
  useEffect(
    () => monaco.editor.setTheme(presentation ? (theme === 'dark' ? 'hc-black' : 'hc-light') : theme === 'dark' ? 'vs-dark' : 'vs'),
    [theme, presentation],
  );
  useEffect(() => editorRef.current?.updateOptions(presentation ? PRESENTATION_TEXT_SIZE : TEXT_SIZE), [presentation]);

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
      <TabFocusHint shown={focused} />
    </div>
  );
}
