/** Opening and dropping files: several at once, replace or add, refusals that change nothing. */
import { CLASSIC, expect, fixtureFile, IDS, test, type TestFile } from './fixtures';

const JSON_LIST = fixtureFile('manifests.json'); // json-ns/json-pod[Pod]
const JSON_STREAM = fixtureFile('json-stream.json'); // stream/api[Pod]
const WORKLOADS = fixtureFile('workloads.yaml'); // apps/frontend[Deployment], …
const README: TestFile = { name: 'README.md', text: '# Notes\n\nNothing to see.\n' };
const PNG: TestFile = { name: 'diagram.png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52] };
/** One character more than the model's limit (MAX_INPUT_CHARS, 20 MiB). */
const HUGE: TestFile = { name: 'huge.yaml', filler: 20 * 1024 * 1024 + 1 };

test('opening several files replaces the text, and Undo brings it back', async ({ files, graph, editor, page }) => {
  await files.open([JSON_LIST, JSON_STREAM]);
  await expect(files.dialog()).toContainText('Open 2 files');
  await files.choose('replace');
  await expect(graph.node('json-ns/json-pod[Pod]')).toBeVisible();
  await expect(graph.node('stream/api[Pod]')).toBeVisible();
  await expect(graph.node(IDS.nginx)).toHaveCount(0);
  expect(await editor.text()).toMatch(/^---\n# Source: manifests.json\n[^]*\n---\n# Source: json-stream.json\n/);

  await editor.cursorAt(1, 1);
  await page.keyboard.press('Control+z');
  await expect.poll(() => editor.text()).toBe(CLASSIC);
  await expect(graph.node(IDS.nginx)).toBeVisible();
});

test('opening several files can add them after the text', async ({ files, graph, editor }) => {
  await files.open([WORKLOADS, JSON_LIST]);
  await files.choose('add');
  await expect(graph.node('apps/frontend[Deployment]')).toBeVisible();
  await expect(graph.node('json-ns/json-pod[Pod]')).toBeVisible();
  await expect(graph.node(IDS.nginx)).toBeVisible();
  const text = await editor.text();
  expect(text.startsWith(CLASSIC)).toBe(true);
  expect(text).toContain('# Source: workloads.yaml');
});

test('files dropped on the graph replace the text, and the page stays', async ({ files, graph, page }) => {
  const url = page.url();
  const drop = await files.drop(page.getByTestId('graph'), [JSON_LIST, JSON_STREAM]);
  expect(drop).toEqual({ overCancelled: true, dropCancelled: true, overlay: true });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await files.choose('replace');
  await expect(graph.node('stream/api[Pod]')).toBeVisible();
  await expect(graph.node(IDS.nginx)).toHaveCount(0);
  expect(page.url()).toBe(url);
});

test('files dropped on the editor are added, not inserted by the editor as paths; a README among them is refused', async ({ files, graph, editor, page }) => {
  const url = page.url();
  const drop = await files.drop(editor.root(), [WORKLOADS, README, JSON_STREAM]);
  expect(drop).toMatchObject({ overCancelled: true, dropCancelled: true });
  await expect(files.dialog()).toContainText('Open 2 files');
  await expect(page.getByTestId('import-refused')).toContainText('README.md: it is not YAML or JSON');
  expect(await editor.text()).toBe(CLASSIC);
  await files.choose('add');
  await expect(graph.node('apps/frontend[Deployment]')).toBeVisible();
  await expect(graph.node('stream/api[Pod]')).toBeVisible();
  await expect(graph.node(IDS.nginx)).toBeVisible();
  const text = await editor.text();
  expect(text.startsWith(CLASSIC)).toBe(true);
  expect(text).not.toContain('Nothing to see');
  expect(text).not.toContain('/home/me/');
  expect(page.url()).toBe(url);
});

test('a binary file is refused with a clear message, and nothing changes', async ({ files, graph, editor }) => {
  const labels = await graph.labels();
  await files.open([PNG]);
  await expect(files.dialog()).toContainText('Nothing to open');
  await expect(files.dialog()).toContainText('diagram.png: it is not text (it holds NUL or other control bytes), so it is not YAML or JSON.');
  await expect(files.dialog().getByTestId('import-replace')).toHaveCount(0);
  await files.choose('cancel');
  expect(await editor.text()).toBe(CLASSIC);
  expect(await graph.labels()).toEqual(labels);
});

test('an oversized file is refused with a clear message, and nothing changes', async ({ files, graph, editor, page }) => {
  const labels = await graph.labels();
  await files.drop(page.getByTestId('graph'), [HUGE]);
  await expect(files.dialog()).toContainText('huge.yaml: it is 20.1 MB, more than the 20 MB limit.');
  await files.choose('cancel');
  expect(await editor.text()).toBe(CLASSIC);
  expect(await graph.labels()).toEqual(labels);
});

test('a kubectl get -o yaml List opens and shows its workloads', async ({ files, graph }) => {
  await files.open([fixtureFile('kubectl-list.yaml')]);
  await expect(files.dialog()).toContainText('Open kubectl-list.yaml');
  await files.choose('replace');
  for (const id of ['shop/web[Deployment]', 'shop/web-7d4b9c[ReplicaSet]', 'shop/db[StatefulSet]', 'kube-system/etcd-node-1[Pod]'])
    await expect(graph.node(id)).toBeVisible();
});
