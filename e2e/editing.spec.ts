/**
 * Typing in the editor changes the graph. Each scenario is data — where to type, what, and the
 * edge labels expected afterwards (null: the edge is gone) — run by one harness.
 */
import { edgeId, expect, find, IDS, test } from './fixtures';

interface Scenario {
  readonly name: string;
  /** 1-based line and column of the cursor before the edit. */
  readonly at: readonly [number, number];
  /** Keys pressed before typing (e.g. to select what the edit replaces). */
  readonly keys?: readonly string[];
  readonly type?: string;
  readonly expected: Readonly<Record<string, string | null>>;
}

const intoNginx = (from: string) => edgeId(from, IDS.nginx);

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'port 80 → 8080 relabels every edge into nginx',
    at: [find('port: 80').line, find('port: 80').end],
    type: '80',
    expected: {
      [intoNginx(IDS.client)]: 'TCP 8080',
      [intoNginx(IDS.other)]: 'TCP 8080',
      [intoNginx(IDS.internet)]: 'TCP 8080',
    },
  },
  {
    name: 'a namespaceSelector lets only that namespace in',
    at: [find('- ports:').line, find('ports:').start],
    type: 'from:\n        - namespaceSelector:\n            matchLabels:\n              team: b\n      ',
    expected: {
      [intoNginx(IDS.other)]: 'TCP 80',
      [intoNginx(IDS.client)]: null,
      [intoNginx(IDS.internet)]: null,
      [edgeId(IDS.client, IDS.other)]: 'All',
    },
  },
  {
    name: 'deleting the policy opens nginx to everything',
    at: [1, 1],
    // Select from the top through the policy's `---` line.
    keys: [...Array<string>(find('---').line).fill('Shift+ArrowDown'), 'Backspace'],
    expected: {
      [intoNginx(IDS.client)]: 'All',
      [intoNginx(IDS.internet)]: 'All',
    },
  },
];

for (const scenario of SCENARIOS) {
  test(scenario.name, async ({ editor, graph }) => {
    await editor.cursorAt(...scenario.at);
    for (const key of scenario.keys ?? []) await editor.press(key);
    if (scenario.type) await editor.type(scenario.type);
    for (const [id, label] of Object.entries(scenario.expected)) {
      if (label === null) await expect(graph.edge(id)).toHaveCount(0);
      else await expect(graph.edgeLabel(id)).toHaveText(label);
    }
    await expect(graph.staleBanner()).toHaveCount(0);
    await expect(graph.heldBanner()).toHaveCount(0);
  });
}

test('Space and Backspace typed in the editor reach the editor', async ({ editor, page }) => {
  // React Flow listens to Space (pan) and Backspace (delete) on the window; the editor's
  // container opts out with `nokey`. Without it these keys never reach Monaco.
  const before = await editor.text();
  await editor.cursorAt(1, 1);
  await editor.press('Space', 2);
  expect(await editor.text()).toBe(`  ${before}`);
  await editor.press('Backspace', 2);
  expect(await editor.text()).toBe(before);
  await expect(page.getByTestId('graph')).toBeVisible();
});

test('typing through an invalid state keeps the policy at its last valid version and says so; fixing it recovers', async ({ editor, graph }) => {
  const edge = intoNginx(IDS.client);
  const ingress = find('- Ingress');
  await editor.cursorAt(ingress.line, ingress.end);
  await editor.type(': [');
  await expect(editor.errorMarkers().first()).toBeVisible();
  // The parser notices the unclosed `[` on its line or the next.
  await expect(graph.heldBanner()).toContainText('Using the last valid version of NetworkPolicy default/nginx-network-policy');
  await expect(graph.heldBanner()).toContainText(new RegExp(`line (${ingress.line}|${ingress.line + 1})`));
  await expect(graph.staleBanner()).toHaveCount(0);
  await expect(graph.edgeLabel(edge)).toHaveText('TCP 80');
  await expect(graph.node(IDS.nginx)).toBeVisible();

  await editor.press('Backspace', 3);
  await expect(graph.heldBanner()).toHaveCount(0);
  await expect(editor.errorMarkers()).toHaveCount(0);
  await expect(graph.edgeLabel(edge)).toHaveText('TCP 80');
});

test('a syntax error holds back only its document: the other documents keep updating', async ({ editor, graph }) => {
  const ingress = find('- Ingress');
  await editor.cursorAt(ingress.line, ingress.end);
  await editor.type(': [');
  await expect(graph.heldBanner()).toBeVisible();
  // Relabel the client while the policy is broken: the graph follows.
  const app = find('app: client');
  await editor.cursorAt(app.line, app.end);
  await editor.type('2');
  await expect(graph.node(IDS.client)).toContainText('app=client2');
  await expect(graph.edgeLabel(intoNginx(IDS.client))).toHaveText('TCP 80');
});

test('a text whose one policy the API server would reject shows its own workloads and evaluates the rest', async ({ page, graph, inspector, whyNot }) => {
  const pod = (name: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: shop, labels: {app: ${name}}}\nspec: {containers: [{name: c, image: i}]}\n`;
  const policy = (name: string, app: string, from: string) =>
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: ${app}}}\n  ingress: [{from: [${from}], ports: [{port: 443}]}]\n`;
  const text = [pod('web'), pod('db'), policy('web-in', 'web', '{ipBlock: {cidr: 10.0.0.0/33}}'), policy('db-in', 'db', '{podSelector: {matchLabels: {app: web}}}')].join('---\n');
  await page.evaluate((t) => window.__netpolTest!.loadText(t), text);
  await expect(graph.node('shop/web[Pod]')).toBeVisible();
  await expect(graph.node(IDS.nginx)).toHaveCount(0);
  // db-in is evaluated: only web reaches db, on 443; web-in is left out: web is open.
  await expect(graph.edgeLabel(edgeId('shop/web[Pod]', 'shop/db[Pod]'))).toHaveText('TCP 443');
  await expect(graph.edgeLabel(edgeId('shop/db[Pod]', 'shop/web[Pod]'))).toHaveText('All');
  await expect(graph.staleBanner()).toHaveCount(0);
  await expect(graph.heldBanner()).toHaveCount(0);
  await inspector.tab('problems').click();
  await expect(page.getByTestId('problems')).toContainText('invalid-cidr');
  await whyNot.open();
  await whyNot.from.open();
  await expect(whyNot.from.optionLabels()).toContainText(['db', 'web']);
});
