/**
 * The editor's context-menu entries for the NetworkPolicy under the cursor. Registered for every
 * editor (Monaco's `addEditorAction`), so the editor component need not know about exporting; a
 * right click moves the cursor first, so "under the cursor" is where the user clicked.
 */
import { monaco } from '../editor/monacoSetup';

/** Registers the entries; `run` gets the delivery chosen. Returns the unregister function. */
export function registerEditorExportActions(run: (delivery: 'copy' | 'download') => void): () => void {
  const registered = [
    monaco.editor.addEditorAction({
      id: 'netpol-canvas.copyPolicy',
      label: 'Copy this NetworkPolicy (kubectl-ready)',
      contextMenuGroupId: 'netpol_export',
      contextMenuOrder: 1,
      run: () => run('copy'),
    }),
    monaco.editor.addEditorAction({
      id: 'netpol-canvas.downloadPolicy',
      label: 'Download this NetworkPolicy (kubectl-ready)',
      contextMenuGroupId: 'netpol_export',
      contextMenuOrder: 2,
      run: () => run('download'),
    }),
  ];
  return () => registered.forEach((action) => action.dispose());
}
