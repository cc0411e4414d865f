/** The frame around editor and graph: commands by shortcut, the split, problems, examples. */
import { expect, find, IDS, test } from './fixtures';

test('shortcuts run the named commands: theme, help', async ({ page }) => {
  const app = page.locator('.app');
  const before = await app.getAttribute('data-theme');
  await page.keyboard.press('Alt+Shift+D');
  await expect(app).not.toHaveAttribute('data-theme', before!);
  await page.getByTestId('graph').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Shift+Slash');
  await expect(page.getByTestId('help-dialog')).toContainText('Show denied pairs of the selected node');
});

test('the split between editor and graph moves with the arrow keys', async ({ page }) => {
  const handle = page.getByTestId('split-handle');
  const before = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', String(before + 4));
});

test('problems are listed and lead to their line', async ({ editor, inspector, page }) => {
  const port = find('port: 80');
  await editor.cursorAt(port.line, port.end);
  await editor.type('00000');
  await inspector.tab('problems').click();
  const problem = page.getByTestId('problems').getByRole('listitem').first();
  await expect(problem).toContainText(`line ${port.line}`);
  await editor.cursorAt(1, 1);
  await problem.getByRole('button').click();
  await expect.poll(() => editor.cursor()).toMatchObject({ line: port.line });
});

test('loading an example replaces the text and the graph', async ({ graph, editor, gallery }) => {
  await gallery.choose('default-deny');
  await expect(graph.node('payments/api[Deployment]')).toBeVisible();
  await expect(graph.node(IDS.nginx)).toHaveCount(0);
  expect(await editor.text()).toContain('default-deny-all');
});
