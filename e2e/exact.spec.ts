/**
 * Every picture reads back as the engine says, in the production build's DOM: the edges and
 * bundles on screen (a bundle's peers read from its panel), the denied view, and a node's
 * "Reaches" / "Reached by" lists, each decoded (test/support/flow-decode.ts) and compared with the
 * engine's connectivity for the editor's text — also after typing changes a bundle's ports, with
 * namespaces collapsed (an aggregate's pairs read from its panel), and with "All" edges hidden or
 * run into trunks.
 */
import type { Page } from '@playwright/test';
import { analyze } from '../src/engine';
import type { Analysis, EndpointId } from '../src/engine/types';
import { parseManifests } from '../src/model';
import { EXTERNAL_GROUP_ID, edgeEnds, endpointsOfNode, namespaceOfNode } from '../src/ui/graph/ids';
import { generateCluster } from '../bench/generate-cluster';
import { shopCluster } from '../test/support/shop-cluster';
import {
  allowedViewDifferences,
  deniedViewDifferences,
  peerRowsDifferences,
  readPeerName,
  type ShownEdge,
  type ShownGraph,
  type ShownPair,
} from '../test/support/flow-decode';
import { CLASSIC, edgeId, expect, IDS, test, type GraphPage } from './fixtures';
import { expectedEdgeId } from '../src/ui/graph/ids';

/**
 * Two dozen Deployments in one namespace, half of them allowed only DNS egress, beside a DNS pod
 * and the outside world: bundles of one namespace and one hub with different ports.
 */
const SHOP = shopCluster();

const isGroup = (node: string) => namespaceOfNode(node) !== undefined || node === EXTERNAL_GROUP_ID;

/** The engine's answer for the editor's text, computed here. */
async function engineAnswer(page: Page): Promise<Analysis> {
  const text = await page.evaluate(() => window.__netpolTest!.getText());
  return analyze(parseManifests([{ file: 'cluster.yaml', text }]).resources);
}

/** Loads `text` as a paste does and waits until `node` is drawn and the layout has settled. */
async function load(page: Page, graph: GraphPage, text: string, node: string): Promise<void> {
  await page.evaluate((t) => window.__netpolTest!.loadText(t), text);
  await expect(graph.node(node)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Laying out…')).toHaveCount(0);
}

/** A bundle's member edges, read from the peers its panel names. */
async function bundleMembers(page: Page, id: string, nodes: readonly string[], analysis: Analysis): Promise<[string, string][]> {
  await page.getByTestId(`edge-label-${id}`).dispatchEvent('click');
  const note = page.locator(`[data-testid="edge-details"][data-edge="${id}"]`).getByTestId('bundle-peers');
  const names = ((await note.textContent({ timeout: 10_000 })) ?? '').split(', ');
  const { source, target } = edgeEnds(id);
  const hub = isGroup(source) ? target : source;
  const peerNodes = new Set(
    names.map((name) => {
      const endpoint = readPeerName(name, analysis);
      return nodes.find((node) => endpoint !== undefined && endpointsOfNode(node).includes(endpoint)) ?? `(unreadable: ${name})`;
    }),
  );
  return [...peerNodes].map((peer): [string, string] => (hub === target ? [peer, hub] : [hub, peer]));
}

/** An aggregate's pairs, as endpoints, read from the rows of its panel (all of them unfolded). */
async function aggregatePairs(page: Page, id: string, analysis: Analysis): Promise<ShownPair[]> {
  await page.getByTestId(`edge-label-${id}`).dispatchEvent('click');
  const panel = page.locator(`[data-testid="aggregate-details"][data-edge="${id}"]`);
  await panel.waitFor({ timeout: 10_000 });
  const more = panel.getByRole('button', { name: /^Show all/ });
  if ((await more.count()) > 0) await more.click();
  const rows = await panel.getByTestId('aggregate-pair').evaluateAll((trs) =>
    trs.map((tr) => ({
      from: tr.querySelector('.pair-from')!.textContent!,
      to: tr.querySelector('.pair-to')!.textContent!,
      label: tr.querySelector('.pair-ports')!.textContent!,
    })),
  );
  const endpoint = (name: string) => readPeerName(name, analysis) ?? `(unreadable: ${name})`;
  return rows.map((row) => ({ source: endpoint(row.from), target: endpoint(row.to), label: row.label }));
}

/**
 * What the graph on screen shows: node ids, which namespaces are collapsed, edge ids and labels,
 * every bundle's members and every aggregate's pairs.
 */
async function shownGraph(page: Page, graph: GraphPage, analysis: Analysis): Promise<ShownGraph> {
  const nodes = await graph.nodeIds();
  const collapsed = await graph
    .collapsedNodes()
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.slice('rf__node-'.length)));
  const edges: ShownEdge[] = [];
  for (const [id, label] of Object.entries(await graph.labels())) {
    if (/ ×\d+$/.test(label)) edges.push({ id, label, members: await bundleMembers(page, id, nodes, analysis) });
    else if (/^\d+ pairs? · /.test(label)) edges.push({ id, label, pairs: await aggregatePairs(page, id, analysis) });
    else edges.push({ id, label });
  }
  // Lines run into a trunk show no label: each reads the one at its junction, its lead's.
  const trunks = await page
    .locator('[data-testid^="edge-trunk-"]')
    .evaluateAll((els) => els.map((el) => [el.getAttribute('data-testid')!.slice('edge-trunk-'.length), el.getAttribute('data-lead')!]));
  for (const [id, lead] of trunks) edges.push({ id: id!, label: '', trunk: lead! });
  return { nodes, edges, collapsed };
}

test('the classic example and a generated cluster read back exactly, bundles included', async ({ page, graph }) => {
  expect(allowedViewDifferences(await shownGraph(page, graph, await engineAnswer(page)), await engineAnswer(page))).toEqual([]);
  await load(page, graph, generateCluster(30), 'kube-system/coredns[Deployment]');
  const analysis = await engineAnswer(page);
  const shown = await shownGraph(page, graph, analysis);
  expect(shown.edges.some((e) => e.members), 'a hub is bundled').toBe(true);
  expect(allowedViewDifferences(shown, analysis)).toEqual([]);
});

test('with "All" edges hidden, the DOM reads back under the banner\'s rule: a missing edge allows nothing or everything', async ({ page, graph }) => {
  await load(page, graph, SHOP, 'kube-system/dns[Pod]');
  await page.getByTestId('all-traffic').selectOption('hidden');
  await expect(page.getByTestId('all-hidden-banner')).toBeVisible();
  const analysis = await engineAnswer(page);
  const shown = await shownGraph(page, graph, analysis);
  expect(shown.edges.some((e) => e.label.startsWith('All'))).toBe(false);
  expect(allowedViewDifferences({ ...shown, allHidden: true }, analysis)).toEqual([]);
});

test('with "All" edges bundled into trunks, the DOM reads back exactly: each line reads the label at its junction', async ({ page, graph }) => {
  await page.getByTestId('all-traffic').selectOption('bundled');
  await expect(page.locator('[data-testid^="edge-trunk-"]')).toHaveCount(6);
  const analysis = await engineAnswer(page);
  const shown = await shownGraph(page, graph, analysis);
  expect(shown.edges.filter((e) => e.label === 'All')).toHaveLength(3);
  expect(allowedViewDifferences(shown, analysis)).toEqual([]);
  await load(page, graph, generateCluster(30), 'kube-system/coredns[Deployment]');
  const large = await engineAnswer(page);
  expect(allowedViewDifferences(await shownGraph(page, graph, large), large)).toEqual([]);
});

test('bundles whose ports differ are all drawn, and typing new ports keeps the picture exact', async ({ page, graph, editor }) => {
  await load(page, graph, SHOP, 'kube-system/dns[Pod]');
  const before = await shownGraph(page, graph, await engineAnswer(page));
  expect(before.edges.filter((e) => e.members).map((e) => e.label)).toEqual(expect.arrayContaining(['All ×13', 'TCP 53,UDP 53 ×13']));
  expect(allowedViewDifferences(before, await engineAnswer(page))).toEqual([]);
  // UDP 53 → UDP 5353 in the DNS-only egress policy, typed.
  const text = await editor.text();
  const line = text.split('\n').findIndex((l) => l.includes('{protocol: UDP, port: 53}')) + 1;
  await editor.cursorAt(line, text.split('\n')[line - 1]!.indexOf('53}') + 3);
  await editor.type('53');
  await expect.poll(async () => Object.values(await graph.labels())).toContain('TCP 53,UDP 5353 ×13');
  const analysis = await engineAnswer(page);
  expect(allowedViewDifferences(await shownGraph(page, graph, analysis), analysis)).toEqual([]);
});

test('the denied view and a node\'s reach lists read back exactly', async ({ page, graph, inspector }) => {
  await load(page, graph, generateCluster(30), 'kube-system/coredns[Deployment]');
  const analysis = await engineAnswer(page);
  const dns = 'kube-system/coredns[Deployment]' as EndpointId;
  await graph.node(dns).click();
  for (const [testId, direction] of [['reaches', 'out'], ['reached-by', 'in']] as const) {
    const list = inspector.nodeDetails().getByTestId(testId);
    const more = list.locator('xpath=following-sibling::button[1]');
    if ((await more.count()) > 0 && (await more.textContent())?.startsWith('Show all')) await more.click();
    const rows = await list.locator('tr').evaluateAll((trs) =>
      trs.map((tr) => ({ name: tr.querySelector('th')!.textContent!, ports: tr.querySelector('td')!.textContent! })),
    );
    expect(peerRowsDifferences(rows, analysis, dns, direction)).toEqual([]);
  }
  await page.keyboard.press('Shift+D');
  await expect(page.getByTestId('denied-banner')).toBeVisible();
  expect(deniedViewDifferences(await shownGraph(page, graph, analysis), analysis, dns)).toEqual([]);
});

test('a cluster above the threshold opens collapsed; its aggregates, and a namespace opened, read back exactly', async ({ page, graph }) => {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), generateCluster(150));
  await expect(graph.namespace('kube-system')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Laying out…')).toHaveCount(0);
  const analysis = await engineAnswer(page);
  const collapsed = await shownGraph(page, graph, analysis);
  expect(collapsed.collapsed!.length).toBe(analysis.namespaces.length);
  expect(collapsed.edges.some((e) => e.pairs && e.pairs.length > 1), 'some aggregate holds several pairs').toBe(true);
  expect(allowedViewDifferences(collapsed, analysis)).toEqual([]);
  // The buttons' place on screen is large-graph.spec.ts's concern; this test reads what they open.
  await graph.expandButton('kube-system').dispatchEvent('click');
  await expect(graph.node('kube-system/coredns[Deployment]')).toBeVisible();
  const opened = await shownGraph(page, graph, analysis);
  expect(opened.collapsed!.length).toBe(analysis.namespaces.length - 1);
  expect(allowedViewDifferences(opened, analysis)).toEqual([]);
  // The denied view keeps its subject's namespace open when every other one collapses.
  const subject = 'team-2/svc-2[Deployment]' as EndpointId;
  await graph.expandButton('team-2').dispatchEvent('click');
  await graph.node(subject).click();
  await page.keyboard.press('Shift+D');
  await expect(page.getByTestId('denied-banner')).toBeVisible();
  await graph.collapseAll();
  await expect(graph.collapsedNodes()).toHaveCount(analysis.namespaces.length - 1);
  await expect(graph.node(subject)).toBeVisible();
  expect(deniedViewDifferences(await shownGraph(page, graph, analysis), analysis, subject)).toEqual([]);
});

test('failing expectations are marked on the graph, and the picture still reads exactly', async ({ page, graph }) => {
  const expectations = `---
apiVersion: netpol-canvas/v1alpha1
kind: ConnectivityExpectations
metadata: {name: web}
spec:
  expectations:
    - {from: "${IDS.client}", to: "${IDS.nginx}", ports: [TCP/8080], expect: allowed}
    - {from: "${IDS.client}", to: "${IDS.nginx}", ports: [TCP/80], expect: denied}
`;
  await load(page, graph, `${CLASSIC}${expectations}`, IDS.nginx);
  const pair = edgeId(IDS.client, IDS.nginx);
  const mark = expectedEdgeId(IDS.client, IDS.nginx);
  await expect(graph.edgeText(mark)).toHaveText('✗ expected TCP 8080');
  await expect(graph.edgeText(pair)).toHaveText('TCP 80');
  await expect(graph.edgeNote(pair)).toHaveText('✗ should be denied');
  const analysis = await engineAnswer(page);
  expect(allowedViewDifferences(await shownGraph(page, graph, analysis), analysis)).toEqual([]);
  // The mark opens its pair, saying what fails.
  await page.getByTestId(`edge-label-${mark}`).dispatchEvent('click');
  const fails = page.locator(`[data-testid="edge-details"][data-edge="${mark}"]`).getByTestId('edge-check-fails');
  await expect(fails).toContainText(`web: ${IDS.client} → ${IDS.nginx}: allowed on TCP 8080 — TCP 8080 not allowed (allowed: TCP 80)`);
  await expect(fails).toContainText(`web: ${IDS.client} → ${IDS.nginx}: denied on TCP 80 — TCP 80 allowed`);
});
