/**
 * Compare: the text as loaded is the baseline; a typed edit shows what it changed, on the graph
 * (traffic gained as a badge under the edge's label, traffic lost as a dashed edge of its own) and
 * as the Compare tab's sentences; Unpin removes the marks; Pin now compares with the text as it is;
 * a reviewer pins the old text and pastes the new one over it.
 */
import { CLASSIC, edgeId, expect, find, IDS, test as base } from './fixtures';
import { ComparePage } from './pages/compare';

const test = base.extend<{ compare: ComparePage }>({
  compare: async ({ page }, use) => use(new ComparePage(page)),
});

const GAINED = `Allows: ${IDS.client} → ${IDS.nginx} TCP 443.`;
const LOST = `Stops allowing: ${IDS.client} → ${IDS.nginx} TCP 80.`;

test.beforeEach(async ({ page, graph }) => {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), CLASSIC);
  await expect(graph.edgeLabel(edgeId(IDS.client, IDS.nginx))).toHaveText('TCP 80');
});

test('a typed edit shows what it changed since the text as loaded, on the graph and as a list; Unpin removes the marks', async ({
  editor,
  graph,
  compare,
  page,
}) => {
  const port = find('port: 80');
  await editor.cursorAt(port.line, port.end);
  await editor.press('Backspace', 2);
  await editor.type('443');

  // The graph: the edge says what is allowed now, its badge what that gains; the loss has its own edge.
  await expect(graph.edgeLabel(edgeId(IDS.client, IDS.nginx))).toHaveText('TCP 443');
  await expect(compare.gained(IDS.client, IDS.nginx)).toContainText('+ TCP 443');
  await expect(compare.lostLabel(IDS.client, IDS.nginx)).toContainText('− TCP 80');
  await expect(compare.lostLabel(IDS.internet, IDS.nginx)).toContainText('− TCP 80');
  await expect(compare.tab()).toHaveText('Compare (3)');
  await expect(page.getByTestId('legend')).toContainText('no longer allowed (Compare)');

  // The list: which baseline, and every pair's sentences.
  await compare.open();
  await expect(compare.baseline()).toHaveText(/^Changes since the text as loaded at \d\d:\d\d/);
  await expect(compare.summary()).toHaveText('3 pairs changed.');
  expect(await compare.lines()).toEqual(expect.arrayContaining([GAINED, LOST]));

  // A pair selects its edge; the tab stays.
  await compare.pair(GAINED).click();
  await expect(graph.edge(edgeId(IDS.client, IDS.nginx))).toHaveClass(/selected/);
  await expect(compare.pair(GAINED)).toHaveAttribute('aria-pressed', 'true');

  await compare.unpin();
  await expect(compare.marks()).toHaveCount(0);
  await expect(compare.tab()).toHaveText('Compare');
  await expect(compare.baseline()).toContainText('Nothing is pinned');
  await expect(graph.edgeLabel(edgeId(IDS.client, IDS.nginx))).toHaveText('TCP 443');
});

test('Pin now compares with the text as it is; a reviewer pins the old text and pastes the new one', async ({ editor, compare, page }) => {
  await compare.open();
  const port = find('port: 80');
  await editor.cursorAt(port.line, port.end);
  await editor.type('80');
  await expect(compare.summary()).toHaveText('3 pairs changed.');
  await compare.pinNow();
  await expect(compare.baseline()).toHaveText(/^Changes since the text as pinned at /);
  await expect(compare.summary()).toHaveText('Nothing changed since.');
  await expect(compare.marks()).toHaveCount(0);

  // The PR's new text pasted over the old one: an edit, so the pinned old text stays the baseline.
  await editor.cursorAt(1, 1);
  await editor.press('ControlOrMeta+A');
  await editor.paste(CLASSIC.replace('port: 80', 'port: 443'));
  await expect(compare.summary()).toHaveText('3 pairs changed.');
  expect(await compare.lines()).toEqual(
    expect.arrayContaining([`Allows: ${IDS.client} → ${IDS.nginx} TCP 443.`, `Stops allowing: ${IDS.client} → ${IDS.nginx} TCP 8080.`]),
  );
  await expect(page.getByTestId(`edge-gained-${edgeId(IDS.other, IDS.nginx)}`)).toContainText('+ TCP 443');
});
