/**
 * The editor features we load, one Monaco contribution per import. Monaco's core API
 * (`editor.api.js`) draws and edits text and has none of these; its full entry adds about 60 more
 * and 80 languages to every first load. Each line says what in the app needs it. Not loaded:
 * diff editors, inline completions and hints, parameter hints, colour pickers, semantic tokens,
 * code lenses, linked editing, paste-as and drop-into providers, GPU rendering, font zoom and
 * the token inspector — nothing here provides them for YAML.
 */
// Language features served by monaco-yaml's worker.
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js'; // schema docs, problem hovers
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js'; // schema completion
import 'monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2.js'; // completions insert snippets
import 'monaco-editor/esm/vs/editor/contrib/codeAction/browser/codeActionContributions.js'; // quick fixes (light bulb)
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js'; // F8 and the problem hover's "View Problem"
import 'monaco-editor/esm/vs/editor/contrib/format/browser/formatActions.js'; // Format Document
import 'monaco-editor/esm/vs/editor/contrib/links/browser/links.js'; // links in comments and values
import 'monaco-editor/esm/vs/editor/contrib/documentSymbols/browser/documentSymbols.js'; // the outline sticky scroll reads
import 'monaco-editor/esm/vs/editor/contrib/gotoSymbol/browser/goToCommands.js'; // Go to Definition of a YAML alias
import 'monaco-editor/esm/vs/editor/contrib/rename/browser/rename.js'; // F2 renames a YAML anchor and its aliases
// The options that largeDocument.ts turns off for large documents.
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/esm/vs/editor/contrib/stickyScroll/browser/stickyScrollContribution.js';
// The context menu (our export entries live there), with Cut, Copy and Paste.
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js';
// Find and replace, the command palette (F1) and Go to Line / Symbol (Ctrl+G, Ctrl+Shift+O).
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController.js';
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess.js';
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneHelpQuickAccess.js';
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess.js';
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneGotoSymbolQuickAccess.js';
// Everyday editing keys: move and copy lines, comment, cursors, word moves, indent, select.
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/wordPartOperations/browser/wordPartOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/esm/vs/editor/contrib/caretOperations/browser/caretOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/lineSelection/browser/lineSelection.js';
import 'monaco-editor/esm/vs/editor/contrib/smartSelect/browser/smartSelect.js';
import 'monaco-editor/esm/vs/editor/contrib/dnd/browser/dnd.js';
// Ctrl+M: Tab moves the focus out of the editor (keyboard access to the rest of the page).
import 'monaco-editor/esm/vs/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
// Invisible and look-alike characters, a classic trap in YAML values, are marked.
import 'monaco-editor/esm/vs/editor/contrib/unicodeHighlighter/browser/unicodeHighlighter.js';
// Strings the standalone editor's widgets show, and the icon font they draw with.
import 'monaco-editor/esm/vs/editor/common/standaloneStrings.js';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js';
