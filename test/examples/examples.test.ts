/**
 * The examples of the app's gallery (public/examples/ and the bundled classic): each has a file, reads
 * without a warning or error and gives a graph, and the cluster-wide ones show what their comments
 * teach (the others: semantics.test.ts). Expectations are
 * worked out by hand from the network-policy-api's tier order, not read off the engine.
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/model';
import { EXAMPLES } from '../../src/ui/app/exampleList';
import { ALL, ALL_V4, NONE, analyzeYaml, conn, tcp, udp, type ConnectionSet } from '../helpers';
import type { Endpoint } from '../../src/engine/types';
import { exampleExists, exampleText } from './exampleFiles';

/**
 * The migration exercise done: the v1alpha1 documents left out, and the documents commented out
 * after them (from the first `# ---` line on) uncommented.
 */
function migrated(text: string): string {
  const at = text.indexOf('\n# ---\n');
  const kept = text.slice(0, at).split('\n---\n').filter((doc) => !doc.includes('apiVersion: policy.networking.k8s.io/v1alpha1'));
  const uncommented = text.slice(at + 1).replace(/^# ?/gm, '');
  return `${kept.join('\n---\n')}\n${uncommented}`;
}

const equalSets = (x: ConnectionSet, y: ConnectionSet) => JSON.stringify(x) === JSON.stringify(y);
/** A pair the engine decides: two endpoints, not both outside the cluster. */
const decided = (from: Endpoint, to: Endpoint) => from !== to && (from.type === 'workload' || to.type === 'workload');

describe('examples', () => {
  it('have ids the app can serve and titles and descriptions of their own', () => {
    const ids = EXAMPLES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(EXAMPLES.map((e) => e.title)).size).toBe(ids.length);
    expect(new Set(EXAMPLES.map((e) => e.description)).size).toBe(ids.length);
  });

  for (const { id } of EXAMPLES) {
    it(`${id} has a file, reads without warnings or errors, and shows pods and what they may do`, () => {
      expect(exampleExists(id), `no file for example ${id}`).toBe(true);
      const { diagnostics } = parseManifests([{ file: `${id}.yaml`, text: exampleText(id) }]);
      expect(diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message)).toEqual([]);
      const a = analyzeYaml(exampleText(id));
      expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      // Something to draw: workloads, at least one edge, and at least one pair a policy restricts
      // (denied, or allowed some ports only): an example teaches policies.
      expect(a.endpoints.filter((e) => e.type === 'workload').length).toBeGreaterThanOrEqual(2);
      expect(a.connections.length).toBeGreaterThan(0);
      const restricted = a.endpoints.some((from) =>
        a.endpoints.some((to) => decided(from, to) && !equalSets(conn(a, from.id, to.id), ALL)),
      );
      expect(restricted, 'no pair is restricted').toBe(true);
      // A comment header a student reads first.
      expect(exampleText(id).startsWith('# ')).toBe(true);
    });
  }

  describe('cluster-guardrails', () => {
    const a = analyzeYaml(exampleText('cluster-guardrails'));
    const LEDGER = 'payments/ledger[Deployment]';
    const WEB = 'tenant-a/web[Deployment]';
    const SHOP = 'tenant-b/shop[Deployment]';
    const PROMETHEUS = 'monitoring/prometheus[Deployment]';
    const DNS = 'kube-system/coredns[Deployment]';

    it('denies every pod outside payments, whatever their own policies (Admin Deny)', () => {
      for (const from of [WEB, SHOP, PROMETHEUS, DNS]) expect(conn(a, from, LEDGER)).toEqual(NONE);
    });

    it('passes traffic between tenants to their NetworkPolicies: web accepts TCP 8080 from shop', () => {
      expect(conn(a, SHOP, WEB)).toEqual(tcp(8080));
    });

    it('leaves shop, which no NetworkPolicy isolates, to the Baseline default deny', () => {
      expect(conn(a, WEB, SHOP)).toEqual(NONE);
      expect(conn(a, LEDGER, SHOP)).toEqual(NONE);
    });

    it('lets monitoring scrape the named metrics port of tenants, and nothing else', () => {
      expect(conn(a, PROMETHEUS, WEB)).toEqual(tcp(9102));
      expect(conn(a, PROMETHEUS, SHOP)).toEqual(tcp(9102));
    });

    it('keeps DNS open: kube-system is outside the Baseline subject', () => {
      for (const from of [LEDGER, WEB, SHOP, PROMETHEUS]) expect(conn(a, from, DNS)).toEqual(ALL);
    });

    it('cannot deny traffic from outside the cluster: only web-from-tenants restricts it', () => {
      expect(conn(a, ALL_V4, SHOP)).toEqual(ALL);
      expect(conn(a, ALL_V4, LEDGER)).toEqual(ALL);
      expect(conn(a, ALL_V4, WEB)).toEqual(NONE);
    });
  });

  describe('anp-migration', () => {
    const text = exampleText('anp-migration');
    const VAULT = 'vault/vault-0[Pod]';
    const FRONTEND = 'apps/frontend[Pod]';
    const BACKEND = 'apps/backend[Pod]';
    const DNS = 'kube-system/coredns[Pod]';

    it('lets only vault clients reach the vault API, and the Baseline limits egress to DNS and 8000-8999', () => {
      const a = analyzeYaml(text);
      expect(conn(a, BACKEND, VAULT)).toEqual(tcp(8200));
      expect(conn(a, FRONTEND, VAULT)).toEqual(NONE);
      expect(conn(a, FRONTEND, BACKEND)).toEqual(tcp([8000, 8999]));
      expect(conn(a, FRONTEND, DNS)).toEqual({ ...udp(53), TCP: [[8000, 8999]] });
    });

    it('evaluates the same once the v1alpha1 policies are swapped for the commented ClusterNetworkPolicies', () => {
      const after = migrated(text);
      const kinds = (t: string) => parseManifests([{ file: 'm.yaml', text: t }]).resources.clusterPolicies.map((p) => p.kind);
      expect(kinds(text)).toEqual(['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);
      expect(kinds(after)).toEqual(['ClusterNetworkPolicy', 'ClusterNetworkPolicy']);
      expect(analyzeYaml(after).connections).toEqual(analyzeYaml(text).connections);
    });
  });
});
