/**
 * Each example of the gallery shows what its title says, asked of the engine: "deny all to an app"
 * means no endpoint reaches it, "allow from one namespace" means only that namespace's pods do, and
 * so on. The expected endpoints and ports are worked out by hand from each file and the
 * NetworkPolicy API reference, never read off the engine. The cluster-wide examples have theirs in
 * examples.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/ui/app/exampleList';
import { ALL, ALL_V4, NONE, analyzeYaml, conn, cs, tcp, type Analysis, type ConnectionSet } from '../helpers';
import { exampleText } from './exampleFiles';

const equal = (x: ConnectionSet, y: ConnectionSet) => JSON.stringify(x) === JSON.stringify(y);

/** Every endpoint that gets something to `to`, sorted. */
function sourcesOf(a: Analysis, to: string): string[] {
  return a.endpoints.filter((e) => e.id !== to && !equal(conn(a, e.id, to), NONE)).map((e) => e.id as string).sort();
}

/** Every endpoint `from` gets something to, sorted. */
function targetsOf(a: Analysis, from: string): string[] {
  return a.endpoints.filter((e) => e.id !== from && !equal(conn(a, from, e.id), NONE)).map((e) => e.id as string).sort();
}

/** Every endpoint but these, sorted. */
function allBut(a: Analysis, ...ids: string[]): string[] {
  return a.endpoints.map((e) => e.id as string).filter((id) => !ids.includes(id)).sort();
}

const workloads = (a: Analysis, namespace: string) =>
  a.endpoints.flatMap((e) => (e.type === 'workload' && e.namespace === namespace ? [e.id as string] : []));

/** What each example must show, as claims about the engine's answer. */
const SEMANTICS: Record<string, (a: Analysis) => void> = {
  nginx(a) {
    const NGINX = 'default/nginx-pod-with-label[Pod]';
    for (const from of allBut(a, NGINX)) expect(conn(a, from, NGINX), from).toEqual(tcp(80));
    expect(conn(a, 'default/client[Pod]', 'team-b/other-client[Pod]')).toEqual(ALL);
  },
  'deny-all-to-app'(a) {
    const WEB = 'default/web[Deployment]';
    expect(sourcesOf(a, WEB)).toEqual([]);
    // Ingress only: web still connects out.
    expect(targetsOf(a, WEB)).toEqual(allBut(a, WEB));
  },
  'limit-traffic-to-app'(a) {
    const API = 'default/bookstore-api[Deployment]';
    expect(sourcesOf(a, API)).toEqual(['default/bookstore-frontend[Deployment]']);
  },
  'allow-all-to-app'(a) {
    const WEB = 'shop/web[Deployment]';
    for (const from of allBut(a, WEB)) expect(conn(a, from, WEB), from).toEqual(ALL);
    expect(sourcesOf(a, 'shop/db[Deployment]')).toEqual([]);
  },
  'namespace-default-deny'(a) {
    const staging = workloads(a, 'staging');
    expect(staging).toHaveLength(2);
    for (const to of staging) expect(sourcesOf(a, to), to).toEqual([]);
    for (const to of workloads(a, 'production')) expect(sourcesOf(a, to), to).toEqual(allBut(a, to));
  },
  'deny-other-namespaces'(a) {
    const [web, worker] = ['team-a/web[Deployment]', 'team-a/worker[Deployment]'];
    expect(sourcesOf(a, web)).toEqual([worker]);
    expect(sourcesOf(a, worker)).toEqual([web]);
    expect(sourcesOf(a, 'team-b/web[Deployment]')).toEqual(allBut(a, 'team-b/web[Deployment]'));
  },
  'allow-all-namespaces'(a) {
    const API = 'backend/api[Deployment]';
    const pods = a.endpoints.filter((e) => e.type === 'workload' && e.id !== API).map((e) => e.id as string);
    expect(sourcesOf(a, API)).toEqual(pods.sort());
    for (const from of pods) expect(conn(a, from, API), from).toEqual(tcp(8080));
    expect(conn(a, ALL_V4, API)).toEqual(NONE);
  },
  'allow-one-namespace'(a) {
    const DB = 'data/db[StatefulSet]';
    expect(sourcesOf(a, DB)).toEqual(workloads(a, 'prod'));
    expect(conn(a, 'prod/api[Deployment]', DB)).toEqual(tcp(5432));
  },
  'allow-pods-from-namespace'(a) {
    const WEB = 'web/web[Deployment]';
    expect(sourcesOf(a, WEB)).toEqual(['operations/prometheus[Deployment]']);
    expect(conn(a, 'operations/prometheus[Deployment]', WEB)).toEqual(tcp(9090));
  },
  'allow-external'(a) {
    const [FRONT, PAYMENTS] = ['public/front[Deployment]', 'public/payments[Deployment]'];
    expect(conn(a, ALL_V4, FRONT)).toEqual(tcp(80, 443));
    expect(sourcesOf(a, PAYMENTS)).toEqual([FRONT]);
  },
  'only-certain-ports'(a) {
    const API = 'default/api[Deployment]';
    expect(conn(a, 'default/client[Pod]', API)).toEqual(tcp(5000));
    expect(conn(a, 'default/monitoring[Pod]', API)).toEqual(tcp(5000, 9100));
    expect(conn(a, ALL_V4, API)).toEqual(NONE);
  },
  'multiple-selectors'(a) {
    const REDIS = 'default/redis[Deployment]';
    const allowed = ['default/api[Deployment]', 'default/inventory[Deployment]', 'default/search[Deployment]'];
    expect(sourcesOf(a, REDIS)).toEqual(allowed);
    for (const from of allowed) expect(conn(a, from, REDIS), from).toEqual(tcp(6379));
  },
  'and-vs-or'(a) {
    expect(sourcesOf(a, 'data/db-and[Pod]')).toEqual(['apps/client[Pod]']);
    const or = ['apps/client[Pod]', 'apps/tool[Pod]', 'data/client[Pod]'];
    expect(sourcesOf(a, 'data/db-or[Pod]')).toEqual(or);
    for (const from of or) expect(conn(a, from, 'data/db-or[Pod]'), from).toEqual(tcp(5432));
  },
  'named-ports-and-ranges'(a) {
    const CLIENT = 'default/client[Pod]';
    // One name, two numbers: each pod's own container port.
    expect(conn(a, CLIENT, 'default/web-v1[Deployment]')).toEqual(tcp(8080));
    expect(conn(a, CLIENT, 'default/web-v2[Deployment]')).toEqual(tcp(9090));
    expect(conn(a, CLIENT, 'default/relay[Deployment]')).toEqual(cs({ TCP: [[30000, 30099]], UDP: [3478] }));
  },
  'deny-egress-from-app'(a) {
    const SANDBOX = 'default/sandbox[Deployment]';
    expect(targetsOf(a, SANDBOX)).toEqual([]);
    expect(sourcesOf(a, SANDBOX)).toEqual(allBut(a, SANDBOX));
  },
  'default-deny-egress'(a) {
    const locked = workloads(a, 'locked');
    expect(locked).toHaveLength(2);
    for (const from of locked) expect(targetsOf(a, from), from).toEqual([]);
    for (const to of locked) expect(conn(a, 'open/client[Deployment]', to)).toEqual(ALL);
  },
  'deny-external-egress'(a) {
    const FOO = 'apps/foo[Deployment]';
    const pods = a.endpoints.filter((e) => e.type === 'workload' && e.id !== FOO).map((e) => e.id as string);
    expect(pods).toContain('kube-system/coredns[Deployment]');
    expect(targetsOf(a, FOO)).toEqual(pods.sort());
    for (const to of pods) expect(conn(a, FOO, to), to).toEqual(ALL);
  },
  'default-deny'(a) {
    const DNS = 'kube-system/coredns[Deployment]';
    for (const from of workloads(a, 'payments')) {
      expect(conn(a, from, DNS), from).toEqual(cs({ TCP: [53], UDP: [53] }));
      expect(conn(a, from, ALL_V4), from).toEqual(NONE);
    }
    expect(sourcesOf(a, 'payments/api[Deployment]')).toEqual(['payments/web[Deployment]']);
  },
  'egress-ipblock'(a) {
    const REPORT = 'jobs/report[CronJob]';
    const outside = targetsOf(a, REPORT);
    expect(outside).not.toContain('jobs/api[Deployment]');
    expect(outside.length).toBeGreaterThan(0);
    for (const to of outside) expect([tcp(443), tcp(22)], to).toContainEqual(conn(a, REPORT, to));
    expect(conn(a, REPORT, '10.20.0.0-10.20.255.255')).toEqual(tcp(22));
    // Private ranges outside the partner network: nothing.
    expect(conn(a, REPORT, '192.168.0.0-192.168.255.255')).toEqual(NONE);
  },
  'upstream-test-model'(a) {
    const pods = ['x', 'y', 'z'].flatMap((ns) => ['a', 'b', 'c'].map((pod) => `${ns}/${pod}[Pod]`));
    expect(a.endpoints.filter((e) => e.type === 'workload').map((e) => e.id)).toEqual(pods);
    expect(sourcesOf(a, 'x/a[Pod]')).toEqual(['y/b[Pod]']);
    expect(conn(a, 'y/b[Pod]', 'x/a[Pod]')).toEqual(tcp(80));
    const open = pods.filter((to) => to !== 'x/a[Pod]');
    for (const from of pods) {
      for (const to of open.filter((t) => t !== from)) expect(conn(a, from, to), `${from} → ${to}`).toEqual(ALL);
    }
  },
  shop(a) {
    const id = (ns: string, name: string) => `${ns}/${name}[Deployment]`;
    const shop = (name: string) => id('shop', name);
    const [STOREFRONT, CATALOG, CART, CHECKOUT] = [shop('storefront'), shop('catalog'), shop('cart'), shop('checkout')];
    const [POSTGRES, REDIS] = [id('data', 'postgres'), id('data', 'redis')];
    const [INGRESS, PROMETHEUS] = [id('ingress-nginx', 'ingress-nginx-controller'), id('monitoring', 'prometheus')];
    // Only the ingress controller brings users in; Prometheus scrapes metrics and nothing else.
    expect(sourcesOf(a, STOREFRONT)).toEqual([INGRESS, PROMETHEUS]);
    expect(conn(a, INGRESS, STOREFRONT)).toEqual(tcp(8080));
    for (const to of [STOREFRONT, CATALOG, CART, CHECKOUT]) expect(conn(a, PROMETHEUS, to), to).toEqual(tcp(9102));
    for (const to of workloads(a, 'shop')) expect(conn(a, ALL_V4, to), to).toEqual(NONE);
    // The databases: their clients only, on their port only.
    expect(sourcesOf(a, POSTGRES)).toEqual([CATALOG, CHECKOUT]);
    expect(conn(a, CHECKOUT, POSTGRES)).toEqual(tcp(5432));
    expect(sourcesOf(a, REDIS)).toEqual([CART]);
    // Checkout leaves the cluster for the payment provider only, on HTTPS.
    const outside = targetsOf(a, CHECKOUT).filter((to) => !to.includes('/'));
    expect(outside).toEqual(['198.51.100.0-198.51.100.255']);
    expect(conn(a, CHECKOUT, outside[0]!)).toEqual(tcp(443));
    expect(targetsOf(a, CART)).toEqual([CHECKOUT, REDIS, id('kube-system', 'coredns')].sort());
  },
};

describe('each example shows what its title says', () => {
  it('every example outside the cluster-wide section has its claims here', () => {
    const ids = EXAMPLES.filter((e) => e.section !== 'Cluster-wide').map((e) => e.id);
    expect(Object.keys(SEMANTICS).sort()).toEqual([...ids].sort());
  });

  for (const { id, title } of EXAMPLES) {
    const claims = SEMANTICS[id];
    if (claims) it(`${id}: ${title}`, () => claims(analyzeYaml(exampleText(id))));
  }
});
