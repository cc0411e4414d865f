/**
 * Export: what each entry of the Export menu writes, read back as kubectl would (the model's
 * parseManifests, YAML 1.1) and checked against Kubernetes' OpenAPI schema (kubernetes-models, the
 * same validator the app uses); the zip unpacked with fflate; the problems dialog that blocks an
 * export and "export anyway"; one policy from the editor's context menu and from the node panel.
 */
import { strFromU8, unzipSync } from 'fflate';
import { validate } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy';
import { parseAllDocuments } from 'yaml';
import { parseManifests } from '../src/model';
import { CLASSIC, expect, IDS, test } from './fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Two policies (one without a namespace, with comments), and a Pod, also without one. */
const SHOP = `# Shop policies, reviewed weekly
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-from-frontend # who may call web
spec:
  podSelector:
    matchLabels: {app: web}
  ingress:
    # only the frontend, only on 8080
    - from:
        - podSelector:
            matchLabels: {app: frontend}
      ports:
        - port: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

/** A policy the API server rejects: a port that is neither a number nor a name, an unknown protocol. */
const BROKEN = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: broken
spec:
  podSelector: {}
  ingress:
    - ports:
        - port: true
          protocol: TCPX
`;

/** Each document of an exported text as plain data, and the text as kubectl reads it. */
function read(text: string) {
  const documents = parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS() as Record<string, any>);
  const model = parseManifests([{ file: 'export.yaml', text }]);
  return { documents, model };
}

/** Which `namespace/name` policies the text holds, after checking each is explicit and schema-valid. */
function exportedPolicies(text: string): string[] {
  const { documents, model } = read(text);
  for (const document of documents) {
    expect(document.kind).toBe('NetworkPolicy');
    expect(document.metadata.namespace, `${document.metadata.name} has an explicit namespace`).toEqual(
      expect.any(String),
    );
    expect(validate(document), `${document.metadata.name} passes the OpenAPI schema`).toBe(true);
  }
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(model.resources.workloads).toEqual([]);
  return model.resources.policies.map((p) => `${p.namespace}/${p.name}`);
}

test.beforeEach(async ({ page, graph }) => {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), SHOP);
  await expect(graph.node('default/web[Pod]')).toBeVisible();
});

test('exports only the NetworkPolicies, kubectl-ready: namespaces written out, comments kept, valid', async ({
  exporter,
}) => {
  const file = await exporter.downloadEntry('policies-download');
  expect(file.name).toBe('network-policies.yaml');
  const text = file.bytes.toString('utf8');
  expect(exportedPolicies(text)).toEqual(['default/web-from-frontend', 'shop/deny-all']);
  expect(text).toContain('  name: web-from-frontend # who may call web\n  namespace: default\n');
  expect(text).toContain('# Shop policies, reviewed weekly\n');
  expect(text).toContain('    # only the frontend, only on 8080\n');
  expect(text.split('\n').filter((line) => line === '---')).toHaveLength(1);
  await expect(exporter.status()).toHaveText('Downloaded network-policies.yaml: 2 NetworkPolicies.');

  await exporter.choose('policies-copy');
  expect(await exporter.copied()).toBe(text);
});

test('exports everything, with the Pod’s namespace written out too', async ({ exporter }) => {
  const file = await exporter.downloadEntry('everything-download');
  expect(file.name).toBe('manifests.yaml');
  const { documents, model } = read(file.bytes.toString('utf8'));
  expect(documents.map((d) => `${d.kind} ${d.metadata.namespace}/${d.metadata.name}`)).toEqual([
    'NetworkPolicy default/web-from-frontend',
    'Pod default/web',
    'NetworkPolicy shop/deny-all',
  ]);
  expect(model.resources.workloads.map((w) => `${w.namespace}/${w.name}`)).toEqual(['default/web']);
});

test('zips a file per policy, <namespace>/<name>.yaml, and a kustomization listing them', async ({
  exporter,
}) => {
  const file = await exporter.downloadEntry('policies-zip');
  expect(file.name).toBe('network-policies.zip');
  const files = Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(file.bytes))).map(([path, bytes]) => [path, strFromU8(bytes)]),
  );
  expect(Object.keys(files).sort()).toEqual([
    'default/web-from-frontend.yaml',
    'kustomization.yaml',
    'shop/deny-all.yaml',
  ]);
  expect(exportedPolicies(files['default/web-from-frontend.yaml']!)).toEqual(['default/web-from-frontend']);
  expect(exportedPolicies(files['shop/deny-all.yaml']!)).toEqual(['shop/deny-all']);
  const kustomization = read(files['kustomization.yaml']!).documents[0]!;
  expect(kustomization).toEqual({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: ['default/web-from-frontend.yaml', 'shop/deny-all.yaml'],
  });
});

test('a schema problem blocks the export, shows where it is, and "export anyway" exports', async ({
  page,
  exporter,
  editor,
}) => {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), `${SHOP}---\n${BROKEN}`);
  await expect(page.getByTestId('rf__node-default/web[Pod]')).toBeVisible();
  let downloads = 0;
  page.on('download', () => downloads++);

  await exporter.choose('policies-download');
  await expect(exporter.dialog()).toBeVisible();
  await expect(exporter.problems()).toHaveText([
    /^Line 42:17NetworkPolicy default\/brokenspec\.ingress\[0\]\.ports\[0\]\.port: must be a string or an integer, not true$/,
    /^Line 43:21NetworkPolicy default\/brokenspec\.ingress\[0\]\.ports\[0\]\.protocol: must be one of SCTP, TCP, UDP, not "TCPX"$/,
  ]);
  expect(downloads).toBe(0);

  // Its place is a link into the editor.
  await exporter.problems().first().getByRole('button', { name: 'Line 42:17' }).click();
  await expect(exporter.dialog()).toBeHidden();
  await expect(editor.revealedLines()).toHaveCount(1);
  expect(await editor.cursor()).toEqual({ line: 42, column: 17 });

  await exporter.choose('policies-download');
  const file = await exporter.download(exporter.dialog().getByTestId('export-anyway'));
  const { documents } = read(file.bytes.toString('utf8'));
  expect(documents.map((d) => d.metadata.name)).toEqual(['web-from-frontend', 'deny-all', 'broken']);
  await expect(exporter.dialog()).toBeHidden();
});

test('exports the policy under the cursor from the editor’s context menu', async ({
  page,
  editor,
  exporter,
}) => {
  await editor.contextMenu('name: deny-all', 'Copy this NetworkPolicy (kubectl-ready)');
  const text = await exporter.copied();
  expect(exportedPolicies(text)).toEqual(['shop/deny-all']);
  await expect(exporter.status()).toHaveText('Copied NetworkPolicy shop/deny-all to the clipboard.');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    editor.contextMenu('# only the frontend', 'Download this NetworkPolicy (kubectl-ready)'),
  ]);
  expect(download.suggestedFilename()).toBe('default-web-from-frontend.yaml');

  await editor.contextMenu('image: nginx', 'Copy this NetworkPolicy (kubectl-ready)');
  await expect(exporter.status()).toContainText('The cursor is not in a policy');
});

test('exports one policy from the node panel’s list of the policies selecting it', async ({
  page,
  graph,
  inspector,
  exporter,
}) => {
  await graph.node('default/web[Pod]').click();
  const policy = inspector.nodeDetails().locator('.policy-effect', { hasText: 'web-from-frontend' });
  await policy.getByRole('button', { name: 'copy', exact: true }).click();
  const text = await exporter.copied();
  expect(exportedPolicies(text)).toEqual(['default/web-from-frontend']);
  expect(text).toContain('  namespace: default\n');

  const file = await exporter.download(policy.getByRole('button', { name: 'download', exact: true }));
  expect(file.name).toBe('default-web-from-frontend.yaml');
  expect(file.bytes.toString('utf8')).toBe(text);
  await expect(page.getByTestId('export-dialog')).toBeHidden();
});

test('the classic example exports as it is written, its namespace already explicit', async ({
  page,
  exporter,
}) => {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), CLASSIC);
  await expect(page.getByTestId(`rf__node-${IDS.client}`)).toBeVisible();
  const text = (await exporter.downloadEntry('policies-download')).bytes.toString('utf8');
  expect(text).toBe(CLASSIC.slice(0, CLASSIC.indexOf('---\n')));
});
