import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterArb } from '../../test/support/cluster';
import { tieredClusterArb, tieredClusterYaml } from '../../test/support/tiered-cluster';
import { convertToV1alpha2 } from '../model/write';
import { OUTPUT_NAME, convertOutcome, streamText } from './convert';
import { evaluate } from './load';
import { compareConnectivity, isUnchanged } from './proof';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const ANP = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata:
  name: a # the one
spec:
  priority: 1
  subject: {namespaces: {}}
  egress: [{action: Allow, to: [{networks: [10.0.0.0/8]}]}]
`;
const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n';

describe('streamText', () => {
  it('writes one input as that file, converted documents replaced', () => {
    const inputs = [{ file: 'a.yaml', text: `${POD}---\n${ANP}` }];
    const text = streamText(convertToV1alpha2(inputs).files, inputs);
    expect(text).toBe(`${POD}---\n${ANP.replace('v1alpha1', 'v1alpha2').replace('kind: AdminNetworkPolicy', 'kind: ClusterNetworkPolicy').replace('priority: 1', 'tier: Admin\n  priority: 1').replace('Allow', 'Accept')}`);
  });

  it('gives back one input with nothing to convert exactly, JSON streams included', () => {
    const json = '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}}\n{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b"}}';
    for (const text of [json, `\uFEFF${POD}`, '', '# only a comment']) {
      const inputs = [{ file: 'a', text }];
      expect(streamText(convertToV1alpha2(inputs).files, inputs)).toBe(text);
    }
  });

  it('writes several inputs as one stream, each after a # Source: line, in order, whatever their ends', () => {
    const inputs = [
      { file: 'dir/a.yaml', text: POD.trimEnd() },
      { file: 'dir/b.json', text: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}}\n{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b"}}\n' },
      { file: 'dir/c.yaml', text: `---\n${ANP}` },
      { file: 'dir/empty.yaml', text: '' },
    ];
    const text = streamText(convertToV1alpha2(inputs).files, inputs);
    expect(text.split('\n').filter((l) => l.startsWith('# Source:') || l === '---')).toEqual([
      '# Source: dir/a.yaml',
      '---',
      '# Source: dir/b.json',
      '---',
      '---',
      '# Source: dir/c.yaml',
      '---',
      '---',
      '# Source: dir/empty.yaml',
    ]);
    expect(text).toContain('kind: ClusterNetworkPolicy');
    // Read as one stream, the output holds what the inputs held, each object once.
    const stream = evaluate([{ file: OUTPUT_NAME, text }]);
    expect(stream.analysis.endpoints.map((e) => e.id)).toEqual(['default/a[Pod]', 'default/b[Pod]', 'default/p[Pod]', '0.0.0.0-9.255.255.255', '10.0.0.0-10.255.255.255', '11.0.0.0-255.255.255.255']);
    expect(stream.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('convertOutcome', () => {
  it('writes unless connectivity changed (then only with --force), and exits 1 on any change or problem', () => {
    const outcome = (changed: boolean, problems: number, force = false) => convertOutcome({ changed, problems, force });
    expect(outcome(false, 0)).toEqual({ write: true, code: 0 });
    expect(outcome(false, 2)).toEqual({ write: true, code: 1 });
    expect(outcome(true, 0)).toEqual({ write: false, code: 1 });
    expect(outcome(true, 1, true)).toEqual({ write: true, code: 1 });
  });
});

describe('converting random clusters', () => {
  it('never changes connectivity, converts every v1alpha1 policy, and leaves nothing to convert', () => {
    fc.assert(
      fc.property(tieredClusterArb(clusterArb), (cluster) => {
        const inputs = [{ file: 'in.yaml', text: tieredClusterYaml(cluster) }];
        const conversion = convertToV1alpha2(inputs);
        const text = streamText(conversion.files, inputs);
        const v1alpha1 = cluster.clusterPolicies.filter((p) => p.kind !== 'ClusterNetworkPolicy');
        expect(conversion.problems).toEqual([]);
        expect(conversion.converted.map((p) => p.name)).toEqual(v1alpha1.map((p) => p.name));
        const comparison = compareConnectivity(evaluate(inputs).analysis, evaluate([{ file: OUTPUT_NAME, text }]).analysis);
        expect(isUnchanged(comparison)).toBe(true);
        expect(convertToV1alpha2([{ file: OUTPUT_NAME, text }]).converted).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
