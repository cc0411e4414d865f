/**
 * Share links: the whole work in the URL's fragment. "Byte for byte" means the editor's text: the
 * editor turns every line break of a text it is given into its own line ending (LF), so that is
 * the text a link holds and brings back — the same string, hence the same bytes when downloaded.
 */
import { CLASSIC, EditorPage, expect, GraphPage, IDS, KeepPage, test } from './fixtures';

/** Unicode of every width, odd spacing, HTML where a label and a comment would show it, no final newline. */
const ODD = `# <img src=x onerror="window.__xss = 1"> <script>window.__xss = 2</script> — naïve café 日本語 🧪👩‍👩‍👧 e\u0301
${CLASSIC.replace('app: client', 'app: "<script>window.__xss = 3</script>"')}\ttrailing tab\u00a0and nbsp   \r
---\r\n# ünïcödé ∀x∈ℝ עברית\u200f`;

const cut = (link: string, keep: number) => link.slice(0, link.indexOf('=') + 1 + keep);

test('a link opens the very same text and layout in a fresh browser; HTML in it stays text', async ({
  page,
  browser,
  editor,
  graph,
  keep,
}) => {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), ODD);
  await expect(graph.node(IDS.nginx)).toBeVisible();
  await graph.drag(IDS.nginx, 70, 40);
  const text = await editor.text();
  expect(text).toBe(ODD.replace(/\r\n?/g, '\n'));
  const position = await graph.position(IDS.nginx);
  const link = await keep.share();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#share-v1=[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors: string[] = [];
  other.on('pageerror', (error) => errors.push(error.message));
  other.on('dialog', (dialog) => errors.push(`dialog: ${dialog.message()}`));
  await new KeepPage(other).open(link);
  const otherEditor = new EditorPage(other);
  await expect.poll(() => otherEditor.text()).toBe(text);
  const bytes = (t: string) => Array.from(new TextEncoder().encode(t));
  expect(bytes(await otherEditor.text())).toEqual(bytes(text));
  const otherGraph = new GraphPage(other);
  await expect(otherGraph.node(IDS.nginx)).toBeVisible();
  expect(await otherGraph.position(IDS.nginx)).toBe(position);
  // Once opened, the link leaves the address: a reload opens the (saved) work, not the link again.
  expect(other.url()).not.toContain('#');

  // The HTML is shown as text where it appears: the problems list, and a restore point's preview.
  await other.getByTestId('tab-problems').click();
  await expect(other.getByText('value "<script>window.__xss = 3</script>" of "app" is not a valid label value')).toBeVisible();
  await other.getByTestId('new-button').click();
  const points = await new KeepPage(other).restorePoints();
  await expect(points.first().locator('pre')).toContainText('<img src=x onerror="window.__xss = 1"> <script>');
  expect(await other.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(await other.locator('script:not([src])').count()).toBe(0);
  expect(errors).toEqual([]);
  await fresh.close();
});

test('opening a link keeps the local work as a restore point that brings it back', async ({ page, context, editor, keep }) => {
  await page.evaluate(() => window.__netpolTest!.loadText('# shared\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shared\n'));
  await expect.poll(() => editor.text()).toContain('# shared');
  const link = await keep.share();
  await page.keyboard.press('Escape');
  const loaded = await keep.now();
  await page.evaluate((text) => window.__netpolTest!.loadText(text), CLASSIC.replace('team-b', 'team-mine'));
  await keep.savedSince(loaded);
  const mine = await editor.text();

  const other = await context.newPage();
  const otherKeep = new KeepPage(other);
  await otherKeep.open(link);
  const otherEditor = new EditorPage(other);
  await expect.poll(() => otherEditor.text()).toContain('# shared');
  await expect(otherKeep.keptNotice()).toContainText('Opened the shared link. Your own work is kept as a restore point.');
  await otherKeep.bringBack();
  await expect.poll(() => otherEditor.text()).toBe(mine);
  await other.close();
});

test('a damaged or cut link changes nothing and says so, whether it opens the app or arrives in it', async ({
  page,
  context,
  editor,
  keep,
}) => {
  const link = await keep.share();
  await page.keyboard.press('Escape');
  const loaded = await keep.now();
  await page.evaluate(() => window.__netpolTest!.loadText('# my work\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: mine\n'));
  await keep.savedSince(loaded);
  const mine = await editor.text();

  // Arriving in the open app (only the fragment changes: no reload).
  const data = link.slice(link.indexOf('=') + 1);
  await page.goto(cut(link, Math.floor(data.length / 2)));
  await expect(keep.linkProblem()).toContainText('This share link is damaged or incomplete');
  await expect(keep.linkProblem()).toContainText('Your work is unchanged.');
  expect(await editor.text()).toBe(mine);

  // Opening the app, with one character changed.
  const changed = link.slice(0, -5) + (link.at(-5) === 'A' ? 'B' : 'A') + link.slice(-4);
  const other = await context.newPage();
  const otherKeep = new KeepPage(other);
  await otherKeep.open(changed);
  await expect(otherKeep.linkProblem()).toContainText('This share link is damaged or incomplete');
  expect(await new EditorPage(other).text()).toBe(mine);
  await other.waitForTimeout(1000);
  expect(await otherKeep.savedText()).toBe(mine);
  await expect(otherKeep.keptNotice()).toHaveCount(0);
  await other.close();
});

test('a link too long to travel is not copied: the dialog says so and offers the file', async ({ page, keep }) => {
  // Text that does not compress: 12 000 random characters.
  await page.evaluate(() => {
    const random = Array.from(crypto.getRandomValues(new Uint8Array(9000)), (b) => b.toString(36)).join('');
    window.__netpolTest!.loadText(`# ${random}\n`);
  });
  await page.getByTestId('share-button').click();
  const dialog = keep.shareDialog();
  await expect(dialog.getByTestId('share-too-long')).toContainText('Links over 8,000 characters get cut off');
  await expect(dialog.getByTestId('share-link')).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download YAML' }).click()]);
  expect(download.suggestedFilename()).toBe('network-policies.yaml');
  await dialog.getByRole('button', { name: 'Copy the long link anyway' }).click();
  expect((await dialog.getByTestId('share-link').inputValue()).length).toBeGreaterThan(8000);
});
