/**
 * Isolating, and adding, relabelling and deleting objects: on texts with comments, flow style,
 * JSON and Lists, the edit keeps every untouched byte and the engine finds exactly the intended
 * change in connectivity.
 */
import { describe, expect, it } from 'vitest';
import {
  planAddIdentifyingLabel,
  planAddNamespace,
  planAddWorkload,
  planDeleteNamespace,
  planDeletePolicy,
  planDeleteWorkload,
  planEditLabels,
  planIsolate,
  type WorkloadParty,
} from '../../src/plans';
import { checkPlan, diffLines } from '../support/plan-check';

const pod = (ns: string, name: string, labels: Record<string, string>): WorkloadParty => ({ type: 'workload', namespace: ns, name, kind: 'Pod', labels });

const SHOP = `# a small shop
apiVersion: v1
kind: Namespace
metadata:
  name: shop   # owned by the shop team
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
---
apiVersion: v1
kind: Pod
metadata:
  name: db
  namespace: shop
  labels:
    app: db       # the database
    tier: data
---
apiVersion: v1
kind: Pod
metadata: {name: dns, namespace: kube-system, labels: {k8s-app: kube-dns}}
---
apiVersion: v1
kind: Pod
metadata: {name: client, labels: {app: client}}
`;

describe('planIsolate', () => {
  it('a namespace for egress, with DNS to kube-dns kept', () => {
    const plan = planIsolate(SHOP, { type: 'namespace', name: 'shop' }, 'egress', true);
    expect(plan.summary).toBe('Isolate namespace shop for egress with NetworkPolicy shop/default-deny-egress, allowing DNS to kube-dns');
    const { after, diff } = checkPlan(SHOP, plan);
    expect(after.slice(SHOP.length)).toContain('    - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: kube-system\n');
    // Everything out of the namespace's pods is lost, but DNS: UDP and TCP 53 to kube-dns.
    const notDns = '-SCTP 1-65535,TCP 1-52,54-65535,UDP 1-52,54-65535';
    expect(diffLines(diff)).toEqual([
      'shop/db[Pod] → default/client[Pod] -All Connections',
      `shop/db[Pod] → kube-system/dns[Pod] ${notDns}`,
      'shop/db[Pod] → shop/web[Pod] -All Connections',
      'shop/db[Pod] → 0.0.0.0-255.255.255.255 -All Connections',
      'shop/web[Pod] → default/client[Pod] -All Connections',
      `shop/web[Pod] → kube-system/dns[Pod] ${notDns}`,
      'shop/web[Pod] → shop/db[Pod] -All Connections',
      'shop/web[Pod] → 0.0.0.0-255.255.255.255 -All Connections',
    ]);
  });

  it('a workload for ingress: every source loses it, nothing else changes', () => {
    const plan = planIsolate(SHOP, pod('shop', 'db', { app: 'db', tier: 'data' }), 'ingress', true);
    expect(plan.summary).toBe('Isolate shop/db for ingress with NetworkPolicy shop/deny-db-ingress');
    const { diff } = checkPlan(SHOP, plan);
    expect(diff.changes.every((c) => c.to === 'shop/db[Pod]' && c.kind === 'removed')).toBe(true);
    expect(diff.changes.map((c) => c.from)).toEqual(['default/client[Pod]', 'kube-system/dns[Pod]', 'shop/web[Pod]', '0.0.0.0-255.255.255.255']);
  });
});

describe('adding objects', () => {
  it('a namespace, appended as a document', () => {
    const plan = planAddNamespace(SHOP, 'shop', { team: 'blue' });
    expect(plan.summary).toBe('Add Namespace shop-2');
    const { after, diff } = checkPlan(SHOP, plan);
    expect(after).toBe(`${SHOP}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop-2\n  labels:\n    team: blue\n`);
    expect(diffLines(diff)).toEqual([]);
  });

  it('a Deployment with named ports, reachable as any unisolated workload is', () => {
    const plan = planAddWorkload(SHOP, {
      namespace: 'shop',
      kind: 'Deployment',
      name: 'API Server',
      labels: { app: 'api' },
      ports: [{ port: 8080, name: 'http' }, { port: 53, name: 'dns', protocol: 'UDP' }],
    });
    expect(plan.summary).toBe('Add Deployment shop/api-server');
    const { after, diff } = checkPlan(SHOP, plan);
    expect(after.slice(SHOP.length)).toContain('            - name: dns\n              containerPort: 53\n              protocol: UDP\n');
    expect(diff.endpointsAdded).toEqual(['shop/api-server[Deployment]']);
  });
});

describe('planEditLabels', () => {
  it('changes, adds and removes labels one by one, keeping comments of the others', () => {
    const plan = planEditLabels(SHOP, pod('shop', 'db', { app: 'db', tier: 'data' }), { app: 'db', role: 'primary' });
    const { after } = checkPlan(SHOP, plan);
    expect(after).toBe(SHOP.replace('    app: db       # the database\n    tier: data\n', '    app: db       # the database\n    role: primary\n'));
  });

  it('in a flow mapping, as flow text', () => {
    const plan = planEditLabels(SHOP, pod('shop', 'web', { app: 'web' }), { app: 'shop-web', tier: 'front' });
    const { after } = checkPlan(SHOP, plan);
    expect(after).toBe(SHOP.replace('labels: {app: web}', 'labels: {app: shop-web, tier: front}'));
  });

  it('of a Deployment, in its pod template, and a label that tells a workload apart', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata:\n      labels: {app: api}\n    spec: {containers: [{name: c, image: x}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: api-debug, labels: {app: api}}\n`;
    const plan = planAddIdentifyingLabel(text, { type: 'workload', namespace: 'default', name: 'api', kind: 'Deployment', labels: { app: 'api' } });
    expect(plan.summary).toBe('Label Deployment default/api app.kubernetes.io/name=api');
    const { after } = checkPlan(text, plan);
    expect(after).toContain('      labels: {app: api, app.kubernetes.io/name: api}\n');
    expect(after).toContain('metadata: {name: api-debug, labels: {app: api}}');
  });

  it('warns when a controller would no longer select its template', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata:\n      labels: {app: api}\n    spec: {containers: [{name: c, image: x}]}\n`;
    const plan = planEditLabels(text, { type: 'workload', namespace: 'default', name: 'api', kind: 'Deployment', labels: { app: 'api' } }, { app: 'other' });
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatch(/^The change makes the text invalid: /);
  });
});

describe('deleting objects', () => {
  it('a workload: its document, with its separator', () => {
    const plan = planDeleteWorkload(SHOP, pod('shop', 'web', { app: 'web' }));
    const { after, diff } = checkPlan(SHOP, plan);
    expect(after).toBe(SHOP.replace('---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\n', ''));
    expect(diff.endpointsRemoved).toEqual(['shop/web[Pod]']);
  });

  it('a namespace with everything in it, inside and outside a List', () => {
    const text = `${SHOP}---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: cache, namespace: shop}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: other}\n`;
    const plan = planDeleteNamespace(text, 'shop');
    expect(plan.summary).toBe('Delete namespace shop and everything in it (4 objects)');
    const { after, diff } = checkPlan(text, plan);
    expect(after).not.toContain('shop');
    expect(after).toContain('items:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: other}\n');
    expect(diff.endpointsRemoved).toEqual(['shop/cache[Pod]', 'shop/db[Pod]', 'shop/web[Pod]']);
  });

  it('a policy written as JSON, in a stream of JSON objects', () => {
    const objects = [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: { podSelector: {} } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' } },
    ];
    const text = objects.map((o) => JSON.stringify(o, null, 2)).join('\n') + '\n';
    const plan = planDeletePolicy(text, 'NetworkPolicy', 'default', 'deny');
    const { after, diff } = checkPlan(text, plan);
    expect(after).toBe([objects[0], objects[2]].map((o) => JSON.stringify(o, null, 2)).join('\n') + '\n');
    expect(diffLines(diff)).toEqual([
      'default/a[Pod] → default/b[Pod] +All Connections',
      'default/b[Pod] → default/a[Pod] +All Connections',
      '0.0.0.0-255.255.255.255 → default/a[Pod] +All Connections',
      '0.0.0.0-255.255.255.255 → default/b[Pod] +All Connections',
    ]);
  });
});
