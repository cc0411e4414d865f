/**
 * Cluster-wide policies in the app: the Cluster tab (by tier and priority), a policy shown on the
 * graph (its subjects, what it accepts, the pairs it denies), the shields on the workloads they
 * govern, and the denied view naming the Admin or Baseline Deny rule behind a pair.
 */
import { denialEdgeId, edgeId, expect, test } from './fixtures';

const API = 'prod/api[Pod]';
const DB = 'prod/db[Pod]';
const TOOL = 'dev/tool[Pod]';

/** A guardrail: nothing from dev reaches prod (Admin Deny); a Baseline default deny; a tie at priority 10. */
const GUARDRAIL = `apiVersion: v1
kind: Namespace
metadata: {name: prod, labels: {env: prod}}
---
apiVersion: v1
kind: Namespace
metadata: {name: dev, labels: {env: dev}}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: prod, labels: {app: api}}
spec: {containers: [{name: api, image: example/api, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: prod, labels: {app: db}}
spec: {containers: [{name: db, image: example/db}]}
---
apiVersion: v1
kind: Pod
metadata: {name: tool, namespace: dev, labels: {app: tool}}
spec: {containers: [{name: tool, image: example/tool}]}
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: guardrails}
spec:
  tier: Admin
  priority: 10
  subject:
    namespaces: {matchLabels: {env: prod}}
  ingress:
    - name: no-dev
      action: Deny
      from:
        - namespaces: {matchLabels: {env: dev}}
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: audit}
spec:
  tier: Admin
  priority: 10
  subject:
    namespaces: {matchLabels: {env: dev}}
  egress:
    - name: to-prod
      action: Accept
      to:
        - namespaces: {matchLabels: {env: prod}}
      protocols: [{tcp: {destinationPort: {number: 8080}}}]
---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: default-deny}
spec:
  tier: Baseline
  priority: 1
  subject:
    namespaces: {}
  ingress:
    - action: Deny
      from:
        - namespaces: {}
`;

test.beforeEach(async ({ page, graph }) => {
  await page.evaluate((text) => window.__netpolTest!.loadText(text), GUARDRAIL);
  await expect(graph.node(API)).toBeVisible();
});

test('the Cluster tab lists the policies by tier, in the order consulted, and notes a shared priority', async ({ clusterPolicies }) => {
  await expect(clusterPolicies.tab()).toHaveText('Cluster (3)');
  await clusterPolicies.tab().click();
  const admin = clusterPolicies.tier('admin');
  await expect(admin.locator('.policy-name')).toHaveText(['audit', 'guardrails']);
  await expect(admin.locator('.policy-priority')).toHaveText(['10', '10']);
  await expect(admin.locator('.policy-kind')).toHaveText(['CNP', 'CNP']);
  await expect(admin.locator('.policy-meta')).toHaveText(['1 workload · 1 egress rule · tie', '2 workloads · 1 ingress rule · tie']);
  await expect(clusterPolicies.ties()).toHaveText(/audit and guardrails share priority 10/);
  await expect(clusterPolicies.tier('baseline').locator('.policy-name')).toHaveText(['default-deny']);
  await expect(clusterPolicies.tier('baseline').locator('.policy-meta')).toHaveText(['3 workloads · 1 ingress rule']);
});

test('showing a policy marks its subjects and draws the pairs it denies; Escape clears it', async ({ page, graph, inspector, clusterPolicies }) => {
  await clusterPolicies.tab().click();
  await clusterPolicies.toggle('ClusterNetworkPolicy/guardrails');
  await expect(clusterPolicies.banner()).toHaveText(/Showing guardrails \(Admin 10\)/);
  await expect(graph.node(API)).toHaveClass(/is-policy-target/);
  await expect(graph.node(DB)).toHaveClass(/is-policy-target/);
  await expect(graph.node(TOOL)).not.toHaveClass(/is-policy-target/);
  const denied = denialEdgeId(TOOL, API);
  await expect(graph.edgeText(denied)).toHaveText('Deny: guardrails');
  await expect(graph.edgeLabel(denied)).toHaveClass(/edge-tier-deny/);
  await expect(graph.edgeLabel(denied)).toHaveClass(/edge-strong/);
  await expect(graph.edgeText(denialEdgeId(TOOL, DB))).toHaveText('Deny: guardrails');
  await expect(clusterPolicies.details()).toContainText('Selects api, db.');
  await expect(clusterPolicies.details()).toContainText('denies 2 pairs (dotted)');
  await expect(clusterPolicies.details().getByTestId('ingress-rules')).toHaveText('Deny no-dev');

  // Opening a denied pair explains it; the policy stays shown.
  await graph.edgeLabel(denied).click();
  await expect(inspector.edgeDetails()).toContainText('tool → api');
  await expect(inspector.edgeDetails()).toContainText('Nothing allowed');
  await expect(clusterPolicies.banner()).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(clusterPolicies.banner()).toBeHidden();
  await expect(graph.edgeLabel(denied)).toHaveCount(0);
  await expect(graph.node(API)).not.toHaveClass(/is-policy-target/);
});

test('Shift+N steps through the policies in the order consulted', async ({ page, clusterPolicies }) => {
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Shift+N');
  await expect(clusterPolicies.banner()).toHaveText(/Showing audit/);
  await expect(clusterPolicies.policy('ClusterNetworkPolicy/audit').locator('.cluster-policy-row')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Shift+N');
  await expect(clusterPolicies.banner()).toHaveText(/Showing guardrails/);
});

test('a workload shows the cluster-wide policies that govern it, by tier and direction', async ({ page, graph, inspector, clusterPolicies }) => {
  await expect(graph.tierMarks(API)).toHaveAttribute(
    'title',
    'Cluster-wide rules apply. Admin: ClusterNetworkPolicy guardrails (ingress); Baseline: ClusterNetworkPolicy default-deny (ingress)',
  );
  await expect(graph.tierMarks(API).locator('svg')).toHaveCount(2);
  await graph.node(API).click();
  const details = inspector.nodeDetails();
  await expect(details.getByTestId('node-isolation')).toContainText(
    'Ingress: not isolated by a NetworkPolicy; Admin, then Baseline rules apply — what they do not deny comes in',
  );
  await expect(details.getByTestId('node-isolation')).not.toContainText('everything may come in');
  const governing = details.getByTestId('node-cluster-policies');
  await expect(governing.getByRole('listitem')).toHaveText([/guardrails Admin · ingress$/, /default-deny Baseline · ingress$/]);
  await governing.getByRole('button', { name: 'guardrails' }).click();
  await expect(clusterPolicies.banner()).toHaveText(/Showing guardrails/);
  await expect(inspector.tab('details')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('policy-details')).toContainText('ClusterNetworkPolicy guardrails');
});

test('the denied view says which Admin or Baseline Deny rule denied a pair', async ({ page, graph }) => {
  await graph.node(TOOL).click();
  await page.keyboard.press('Shift+D');
  await expect(page.getByTestId('denied-banner')).toBeVisible();
  const intoApi = edgeId(TOOL, API);
  await expect(graph.edgeNote(intoApi)).toHaveText('Admin Deny: guardrails');
  await expect(graph.edgeLabel(intoApi)).toHaveClass(/edge-tier-deny/);
  expect((await graph.labels())[intoApi]).toBe('All denied');
  expect(await graph.edgeTitle(intoApi)).toBe('All denied. Admin Deny: ClusterNetworkPolicy/guardrails, ingress rule 1 "no-dev"');
  await expect(graph.edgeNote(edgeId(API, TOOL))).toHaveText('Baseline Deny: default-deny');
});
