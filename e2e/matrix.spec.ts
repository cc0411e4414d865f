/**
 * The truth table (Graph | Matrix) in the production build: the classic example's cells for one
 * port and for everything; hovering and clicking a cell (its explanation, "Why not?" for a port);
 * one selection for the graph and the table, both ways; the switch by shortcut, kept over a
 * reload; the downloads, line for line as the CLI writes them; and, exactly as the graph is read
 * back in exact.spec.ts, every rendered cell decoded and compared with the engine — at 2000
 * workloads too, where only a window of the four million cells is in the page.
 */
import type { Page } from '@playwright/test';
import { analyze, isAllConnections, isNoConnections, type ConnectionSet } from '../src/engine';
import type { Analysis, PortQuery } from '../src/engine/types';
import { parseManifests } from '../src/model';
import { generateCluster } from '../bench/generate-cluster';
import { MatrixPage, type ShownCell } from './pages/matrix';
import { CLASSIC, IDS, edgeId, expect, test as base } from './fixtures';

const test = base.extend<{ matrix: MatrixPage }>({
  matrix: async ({ page }, use) => use(new MatrixPage(page)),
});

const { client, nginx, other, internet } = IDS;
const CLASSIC_IDS = [client, nginx, other, internet];

/** The engine's analysis of the editor's text, computed here. */
async function engineAnswer(page: Page): Promise<Analysis> {
  const text = await page.evaluate(() => window.__netpolTest!.getText());
  return analyze(parseManifests([{ file: 'cluster.yaml', text }]).resources);
}

/** What a cell must show for `allowed`, read from the connection set itself. */
function symbolFor(allowed: ConnectionSet, query: PortQuery | undefined): string {
  if (query === undefined) return isAllConnections(allowed) ? '✓' : isNoConnections(allowed) ? '✗' : '◐';
  const ranges = allowed[query.protocol];
  if (query.port !== undefined) return ranges.some(([lo, hi]) => lo <= query.port! && query.port! <= hi) ? '✓' : '✗';
  return ranges.length === 0 ? '✗' : ranges.length === 1 && ranges[0]![0] === 1 && ranges[0]![1] === 65535 ? '✓' : '◐';
}

/** The rendered cells that differ from the engine, and whether they make a whole rectangle of the table. */
function differences(shown: readonly ShownCell[], analysis: Analysis, query: PortQuery | undefined): string[] {
  const none: ConnectionSet = { TCP: [], UDP: [], SCTP: [] };
  const allowed = new Map(analysis.connections.map((c) => [`${c.from} ${c.to}`, c.allowed]));
  const outside = new Set<string>(analysis.endpoints.filter((e) => e.type === 'external').map((e) => e.id));
  const found = shown.flatMap(({ from, to, symbol }) => {
    const expected = from === to || (outside.has(from) && outside.has(to)) ? '' : symbolFor(allowed.get(`${from} ${to}`) ?? none, query);
    return symbol === expected ? [] : [`${from} → ${to}: shows "${symbol}", engine "${expected}"`];
  });
  const [rows, cols] = [new Set(shown.map((c) => c.from)), new Set(shown.map((c) => c.to))];
  if (rows.size * cols.size !== shown.length) found.push(`${shown.length} cells for ${rows.size} rows × ${cols.size} columns`);
  return found;
}

/** The classic example's table, row by row in endpoint order, as the symbols it must show. */
function classicRows(shown: readonly ShownCell[]): string[] {
  return CLASSIC_IDS.map((from) => CLASSIC_IDS.map((to) => shown.find((c) => c.from === from && c.to === to)?.symbol || '·').join(''));
}

test('the classic example: TCP 80 is allowed everywhere, and for everything nginx is reached partly', async ({ page, matrix }) => {
  await matrix.open();
  await matrix.traffic('TCP', '80');
  await expect.poll(async () => classicRows(await matrix.shown())).toEqual(['·✓✓✓', '✓·✓✓', '✓✓·✓', '✓✓✓·']);
  await matrix.traffic('any');
  await expect.poll(async () => classicRows(await matrix.shown())).toEqual(['·◐✓✓', '✓·✓✓', '✓◐·✓', '✓◐✓·']);
  await expect(page.getByTestId('matrix-legend')).toContainText('✓allowed');
  await expect(page.getByTestId('matrix-legend')).toContainText('Cells: every port of every protocol.');
  // The outside world is a group of its own, labelled by its CIDR.
  await expect(matrix.header('row', internet)).toHaveText('0.0.0.0/0');
});

test('hovering a cell names its pair and verdict; clicking explains it, for a port in "Why not?"', async ({ page, matrix }) => {
  await matrix.open();
  await matrix.traffic('TCP', '443');
  await (await matrix.cell(other, nginx)).hover();
  await expect(matrix.tooltip()).toHaveText(`${other} → ${nginx}✗ denied: TCP 443`);

  await (await matrix.cell(other, nginx)).click();
  await expect(page.getByTestId('tab-whyNot')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('why-port')).toHaveValue('443');
  await expect(page.getByTestId('why-protocol')).toHaveValue('TCP');
  await expect(page.getByTestId('why-from').getByRole('combobox')).toHaveValue(/other-client/);
  await expect(page.getByTestId('why-to').getByRole('combobox')).toHaveValue(/nginx-pod-with-label/);
  await expect(page.getByTestId('why-answer')).toContainText('Denied');
  await expect(page.getByTestId('why-answer')).toContainText('its ports do not include TCP 443');
  await expect(page.getByTestId('matrix-selected')).toHaveAttribute('data-row', await matrix.index('row', other));
});

test('a cell for everything shows the pair’s details; the graph shows the same pair selected, and back', async ({ page, matrix, graph }) => {
  await matrix.open();
  await (await matrix.cell(client, nginx)).click();
  const details = page.getByTestId('edge-details');
  await expect(details).toHaveAttribute('data-edge', edgeId(client, nginx));
  await expect(details).toContainText('Allowed: TCP 80');

  await matrix.switchTo('graph');
  await expect(graph.edge(edgeId(client, nginx))).toHaveClass(/selected/);
  await expect(details).toHaveAttribute('data-edge', edgeId(client, nginx));

  // A node selected in the graph lights its row and its column in the table.
  await graph.node(other).click();
  await matrix.open();
  await expect(matrix.header('row', other)).toHaveClass(/is-lit/);
  await expect(matrix.header('col', other)).toHaveClass(/is-lit/);
  await expect(matrix.header('row', client)).not.toHaveClass(/is-lit/);
  await expect(page.getByTestId('matrix-selected')).toHaveCount(0);

  // A header opens its workload, as a click on its node does.
  await matrix.header('col', nginx).click();
  await expect(page.getByTestId('node-details')).toContainText('nginx-pod-with-label');
});

test('Shift+M switches, the help lists it, and the choice is kept over a reload', async ({ page, matrix, keep }) => {
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Shift+M');
  await expect(matrix.grid()).toBeVisible();
  await expect(page.getByTestId('pane-matrix')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-dialog')).toContainText('Shift+MSwitch between the graph and the truth table');
  await page.getByTestId('help-dialog').getByRole('button', { name: 'Close' }).click();

  await matrix.traffic('UDP', '53');
  await keep.savedSince(await keep.now());
  await page.reload();
  await expect(matrix.grid()).toBeVisible();
  await expect(page.getByTestId('matrix-port')).toHaveValue('53');
  await page.keyboard.press('Shift+M');
  await expect(page.getByTestId('graph')).toBeVisible();
});

test('the downloads are the CLI’s matrix and matrix-csv formats', async ({ matrix }) => {
  await matrix.open();
  await matrix.traffic('TCP', '443');
  const md = await matrix.download('md');
  expect(md.name).toBe('truth-table-tcp-443.md');
  expect(md.text.split('\n')).toEqual([
    'Traffic: TCP 443. Rows are sources, columns destinations: ✓ allowed, ✗ denied, ◐ partly allowed; blank: not decided (an endpoint and itself, or two outside ranges).',
    '',
    `| source \\ destination | ${CLASSIC_IDS.join(' | ')} |`,
    '|---|:-:|:-:|:-:|:-:|',
    `| ${client} |   | ✗ | ✓ | ✓ |`,
    `| ${nginx} | ✓ |   | ✓ | ✓ |`,
    `| ${other} | ✓ | ✗ |   | ✓ |`,
    `| ${internet} | ✓ | ✗ | ✓ |   |`,
    '',
  ]);
  await matrix.traffic('any');
  const csv = await matrix.download('csv');
  expect(csv.name).toBe('truth-table-all.csv');
  expect(csv.text.split('\n')).toEqual([
    `,${CLASSIC_IDS.join(',')}`,
    `${client},,partial,allowed,allowed`,
    `${nginx},allowed,,allowed,allowed`,
    `${other},allowed,partial,,allowed`,
    `${internet},allowed,partial,allowed,`,
    '',
  ]);
});

test('every rendered cell reads back as the engine says: the classic example and a generated cluster, scrolled', async ({ page, matrix }) => {
  await matrix.open();
  for (const query of [undefined, { protocol: 'TCP' as const }, { protocol: 'UDP' as const, port: 53 }]) {
    await matrix.traffic(query?.protocol ?? 'any', query?.port?.toString() ?? '');
    await expect.poll(async () => differences(await matrix.shown(), await engineAnswer(page), query)).toEqual([]);
  }
  await page.evaluate((t) => window.__netpolTest!.loadText(t), generateCluster(60));
  await expect(matrix.header('row', 'kube-system/coredns[Deployment]')).toBeVisible({ timeout: 30_000 });
  const analysis = await engineAnswer(page);
  for (const query of [undefined, { protocol: 'TCP' as const, port: 8080 }]) {
    await matrix.traffic(query?.protocol ?? 'any', query?.port?.toString() ?? '');
    for (const [down, across] of [[0, 0], [0.5, 0.3], [1, 1]] as const) {
      await matrix.scrollTo(down, across);
      const shown = await matrix.shown();
      expect(shown.length).toBeGreaterThan(50);
      expect(differences(shown, analysis, query)).toEqual([]);
    }
  }
  // Scrolled to its end, the table becomes four endpoints long again (TCP 8080: nginx takes only 80).
  await page.evaluate((t) => window.__netpolTest!.loadText(t), CLASSIC);
  await expect.poll(async () => classicRows(await matrix.shown())).toEqual(['·✗✓✓', '✓·✓✓', '✓✗·✓', '✓✗✓·']);
});

test.describe('2000 workloads', () => {
  test.describe.configure({ timeout: 300_000 });

  test('the table opens with only a window of its four million cells in the page, exact where it is scrolled', async ({ page, matrix }) => {
    await page.evaluate((t) => window.__netpolTest!.loadText(t), generateCluster(2000));
    await expect(page.getByTestId('rf__node-namespace:kube-system')).toBeVisible({ timeout: 120_000 });
    await matrix.open();
    const analysis = await engineAnswer(page);
    expect(analysis.endpoints.length).toBeGreaterThan(2000);
    await expect(matrix.header('row', analysis.endpoints[0]!.id)).toBeVisible();

    const { row } = await matrix.scrollTo(0.5, 0.5);
    expect(row).toBeGreaterThan(900);
    const shown = await matrix.shown();
    expect(shown.length).toBeGreaterThan(100);
    expect(shown.length).toBeLessThan(2000);
    await expect(matrix.grid().locator('.matrix-header')).not.toHaveCount(0);
    expect(await matrix.grid().locator('.matrix-header').count()).toBeLessThan(200);
    expect(differences(shown, analysis, undefined)).toEqual([]);

    // A cell in the middle selects its pair; the graph opens its namespaces; back in the table, it is scrolled to.
    const pair = shown.find((c) => c.symbol === '✗')!;
    await (await matrix.cell(pair.from, pair.to)).click();
    await expect(page.getByTestId('edge-details')).toContainText('Nothing allowed');
    await matrix.switchTo('graph');
    await expect(page.getByTestId('graph')).toBeVisible();
    await expect(page.getByTestId('edge-details')).toContainText(pair.from);
    await matrix.open();
    const selected = page.getByTestId('matrix-selected');
    await expect(selected).toBeInViewport();
    await expect(selected).toHaveAttribute('data-row', await matrix.index('row', pair.from));
    await expect(selected).toHaveAttribute('data-col', await matrix.index('col', pair.to));
  });
});
