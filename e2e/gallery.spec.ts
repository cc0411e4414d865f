/**
 * The gallery: every example opens through the UI with no error in the Problems list and the
 * cursor at line 1; each card says what its example shows; the filter; and the work an example
 * replaces comes back from its restore point.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../src/engine';
import { parseManifests } from '../src/model';
import { EXAMPLES } from '../src/ui/app/exampleList';
import { CLASSIC, expect, IDS, test } from './fixtures';

const exampleText = (id: string) =>
  id === EXAMPLES[0]!.id ? CLASSIC : readFileSync(new URL(`../public/examples/${id}.yaml`, import.meta.url), 'utf8');

/** A workload the engine finds in the example: its node on the graph says the example is drawn. */
function someWorkload(text: string): string {
  const analysis = analyze(parseManifests([{ file: 'example.yaml', text }]).resources);
  return analysis.endpoints.find((e) => e.type === 'workload')!.id;
}

test('every example opens with no error in the Problems list, the cursor at line 1', async ({
  page,
  editor,
  graph,
  inspector,
  gallery,
}) => {
  test.setTimeout(180_000);
  await inspector.tab('problems').click();
  // Start from another example than the first, so that opening the first replaces the text too.
  for (const { id, title, description } of [...EXAMPLES.slice(1), EXAMPLES[0]!]) {
    await test.step(id, async () => {
      // The cursor somewhere below the top, where a student left it.
      const lines = (await editor.text()).split('\n').length;
      await editor.cursorAt(Math.min(lines, 12), 1);
      await gallery.open();
      await expect(gallery.card(id)).toHaveAccessibleName(title);
      await expect(gallery.card(id)).toHaveAccessibleDescription(description.replaceAll('`', ''));
      await gallery.card(id).click();
      await expect(gallery.dialog()).toBeHidden();
      const text = exampleText(id);
      await expect.poll(() => editor.text()).toBe(text);
      await expect(graph.node(someWorkload(text))).toBeVisible();
      await expect(page.getByTestId('problems').locator('.problem-error')).toHaveCount(0);
      expect(await editor.cursor()).toEqual({ line: 1, column: 1 });
      // Scrolled to the top: the line drawn at the top of the view (Monaco reuses line nodes in any order).
      await expect(editor.root().locator('.view-line[style*="top:0px"]')).toContainText(text.split('\n')[0]!.slice(0, 40));
    });
  }
});

test('work replaced by an example is kept: "Bring it back" restores it', async ({ editor, keep, gallery }) => {
  await editor.cursorAt(1, 1);
  await editor.type('# my own work\n');
  const mine = `# my own work\n${CLASSIC}`;
  await expect.poll(() => editor.text()).toBe(mine);
  await gallery.choose('shop');
  await expect.poll(() => editor.text()).toBe(exampleText('shop'));
  await expect(keep.keptNotice()).toContainText('Loaded the example. Your previous work is kept as a restore point.');
  await keep.bringBack();
  await expect.poll(() => editor.text()).toBe(mine);
});

test('the filter narrows the cards; Enter opens the first, Escape closes without loading', async ({
  page,
  editor,
  graph,
  gallery,
}) => {
  await gallery.open();
  await expect(gallery.filter()).toBeFocused();
  await page.keyboard.type('xyz');
  await expect(gallery.dialog().getByTestId('gallery-empty')).toBeVisible();
  await gallery.filter().fill('egress');
  await expect(gallery.card('deny-external-egress')).toBeVisible();
  await expect(gallery.card('allow-one-namespace')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(gallery.dialog()).toHaveCount(0);
  await expect(gallery.button()).toBeFocused();
  expect(await editor.text()).toBe(CLASSIC);
  await expect(graph.node(IDS.nginx)).toBeVisible();

  // Opening again starts from every card.
  await gallery.open();
  await expect(gallery.filter()).toHaveValue('');
  await page.keyboard.type('upstream');
  await page.keyboard.press('Enter');
  await expect(gallery.dialog()).toBeHidden();
  await expect(graph.node('x/a[Pod]')).toBeVisible();
});
