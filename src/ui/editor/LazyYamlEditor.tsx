/**
 * The YAML editor, loaded beside the rest of the page rather than before it: Monaco is most of the
 * page's script, and the toolbar, the graph and the evaluation worker need none of it. Its download
 * starts when this module is evaluated, with the page's first script, not at the first render.
 */
import { lazy, Suspense } from 'react';

const editorModule = import('./YamlEditor');
const Editor = lazy(async () => ({ default: (await editorModule).YamlEditor }));

export function LazyYamlEditor() {
  return (
    <Suspense fallback={<div className="editor-pane" role="status" aria-label="Loading the editor" />}>
      <Editor />
    </Suspense>
  );
}
