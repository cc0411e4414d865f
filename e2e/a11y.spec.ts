/**
 * Accessibility: axe-core's WCAG 2.2 AA rules find no violation on the page, in light and dark,
 * with the side panel showing an edge and with a dialog open. Monaco's own widget is left out:
 * its internals are Monaco's to fix, and the editor pane around it is checked.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, edgeId, IDS } from './fixtures';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The violations axe finds on the page as it stands, each with the elements it names (readable in a failure). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).exclude('.monaco-editor').analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('every piece of the page lies in a landmark, and one of them is main', async ({ page }) => {
  // Best-practice rules, not WCAG ones: they name what a screen reader's landmark list would miss.
  const results = await new AxeBuilder({ page })
    .withRules(['region', 'landmark-one-main', 'landmark-unique', 'landmark-no-duplicate-main'])
    .exclude('.monaco-editor')
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in ${colorScheme}`, () => {
    test.use({ colorScheme });

    test('the page as it opens has no violation', async ({ page }) => {
      await expect(page.locator('.app')).toHaveAttribute('data-theme', colorScheme);
      expect(await violations(page)).toEqual([]);
    });

    test('with an edge selected and its details open, no violation', async ({ page, graph, inspector }) => {
      const edge = edgeId(IDS.client, IDS.nginx);
      await graph.edgeLabel(edge).click();
      await inspector.tab('details').click();
      await expect(inspector.edgeDetails()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('React Flow\'s attribution link passes contrast (axe can tell: its background is solid)', async ({ page }) => {
      const results = await new AxeBuilder({ page }).withRules(['color-contrast']).include('.react-flow__attribution').analyze();
      expect([...results.violations, ...results.incomplete].map((v) => v.id)).toEqual([]);
      expect(results.passes.map((v) => v.id)).toEqual(['color-contrast']);
    });

    test('the editor lines of a selected edge\'s rule keep their code readable (contrast ≥ 4.5:1)', async ({ page, graph, editor }) => {
      await graph.edgeLabel(edgeId(IDS.client, IDS.nginx)).click();
      await expect(editor.revealedLines().first()).toBeVisible();
      // axe leaves Monaco out: the text on the highlighted lines is measured here against the tint over the editor.
      const worst = await page.evaluate(() => {
        const channels = (color: string) => color.match(/[\d.]+/g)!.map(Number);
        const luminance = ([r, g, b]: number[]) => {
          const linear = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
          return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
        };
        const root = document.querySelector('.monaco-editor')!;
        const base = channels(getComputedStyle(root.querySelector('.monaco-editor-background')!).backgroundColor);
        const tint = channels(getComputedStyle(root.querySelector('.editor-reveal')!).backgroundColor);
        const alpha = tint[3] ?? 1;
        const background = base.slice(0, 3).map((c, i) => tint[i]! * alpha + c * (1 - alpha));
        const tops = new Set([...root.querySelectorAll('.editor-reveal')].map((el) => (el.parentElement as HTMLElement).style.top));
        const lines = [...root.querySelectorAll<HTMLElement>('.view-line')].filter((line) => tops.has(line.style.top));
        const ratios = lines.flatMap((line) =>
          [...line.querySelectorAll('span span')].filter((s) => s.textContent!.trim()).map((span) => {
            const [a, b] = [luminance(channels(getComputedStyle(span).color)), luminance(background)];
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          }),
        );
        return { lines: lines.length, ratio: Math.min(...ratios) };
      });
      expect(worst.lines).toBeGreaterThan(0);
      expect(worst.ratio).toBeGreaterThanOrEqual(4.5);
    });

    test('with the shortcuts dialog open, no violation', async ({ page }) => {
      await page.locator('.react-flow').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('?');
      await expect(page.getByTestId('help-dialog')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('with the examples gallery open, no violation', async ({ page, gallery }) => {
      await gallery.open();
      expect(await violations(page)).toEqual([]);
    });
  });
}
