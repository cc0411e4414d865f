/**
 * Random clusters shaped like the ones the graph must draw exactly: several namespaces, hubs that
 * many workloads reach (a DNS server, a database), policies whose ipBlocks carve the outside world
 * (IPv4 and IPv6, with excepts, so external ranges merge or not), named ports, and the random
 * policies of cluster.ts on top. Rendered to one YAML text.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { analyze } from '../../src/engine';
import type { Analysis } from '../../src/engine/types';
import { parseManifests } from '../../src/model';
import type { NamespaceChoice } from '../../src/store/types';
import { policyArb, policyDoc } from './cluster';

const NAMESPACES = ['a', 'b', 'c', 'd', 'kube-system'];
const APPS = ['web', 'api', 'db'];
const V4_BLOCKS = [{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }, { cidr: '10.0.0.0/8' }, { cidr: '192.168.1.0/24' }, { cidr: '203.0.113.7/32' }];
const V6_BLOCKS = [{ cidr: '::/0' }, { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] }, { cidr: 'fd00::/8' }];

interface Workload {
  readonly ns: string;
  readonly name: string;
  readonly kind: 'Pod' | 'Deployment';
  readonly app: string;
  readonly tier: 'a' | 'b';
}

const workloadDoc = (w: Workload): object => {
  const labels = { app: w.app, tier: w.tier };
  const spec = {
    containers: [
      { name: 'main', image: 'i', ports: [{ name: 'http', containerPort: w.app === 'db' ? 5432 : 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] },
    ],
  };
  return w.kind === 'Pod'
    ? { apiVersion: 'v1', kind: 'Pod', metadata: { name: w.name, namespace: w.ns, labels }, spec }
    : { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: w.name, namespace: w.ns }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec } } };
};

const policy = (ns: string, name: string, spec: object): object => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace: ns },
  spec,
});

/** Policies people write around hubs and the outside world, in namespace `ns`. */
const menuPolicyArb = (ns: string, name: string): fc.Arbitrary<object> =>
  fc.oneof(
    // Default deny egress, then DNS to the kube-system server.
    fc.constant(
      policy(ns, name, {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { app: 'dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }],
      }),
    ),
    // The database accepts its port from everywhere in the cluster.
    fc.constant(policy(ns, name, { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 'http' }] }] })),
    // Web accepts the outside world, carved by ipBlocks of both families.
    fc
      .tuple(fc.subarray(V4_BLOCKS, { minLength: 1, maxLength: 2 }), fc.subarray(V6_BLOCKS, { maxLength: 2 }), fc.constantFrom(80, 443, 8080))
      .map(([v4, v6, port]) =>
        policy(ns, name, { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [...v4, ...v6].map((ipBlock) => ({ ipBlock })), ports: [{ port }] }] }),
      ),
    // Egress to some outside ranges only.
    fc
      .subarray([...V4_BLOCKS, ...V6_BLOCKS], { minLength: 1, maxLength: 3 })
      .map((blocks) => policy(ns, name, { podSelector: { matchLabels: { tier: 'b' } }, policyTypes: ['Egress'], egress: [{ to: blocks.map((ipBlock) => ({ ipBlock })) }] })),
  );

/** One YAML text: namespaces, workloads (one DNS server in kube-system), policies. */
export const graphClusterArb: fc.Arbitrary<string> = fc
  .record({
    sizes: fc.array(fc.nat({ max: 9 }), { minLength: NAMESPACES.length - 1, maxLength: NAMESPACES.length - 1 }),
    kinds: fc.array(fc.constantFrom<'Pod' | 'Deployment'>('Pod', 'Deployment'), { minLength: 40, maxLength: 40 }),
    apps: fc.array(fc.constantFrom(...APPS), { minLength: 40, maxLength: 40 }),
    tiers: fc.array(fc.constantFrom<'a' | 'b'>('a', 'b'), { minLength: 40, maxLength: 40 }),
  })
  .chain(({ sizes, kinds, apps, tiers }) => {
    let k = 0;
    const workloads: Workload[] = [{ ns: 'kube-system', name: 'coredns', kind: 'Deployment', app: 'dns', tier: 'a' }];
    NAMESPACES.slice(0, -1).forEach((ns, i) => {
      for (let j = 0; j < sizes[i]!; j++, k++) workloads.push({ ns, name: `w${j}`, kind: kinds[k % 40]!, app: apps[k % 40]!, tier: tiers[k % 40]! });
    });
    const used = [...new Set(workloads.map((w) => w.ns))];
    const menu = fc.array(fc.constantFrom(...used).chain((ns) => fc.nat().map((n) => ({ ns, n }))), { maxLength: 4 });
    return fc.tuple(fc.constant(workloads), menu, fc.array(fc.nat(), { maxLength: 3 })).chain(([ws, picks, randoms]) =>
      fc
        .tuple(
          fc.tuple(...picks.map(({ ns }, i) => menuPolicyArb(ns, `menu${i}`))),
          fc.tuple(...randoms.map((_, i) => policyArb(used, `random${i}`))),
        )
        .map(([menuPolicies, randomPolicies]) =>
          [
            ...NAMESPACES.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })),
            ...ws.map(workloadDoc),
            ...menuPolicies,
            ...randomPolicies.map(policyDoc),
          ]
            .map((doc) => stringify(doc, { aliasDuplicateObjects: false, version: '1.1' }))
            .join('---\n'),
        ),
    );
  });

/** Which namespaces a view draws collapsed: all one way, except some (see store/graphView.ts). */
export const namespaceChoiceArb: fc.Arbitrary<NamespaceChoice> = fc.record({
  open: fc.boolean(),
  except: fc.subarray(NAMESPACES),
});

/** The analysis of one of these clusters. */
export function graphAnalysis(text: string): Analysis {
  return analyze(parseManifests([{ file: 'c.yaml', text }]).resources);
}
