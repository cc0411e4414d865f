/** The editor's language features: our hover documentation and schema warnings, offline. */
import { LARGE_DOCUMENT_LINES } from '../src/ui/editor/largeDocument';
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
