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

test('a denied edge explains what is denied and why, with a command to see it on a cluster', async ({ page, graph, inspector }) => {
  await graph.node(IDS.client).click();
  await page.keyboard.press('Shift+D');
  await graph.edgeLabel(edgeId(IDS.client, IDS.nginx)).click();
  const details = inspector.edgeDetails();
  await expect(details.getByTestId('denied-verdict')).toHaveText('Denied: all but TCP 80');
  // nginx listens on TCP 80 only, which is allowed: the whole of UDP is what is denied, and why.
  const why = details.getByTestId('denied-why');
  await expect(why.getByRole('heading')).toHaveText('Why UDP (any port) is denied');
  await expect(why).toContainText('DENIED: UDP (any port) from default/client[Pod] to default/nginx-pod-with-label[Pod]');
  const verify = details.getByTestId('verify-on-cluster');
  await verify.locator('summary').click();
  await expect(verify.getByTestId('verify-command')).toHaveText(
    "kubectl exec -n default client -- nc -zuv -w 2 $(kubectl get pod -n default nginx-pod-with-label -o jsonpath='{.status.podIP}') PORT",
  );
  await expect(verify).toContainText('Expect it to time out');
});

test('"Why not?" gives a command that checks its verdict on a cluster', async ({ whyNot }) => {
  await whyNot.open();
  await whyNot.ask({ query: 'client', id: IDS.client }, { query: 'nginx', id: IDS.nginx }, '80');
  const verify = whyNot.answer().getByTestId('verify-on-cluster');
  await verify.locator('summary').click();
  await expect(verify.getByTestId('verify-command')).toContainText('kubectl exec -n default client -- nc -zv -w 2 ');
  await expect(verify.getByTestId('verify-command')).toContainText(' 80');
  await expect(verify).toContainText('Expect the connection to succeed');
});
