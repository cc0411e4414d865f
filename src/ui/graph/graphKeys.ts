/**
 * Keys the graph handles itself rather than as app actions, as they act on what has the focus
 * there (React Flow's node and edge keys, GraphView's onKeyDown): the shortcuts dialog lists them
 * beside the actions, so every mouse action on the graph shows its keyboard way.
 */
export const GRAPH_KEYS: readonly { readonly keys: string; readonly label: string }[] = [
  { keys: 'Enter', label: 'Open the focused node or connection: its details, its explanation' },
  { keys: 'Arrow keys', label: 'Pan the graph; on the selected node, move it (with Shift: further)' },
  { keys: 'Shift+F10', label: 'Menu of the selected node or connection: allow traffic, isolate, block…' },
  { keys: 'Delete', label: 'Block the selected connection' },
];
