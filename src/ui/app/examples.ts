/**
 * The texts of the gallery's examples (exampleList.ts lists them). The first, the editor's default
 * content, is the shared fixture of the classic example (the CLI and engine tests read the same
 * file) and is bundled; the others are files the app serves from /examples/
 * (public/examples/<id>.yaml), read when chosen. The list itself is not imported here: the page's
 * first load needs the default text, not the gallery.
 */
import classic from '../../../fixtures/classic/nginx.yaml?raw';

/** The id of the default example, first in the gallery (exampleList.ts; a test keeps them equal). */
export const DEFAULT_EXAMPLE_ID = 'nginx';

export const DEFAULT_TEXT = classic;

/** The text of an example: bundled for the default one, else from the app's own files. */
export async function exampleText(id: string): Promise<string> {
  if (id === DEFAULT_EXAMPLE_ID) return DEFAULT_TEXT;
  const response = await fetch(`${import.meta.env.BASE_URL}examples/${id}.yaml`);
  if (!response.ok) throw new Error(`example ${id}: HTTP ${response.status}`);
  return response.text();
}
