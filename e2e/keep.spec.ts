/**
 * Keeping work: autosave within a second and a reload that restores it exactly, restore points
 * that New and examples leave behind, and two tabs that see each other and never save over each
 * other's work.
 */
import { CLASSIC, EditorPage, expect, find, IDS, KeepPage, namespaceNodeId, test } from './fixtures';

test('an edit is saved within a second; a reload brings back the text, the moved layout and the view', async ({
  page,
  editor,
  graph,
  keep,
}) => {
  const { line, end } = find('port: 80');
  await editor.cursorAt(line, end);
  const typed = await keep.now();
  await editor.type('80');
  expect((await keep.savedSince(typed)) - typed).toBeLessThanOrEqual(1000);

  const moved = await keep.now();
  await graph.drag(IDS.client, 90, 70);
  await page.getByRole('button', { name: 'Theme' }).click();
  await keep.savedSince(moved);
  const text = await editor.text();
  const position = await graph.position(IDS.client);
  const theme = await page.locator('.app').getAttribute('data-theme');
  expect(text).toContain('port: 8080');
  expect(text).not.toBe(CLASSIC);

  await page.reload();
  await editor.ready();
  await expect(graph.node(IDS.client)).toBeVisible();
  expect(await editor.text()).toBe(text);
  expect(await graph.position(IDS.client)).toBe(position);
  await expect(page.locator('.app')).toHaveAttribute('data-theme', theme!);
  // The layout came back as it was, and the view is fitted to it.
  for (const ns of ['default', 'team-b']) await expect.poll(() => graph.inView(namespaceNodeId(ns))).toBe(true);
});

test('New keeps the work as a restore point, which survives a reload and brings it back', async ({ page, editor, graph, keep }) => {
  const { line, end } = find('name: client');
  await editor.cursorAt(line, end);
  await editor.type('-2');
  const work = await editor.text();

  const cleared = await keep.now();
  await keep.newDocument();
  await expect.poll(() => editor.text()).toBe('');
  await expect(keep.keptNotice()).toContainText('Started a new document. Your previous work is kept as a restore point.');
  await keep.savedSince(cleared);

  await page.reload();
  await keep.open();
  expect(await editor.text()).toBe('');
  const points = await keep.restorePoints();
  await expect(points).toHaveCount(1);
  await expect(points.first()).toContainText('Before “New”');
  await points.first().getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => editor.text()).toBe(work);
  await expect(graph.node('default/client-2[Pod]')).toBeVisible();
});

test('loading an example keeps a restore point, and "Bring it back" restores the work and its layout', async ({
  editor,
  graph,
  keep,
  gallery,
}) => {
  const moved = await keep.now();
  await graph.drag(IDS.nginx, -60, 50);
  const position = await graph.position(IDS.nginx);
  await keep.savedSince(moved);

  await gallery.choose('default-deny');
  await expect(graph.node('payments/api[Deployment]')).toBeVisible();
  await expect(keep.keptNotice()).toContainText('Loaded the example. Your previous work is kept as a restore point.');
  await keep.bringBack();
  await expect.poll(() => editor.text()).toBe(CLASSIC);
  await expect(graph.node(IDS.nginx)).toBeVisible();
  expect(await graph.position(IDS.nginx)).toBe(position);
  // Bringing it back is itself undoable: the example is now a restore point.
  await expect(keep.keptNotice()).toContainText('Restored. The work it replaced is kept as a restore point.');
  const points = await keep.restorePoints();
  await expect(points).toHaveCount(2);
  await expect(points.first()).toContainText('Before a restore point was restored');
  await expect(points.first()).toContainText('# Deny by default');
});

test('two tabs see each other, and neither saves over the other: the one behind asks which work to keep', async ({
  context,
  editor,
  keep,
}) => {
  const other = await context.newPage();
  const otherKeep = new KeepPage(other);
  await otherKeep.open();
  await expect(keep.otherTabNotice()).toContainText('also open in another tab');
  await expect(otherKeep.otherTabNotice()).toContainText('also open in another tab');

  // This tab saves an edit: the other tab now shows older work, and says so. (The editor loads
  // beside the page: wait for it, as a person would, before typing.)
  await editor.ready();
  const { line, end } = find('name: client');
  await editor.cursorAt(line, end);
  const typed = await keep.now();
  await editor.type('-a');
  await keep.savedSince(typed);
  const mine = await editor.text();
  await expect(otherKeep.behindNotice()).toContainText('Another tab saved different work');
  await expect(otherKeep.status()).toHaveText('Not saved');

  // Its own edits are not saved over this tab's work.
  const otherEditor = new EditorPage(other);
  await otherEditor.ready();
  await otherEditor.cursorAt(line, end);
  await otherEditor.type('-b');
  const theirs = await otherEditor.text();
  await other.waitForTimeout(1500);
  expect(await keep.savedText()).toBe(mine);

  // It keeps its work: this tab's becomes a restore point, and this tab is now the one behind.
  await otherKeep.behindNotice().getByRole('button', { name: 'Keep this tab’s work' }).click();
  await expect.poll(() => keep.savedText()).toBe(theirs);
  await expect(otherKeep.keptNotice()).toContainText('The other tab’s work is kept as a restore point.');
  await expect(keep.behindNotice()).toBeVisible();
  expect(await editor.text()).toBe(mine);

  // This tab loads the other's work; its own becomes a restore point it can bring back.
  await keep.behindNotice().getByRole('button', { name: 'Load the other tab’s work' }).click();
  await expect.poll(() => editor.text()).toBe(theirs);
  await expect(keep.keptNotice()).toContainText('This tab’s work is kept as a restore point.');
  await expect(keep.status()).toHaveText('Saved');
  await expect(otherKeep.behindNotice()).toHaveCount(0);
  // One restore point per text: this tab's work, kept by both tabs, is there once.
  const points = await keep.restorePoints();
  await expect(points).toHaveCount(1);
  await expect(points.first()).toContainText('This tab’s work, before the other tab’s was loaded');
  await expect(points.first()).toContainText(`${mine.split('\n').length} lines`);
  await other.close();
});
