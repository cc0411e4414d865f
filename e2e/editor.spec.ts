/** The editor's language features: our hover documentation and schema warnings, offline. */
import { expect, find, test } from './fixtures';

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
