/**
 * `window.__netpolTest`: what end-to-end tests and the UI benchmark need and cannot do through the
 * keyboard. Nothing here changes what users get unless a test calls it.
 */
import type * as Monaco from 'monaco-editor';
import type { AppStore } from '../../store/appStore';

export interface NetpolTestHooks {
  /**
   * Monaco re-indents typed newlines, closes brackets and pops suggestions; tests typing YAML
   * switch that off for the page they loaded (there is no switching back: reload instead).
   */
  plainTyping(): void;
  /** The editor's text. */
  getText(): string;
  /**
   * Replaces the whole text as "Open file" does (bench: load thousands of documents at once). A
   * large text goes into the editor in slices (sliceEdit.ts): `getText` has all of it a few tasks later.
   */
  loadText(text: string): void;
  /** Puts the cursor at a 1-based position and focuses the editor. */
  setCursor(line: number, column: number): void;
  /** The cursor's 1-based position. */
  getCursor(): { line: number; column: number };
}

declare global {
  interface Window {
    __netpolTest?: NetpolTestHooks;
  }
}

export function installTestHooks(editor: Monaco.editor.IStandaloneCodeEditor, store: AppStore): () => void {
  window.__netpolTest = {
    plainTyping() {
      editor.updateOptions({
        autoIndent: 'none',
        autoClosingBrackets: 'never',
        autoClosingQuotes: 'never',
        quickSuggestions: false,
        suggestOnTriggerCharacters: false,
      });
    },
    getText: () => editor.getValue(),
    loadText: (text) => store.getState().actions.load(text),
    setCursor(line, column) {
      editor.setPosition({ lineNumber: line, column });
      editor.revealLineInCenter(line);
      editor.focus();
    },
    getCursor() {
      const position = editor.getPosition()!;
      return { line: position.lineNumber, column: position.column };
    },
  };
  return () => {
    delete window.__netpolTest;
  };
}
