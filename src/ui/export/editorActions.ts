/**
 * The editor's context-menu entries for the NetworkPolicy under the cursor. Registered for every
 * editor (Monaco's `addEditorAction`), so the editor component need not know about exporting; a
 * right click moves the cursor first, so "under the cursor" is where the user clicked.
 */
/**
 * Registers the entries once the editor's code is loaded (it loads beside the rest of the page:
 * LazyYamlEditor.tsx); `run` gets the delivery chosen. Returns the unregister function.
 */
export function registerEditorExportActions(run: (delivery: 'copy' | 'download') => void): () => void {
  let unregister: (() => void) | undefined;
  let cancelled = false;
  void import('../editor/monacoSetup').then(({ monaco }) => {
    if (cancelled) return;
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
    unregister = () => registered.forEach((action) => action.dispose());
  });
  return () => {
    cancelled = true;
    unregister?.();
  };
}
