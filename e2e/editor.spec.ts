/** The editor's language features: our hover documentation and schema warnings, offline. */
import { LARGE_DOCUMENT_LINES } from '../src/ui/editor/largeDocument';
import { SLICE_CHARS } from '../src/ui/editor/sliceEdit';
import { CLASSIC, expect, find, test } from './fixtures';

test('hovering a NetworkPolicy field shows our documentation', async ({ page, editor }) => {
  const field = editor.root().locator('.view-line span', { hasText: /^podSelector$/ }).first();
  await field.hover();
  const hover = page.locator('.monaco-hover:not(.hidden)');
  await expect(hover).toContainText('The pods this policy applies to');
});

test('a value the schema does not allow gets a warning', async ({ editor }) => {
  const ingress = find('- Ingress');
  await editor.cursorAt(ingress.line, ingress.end);
  await editor.press('Backspace');
  await expect(editor.root().locator('.squiggly-warning').first()).toBeVisible();
});

test('a large document says which editor extras are off, and gets them back when it is small again', async ({ page, editor }) => {
  // The classic example with a value the schema does not allow, then enough comment lines to be large.
  const invalid = CLASSIC.replace('- Ingress', '- Ingres');
  const large = `${invalid}${'# filler\n'.repeat(LARGE_DOCUMENT_LINES)}`;
  const notice = page.getByTestId('large-document-notice');
  const warnings = editor.root().locator('.squiggly-warning');
  await page.evaluate((text) => window.__netpolTest!.loadText(text), invalid);
  await expect(warnings.first()).toBeVisible();
  await expect(notice).toBeHidden();

  await page.evaluate((text) => window.__netpolTest!.loadText(text), large);
  await expect(notice).toContainText('schema warnings');
  // Validation would have marked the value again by now (it runs when typing pauses, 0.5 s).
  await page.waitForTimeout(2000);
  await expect(warnings).toHaveCount(0);

  await page.evaluate((text) => window.__netpolTest!.loadText(text), invalid);
  await expect(notice).toBeHidden();
  await expect(warnings.first()).toBeVisible();
});

/** Comment lines, enough for a text of several slices (src/ui/editor/sliceEdit.ts) and a large document. */
const FILLER = '# filler\n'.repeat(Math.ceil((2.5 * SLICE_CHARS) / '# filler\n'.length));

test('a large text opened goes in whole, as one undo step, and leaves the editor writable', async ({ page, editor }) => {
  const large = `${CLASSIC}${FILLER}`;
  await page.evaluate((text) => window.__netpolTest!.loadText(text), large);
  await expect.poll(() => editor.text()).toBe(large);
  await expect(page.getByTestId('large-document-notice')).toBeVisible();

  await editor.cursorAt(1, 1);
  await editor.type('#');
  await expect.poll(() => editor.text()).toBe(`#${large}`);
  await editor.press('ControlOrMeta+z', 2);
  await expect.poll(() => editor.text()).toBe(CLASSIC);
});

test('a large paste goes in whole, reaches the graph as one edit, one undo step', async ({ page, editor, graph }) => {
  const pod = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: pasted, namespace: pasted-ns}',
    'spec: {containers: [{name: c, image: nginx}]}',
    '',
  ].join('\n');
  const pasted = `---\n${pod}${FILLER}`;
  const lines = CLASSIC.split('\n');
  await editor.cursorAt(lines.length, lines.at(-1)!.length + 1);
  await editor.paste(pasted);
  await expect.poll(() => editor.text()).toBe(`${CLASSIC}${pasted}`);
  await expect(graph.node('pasted-ns/pasted[Pod]')).toBeVisible();
  await expect(page.getByTestId('large-document-notice')).toBeVisible();

  await editor.press('ControlOrMeta+z');
  await expect.poll(() => editor.text()).toBe(CLASSIC);
  await expect(graph.node('pasted-ns/pasted[Pod]')).toHaveCount(0);
});
