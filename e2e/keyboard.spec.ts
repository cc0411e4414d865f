/**
 * The keyboard alone: Tab goes from the toolbar into the editor, Ctrl+M then Tab leaves it (the
 * way out is on screen while the editor has focus), Alt+2 focuses the graph, and graph nodes and
 * edges show a focus ring.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

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
