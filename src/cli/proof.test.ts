import { describe, expect, it } from 'vitest';
import { evaluate } from './load';
import { EXPLAINED_PAIRS, compareConnectivity, comparisonLines, isUnchanged } from './proof';

const PODS = ['ns1', 'ns2', 'ns3']
  .map((ns) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ${ns}\n  labels: {app: web-${ns}}\nspec:\n  containers: [{name: c}]\n`)
  .join('---\n');
/** Into namespace ns1: TCP 80 from anywhere in the cluster (Allow/Accept), then everything else denied. */
const ANP = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: web
spec:
  priority: 1
  subject:
    namespaces:
      matchLabels: {kubernetes.io/metadata.name: ns1}
  ingress:
  - action: Allow
    from:
    - namespaces: {}
    ports:
    - portNumber: {port: 80}
  - action: Deny
    from:
    - namespaces: {}
`;
const CNP = ANP.replace('v1alpha1', 'v1alpha2')
  .replace('AdminNetworkPolicy', 'ClusterNetworkPolicy')
  .replace('priority: 1', 'tier: Admin\n  priority: 1')
  .replace('Allow', 'Accept')
  .replace('ports:\n    - portNumber: {port: 80}', 'protocols:\n    - tcp: {destinationPort: {number: 80}}');

const side = (text: string, file = 'in.yaml') => evaluate([{ file, text: `${PODS}---\n${text}` }]);

describe('compareConnectivity', () => {
  it('finds a faithful conversion unchanged, counting the pairs it compared', () => {
    const [original, converted] = [side(ANP), side(CNP, '<stdout>')];
    const comparison = compareConnectivity(original.analysis, converted.analysis);
    // Three pods and the outside world: 4 × 3 ordered pairs.
    expect(comparison).toEqual({ pairs: 12, differences: [], onlyOriginal: [], onlyConverted: [] });
    expect(isUnchanged(comparison)).toBe(true);
    expect(comparisonLines(comparison, original, converted)).toEqual(['connectivity unchanged: 12 pairs compared']);
  });

  it('lists each pair a wrong conversion changes, with both connection sets and both explanations', () => {
    // Deny instead of Accept: what the conversion would do if it mistook Allow for Deny.
    const original = side(ANP);
    const converted = side(CNP.replace('action: Accept', 'action: Deny'), '<stdout>');
    const comparison = compareConnectivity(original.analysis, converted.analysis);
    expect(comparison.differences.map((d) => [d.from, d.to])).toEqual([
      ['ns2/p[Pod]', 'ns1/p[Pod]'],
      ['ns3/p[Pod]', 'ns1/p[Pod]'],
    ]);
    expect(isUnchanged(comparison)).toBe(false);
    const lines = comparisonLines(comparison, original, converted);
    expect(lines.slice(0, 4)).toEqual(['connectivity changed: 2 of 12 pairs differ', 'ns2/p[Pod] => ns1/p[Pod]', '  original:  TCP 80', '  converted: No Connections']);
    expect(lines).toContain('  why, in the original:');
    expect(lines).toContain('    ALLOWED: traffic from ns2/p[Pod] to ns1/p[Pod] (TCP 80).');
    expect(lines).toContain('    DENIED: traffic from ns2/p[Pod] to ns1/p[Pod].');
    // Each side's rules are placed in its own text.
    expect(lines.some((l) => /AdminNetworkPolicy\/web ingress rule #1 \(in\.yaml:\d+:\d+\) accepts TCP 80/.test(l))).toBe(true);
    expect(lines.some((l) => /ClusterNetworkPolicy\/web ingress rule #1 \(<stdout>:\d+:\d+\) denies TCP 80/.test(l))).toBe(true);
  });

  it('reports endpoints that only one side has, and compares the pairs of the others', () => {
    const original = side(ANP);
    const converted = evaluate([{ file: '<stdout>', text: `${PODS.replace('namespace: ns3', 'namespace: ns4')}---\n${CNP}` }]);
    const comparison = compareConnectivity(original.analysis, converted.analysis);
    expect(comparison).toMatchObject({ pairs: 6, differences: [], onlyOriginal: ['ns3/p[Pod]'], onlyConverted: ['ns4/p[Pod]'] });
    expect(comparisonLines(comparison, original, converted)).toEqual([
      'connectivity changed: 0 of 6 pairs differ',
      'endpoints only in the original: ns3/p[Pod]',
      'endpoints only in the converted manifests: ns4/p[Pod]',
    ]);
  });

  it(`explains the first ${EXPLAINED_PAIRS} differing pairs, and lists the others`, () => {
    const many = Array.from({ length: 8 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: q${i}, namespace: v}\n`).join('---\n');
    const original = evaluate([{ file: 'in.yaml', text: `${many}---\n${ANP.replace('name: ns1}', 'name: v}')}` }]);
    const converted = evaluate([{ file: '<stdout>', text: many }]);
    const comparison = compareConnectivity(original.analysis, converted.analysis);
    // Into each of the 8 pods from the 7 others: TCP 80 instead of everything (namespaces peers are no outside addresses).
    expect(comparison.differences).toHaveLength(8 * 7);
    const lines = comparisonLines(comparison, original, converted);
    expect(lines.filter((l) => l === '  why, in the original:')).toHaveLength(EXPLAINED_PAIRS);
    expect(lines.filter((l) => / => /.test(l))).toHaveLength(8 * 7);
    expect(lines.at(-1)).toBe(`(explained: the first ${EXPLAINED_PAIRS} pairs; ask about the others with netpol-canvas explain)`);
  });
});
