/** Explanations, both ways: graph → YAML (edges, nodes) and YAML → graph (cursor in a policy). */
import { edgeId, expect, find, IDS, test } from './fixtures';

test('clicking an edge explains it per port and jumps to the rule', async ({ editor, graph, inspector }) => {
  await graph.edgeLabel(edgeId(IDS.client, IDS.nginx)).click();
  const details = inspector.edgeDetails();
  await expect(details).toContainText('client → nginx-pod-with-label');
  const row = details.getByRole('row', { name: /TCP 80/ });
  await expect(row).toContainText('not isolated');
  await expect(row.getByRole('button', { name: 'nginx-network-policy · ingress rule 1' })).toBeVisible();
  await expect.poll(() => editor.cursor()).toMatchObject({ line: find('- ports:').line });
  await expect(editor.revealedLines().first()).toBeVisible();
});

test('clicking the line of an edge selects it too', async ({ graph, inspector }) => {
  await graph.edgeLine(edgeId(IDS.other, IDS.nginx)).click();
  await expect(inspector.edgeDetails()).toContainText('other-client → nginx-pod-with-label');
});

test('clicking a node reveals its YAML and lists the policies selecting it', async ({ editor, graph, inspector }) => {
  await graph.node(IDS.nginx).click();
  const details = inspector.nodeDetails();
  await expect(details.getByRole('button', { name: 'nginx-network-policy' })).toBeVisible();
  await expect(details.getByTestId('lets-in')).toHaveText('client, other-client, 0.0.0.0/0');
  // The pod's document starts on the line after the policy's `---`.
  await expect.poll(() => editor.cursor()).toMatchObject({ line: find('---').line + 1 });
});

test('the cursor inside a policy highlights what it selects and the edges it allows', async ({ editor, graph }) => {
  await editor.cursorAt(find('matchLabels').line, 5);
  await expect(graph.node(IDS.nginx)).toHaveClass(/is-policy-target/);
  await expect(graph.edgeLabel(edgeId(IDS.client, IDS.nginx))).toHaveClass(/edge-strong/);
  await expect(graph.edgeLabel(edgeId(IDS.client, IDS.other))).toHaveClass(/edge-dim/);
  await editor.cursorAt(find('name: client').line, 1);
  await expect(graph.node(IDS.nginx)).not.toHaveClass(/is-policy-target/);
});

test('Enter at the end of a policy keeps its highlight, on the new line too', async ({ page, editor, graph }) => {
  const last = find('port: 80');
  await editor.cursorAt(last.line, last.end);
  await expect(graph.node(IDS.nginx)).toHaveClass(/is-policy-target/);
  // Each keystroke, then until the graph shows it (its `netpol:recompute` measure is taken).
  const shown = () => page.evaluate(() => performance.getEntriesByName('netpol:recompute').length);
  for (const key of ['Enter', '#', ' ', 'x']) {
    const before = await shown();
    await editor.press(key);
    await expect.poll(shown).toBeGreaterThan(before);
    await expect(graph.node(IDS.nginx)).toHaveClass(/is-policy-target/);
  }
  expect(await editor.text()).toContain('port: 80\n# x\n---');
});

test('"Why not?" gives the verdict and the reasons', async ({ whyNot }) => {
  await whyNot.open();
  await whyNot.ask({ query: 'client', id: IDS.client }, { query: 'nginx', id: IDS.nginx }, '443');
  const answer = whyNot.answer();
  await expect(answer).toContainText('Denied');
  await expect(answer).toContainText('its ports do not include TCP 443');
  await whyNot.port().fill('80');
  await expect(answer).toContainText('Allowed');
});
