/**
 * The examples of the app's menu (public/examples/ and the bundled classic): each reads without a
 * warning or error, and the cluster-wide ones show what their comments teach. Expectations are
 * worked out by hand from the network-policy-api's tier order, not read off the engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/model';
import { EXAMPLES } from '../../src/ui/app/examples';
import { ALL, ALL_V4, NONE, analyzeYaml, conn, tcp, udp } from '../helpers';

const exampleFile = (id: string) =>
  id === EXAMPLES[0]!.id
    ? fileURLToPath(new URL('../../fixtures/classic/nginx.yaml', import.meta.url))
    : fileURLToPath(new URL(`../../public/examples/${id}.yaml`, import.meta.url));
const exampleText = (id: string) => readFileSync(exampleFile(id), 'utf8');

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

describe('examples', () => {
  for (const { id } of EXAMPLES) {
    it(`${id} reads without warnings or errors`, () => {
      const { diagnostics } = parseManifests([{ file: `${id}.yaml`, text: exampleText(id) }]);
      expect(diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message)).toEqual([]);
      expect(analyzeYaml(exampleText(id)).diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
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
