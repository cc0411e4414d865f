/**
 * The keyboard alone: Tab goes from the toolbar into the editor, Ctrl+M then Tab leaves it (the
 * way out is on screen while the editor has focus; Ctrl+Shift+M on a Mac), Alt+2 focuses the
 * graph, and graph nodes and edges show a focus ring. Each thing the mouse does on the graph has a
 * keyboard way, tested here by its effect.
 */
import type { Locator, Page } from '@playwright/test';
import { edgeId, expect, IDS, test } from './fixtures';

/** Where the focus is: 'editor', 'node', 'edge', or the focused element's tag. */
function focusIn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement!;
    if (el.closest('.monaco-editor')) return 'editor';
    if (el.classList.contains('react-flow__node')) return 'node';
    if (el.classList.contains('react-flow__edge')) return 'edge';
    return el.tagName.toLowerCase();
  });
}

/** Presses `key` until the focus is in `place`, at most `limit` times; says whether it got there. */
async function tabTo(page: Page, place: string, key = 'Tab', limit = 40): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if ((await focusIn(page)) === place) return true;
  }
  return false;
}

/** The focused element's outline, as drawn. */
function focusOutline(page: Page): Promise<{ style: string; width: number }> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
}

test('Tab from the toolbar reaches the editor, which shows its way out; Ctrl+M then Tab leaves it', async ({ page }) => {
  const hint = page.getByTestId('editor-tab-hint');
  await page.getByTestId('new-button').focus();
  await expect(hint).toBeEmpty();
  expect(await tabTo(page, 'editor')).toBe(true);
  await expect(hint).toHaveText('Ctrl+M then Tab leaves the editor · Alt+2 the graph');
  await expect(hint).toHaveAttribute('aria-live', 'polite');

  await page.keyboard.press('Control+m');
  await page.keyboard.press('Tab');
  expect(await focusIn(page)).not.toBe('editor');
  await expect(hint).toBeEmpty();
});

test('the shortcuts dialog says how to leave the editor', async ({ page }) => {
  await page.locator('.react-flow').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-dialog')).toContainText('Ctrl+M then TabLeave the editor');
});

test('Alt+2 from the editor focuses the graph: a node, with a visible focus ring; Shift+Tab reaches an edge, ringed too', async ({ page, editor }) => {
  await editor.cursorAt(1, 1);
  expect(await focusIn(page)).toBe('editor');
  await page.keyboard.press('Alt+2');
  expect(await focusIn(page)).toBe('node');
  const nodeRing = await focusOutline(page);
  expect(nodeRing.style).not.toBe('none');
  expect(nodeRing.width).toBeGreaterThan(0);

  // React Flow puts its edges before its nodes in the page: back from a node is an edge.
  expect(await tabTo(page, 'edge', 'Shift+Tab')).toBe(true);
  const edgeRing = await focusOutline(page);
  expect(edgeRing.style).not.toBe('none');
  expect(edgeRing.width).toBeGreaterThan(0);
  // Chromium draws no outline around an SVG group: the line itself glows in the focus colour.
  const glow = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.react-flow__edge-path')!).filter);
  expect(glow).toContain('drop-shadow');
});

/**
 * Alt+2, then `key` until `target` has the focus: the graph reached with the keyboard alone. Edges
 * come before nodes in the page: Shift+Tab reaches them.
 */
async function tabToItem(page: Page, target: Locator, key = 'Tab'): Promise<void> {
  await page.keyboard.press('Alt+2');
  const focused = () => target.evaluate((el) => el === document.activeElement);
  for (let i = 0; i < 40 && !(await focused()); i++) await page.keyboard.press(key);
  await expect(target).toBeFocused();
}

test('Enter on a focused node opens its details, as a click does', async ({ page, graph, inspector }) => {
  await tabToItem(page, graph.node(IDS.nginx));
  await page.keyboard.press('Enter');
  await expect(inspector.nodeDetails().getByRole('button', { name: 'nginx-network-policy' })).toBeVisible();
});

test('Enter on a focused edge explains it, as a click does; Escape clears it, as a click on the empty graph does', async ({
  page,
  graph,
  inspector,
}) => {
  await tabToItem(page, graph.edge(edgeId(IDS.client, IDS.nginx)), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(inspector.edgeDetails()).toContainText('client → nginx-pod-with-label');
  await page.keyboard.press('Escape');
  await expect(inspector.edgeDetails()).toHaveCount(0);
});

test('arrow keys move the selected node, as a drag does, and the move is kept', async ({ page, editor, graph, keep }) => {
  const node = graph.node(IDS.client);
  await tabToItem(page, node);
  await page.keyboard.press('Enter');
  const before = await graph.position(IDS.client);
  const moved = await keep.now();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => graph.position(IDS.client)).not.toBe(before);
  const after = await graph.position(IDS.client);
  await keep.savedSince(moved);
  await page.reload();
  await editor.ready();
  await expect(node).toBeVisible();
  expect(await graph.position(IDS.client)).toBe(after);
});

test('+ and - on a selected namespace open and collapse it, as a double-click does', async ({ page, graph }) => {
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('Alt+Shift+C');
  await expect(graph.collapsedNodes()).toHaveCount(2);
  await tabToItem(page, graph.namespace('team-b'));
  await page.keyboard.press('Enter');
  await page.keyboard.press('+');
  await expect(graph.node(IDS.other)).toBeVisible();
  await expect(graph.collapsedNodes()).toHaveCount(1);
  await page.keyboard.press('-');
  await expect(graph.collapsedNodes()).toHaveCount(2);
});

test('the menu of a focused node allows traffic from it, as dropping its connector on another node does', async ({ page, graph }) => {
  await tabToItem(page, graph.node(IDS.other));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await expect(page.getByRole('menuitem').first()).toHaveText('Allow traffic to…');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('allow-form')).toContainText('team-b/other-client');
});

/** Where the graph's viewport is translated to, in screen pixels. */
function viewportAt(page: Page): Promise<{ x: number; y: number }> {
  return page.locator('.react-flow__viewport').evaluate((el) => {
    const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
    return { x: m.e, y: m.f };
  });
}

test('arrow keys pan the graph, as dragging the empty graph does, when no selected node takes them', async ({ page, graph }) => {
  const pane = (await page.locator('.react-flow').boundingBox())!;
  await tabToItem(page, graph.node(IDS.nginx));
  const node = await graph.position(IDS.nginx);
  const start = await viewportAt(page);
  // A step is a tenth of the pane, four with Shift; the drawing slides against the arrow.
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await viewportAt(page)).x).toBeCloseTo(start.x - pane.width / 10, 0);
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(async () => (await viewportAt(page)).y).toBeCloseTo(start.y + (pane.height * 4) / 10, 0);
  expect((await viewportAt(page)).x).toBeCloseTo(start.x - pane.width / 10, 0);
  expect(await graph.position(IDS.nginx)).toBe(node);
});

test.describe('on a Mac', () => {
  // Monaco reads the platform from the user agent: with this one, it binds its toggle as on a Mac.
  test.use({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0' });

  test('the editor names Ctrl+Shift+M as its way out, as Monaco binds it there; so does the shortcuts dialog', async ({
    page,
    editor,
  }) => {
    const hint = page.getByTestId('editor-tab-hint');
    await editor.cursorAt(1, 1);
    await expect(hint).toHaveText('Ctrl+Shift+M then Tab leaves the editor · Alt+2 the graph');
    await page.keyboard.press('Control+Shift+m');
    await page.keyboard.press('Tab');
    expect(await focusIn(page)).not.toBe('editor');

    await page.locator('.react-flow').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await expect(page.getByTestId('help-dialog')).toContainText('Ctrl+Shift+M then TabLeave the editor');
  });
});
