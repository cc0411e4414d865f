import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../model';
import { prepareExport } from './prepare';
import type { ExportRequest } from './request';

const policy = (name: string, spec = '  podSelector: {}\n', namespace = '') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n${namespace}spec:\n${spec}`;
const pod =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: [{name: web, image: nginx}]\n';
const policies: ExportRequest = { scope: { kind: 'policies' }, delivery: 'download' };
const messages = (text: string, request = policies) =>
  prepareExport(text, request).problems.map(
    (p) => `${p.range.startLine}:${p.range.startColumn} ${p.object} ${p.message}`,
  );

describe('prepareExport', () => {
  it('writes the NetworkPolicies only, as one kubectl-ready file', () => {
    const prepared = prepareExport(
      `${pod}---\n${policy('a')}---\n${policy('b', '  podSelector: {}\n', '  namespace: shop\n')}`,
      policies,
    );
    expect(prepared.problems).toEqual([]);
    expect(prepared.count).toBe(2);
    expect(prepared.output).toMatchObject({
      fileName: 'network-policies.yaml',
      mediaType: 'application/yaml',
    });
    const read = parseManifests([{ file: 'f', text: prepared.output.data as string }]);
    expect(read.resources.policies.map((p) => `${p.namespace}/${p.name}`)).toEqual(['default/a', 'shop/b']);
    expect(read.resources.workloads).toEqual([]);
  });

  it('checks every NetworkPolicy against the OpenAPI schema, pointing at what is wrong', () => {
    const text =
      `${pod}---\n` +
      policy(
        'bad',
        '  podSelector: {}\n  policyTypes: [Sideways]\n  ingress:\n    - ports:\n        - port: true\n          protocol: TCPX\n      from:\n        - ipBlock: {except: []}\n',
      );
    expect(messages(text)).toEqual([
      '14:17 NetworkPolicy default/bad spec.policyTypes[0]: must be one of Egress, Ingress, not "Sideways"',
      '17:17 NetworkPolicy default/bad spec.ingress[0].ports[0].port: must be a string or an integer, not true',
      '18:21 NetworkPolicy default/bad spec.ingress[0].ports[0].protocol: must be one of SCTP, TCP, UDP, not "TCPX"',
      '20:11 NetworkPolicy default/bad spec.ingress[0].from[0].ipBlock.cidr: required',
    ]);
  });

  it('finds a missing apiVersion, which the model class of kubernetes-models would fill in', () => {
    expect(messages(`kind: NetworkPolicy\nmetadata:\n  name: a\nspec:\n  podSelector: {}\n`)).toEqual([
      '1:1 NetworkPolicy default/a apiVersion: required',
    ]);
  });

  it('exports one policy, or everything', () => {
    const text = `${pod}---\n${policy('a')}---\n${policy('b')}`;
    const one = prepareExport(text, {
      scope: { kind: 'policy', policyKind: 'NetworkPolicy', namespace: 'default', name: 'b' },
      delivery: 'copy',
    });
    expect(one.count).toBe(1);
    expect(one.output.data).toBe(`${policy('b', '  podSelector: {}\n', '  namespace: default\n')}`);
    expect(one.output.fileName).toBe('default-b.yaml');
    const everything = prepareExport(text, { scope: { kind: 'everything' }, delivery: 'download' });
    expect(everything.count).toBe(3);
    expect(everything.output.fileName).toBe('manifests.yaml');
  });

  it('zips one file per policy, <namespace>/<name>.yaml, with a kustomization listing them', () => {
    const text = `${policy('a')}---\n${pod}---\n${policy('b', '  podSelector: {}\n', '  namespace: shop\n')}`;
    const prepared = prepareExport(text, { scope: { kind: 'policies' }, delivery: 'zip' });
    expect(prepared.output).toMatchObject({ fileName: 'network-policies.zip', mediaType: 'application/zip' });
    const files = Object.fromEntries(
      Object.entries(unzipSync(prepared.output.data as Uint8Array)).map(([path, bytes]) => [
        path,
        strFromU8(bytes),
      ]),
    );
    expect(Object.keys(files)).toEqual(['default/a.yaml', 'shop/b.yaml', 'kustomization.yaml']);
    expect(files['default/a.yaml']).toBe(policy('a', '  podSelector: {}\n', '  namespace: default\n'));
    expect(files['kustomization.yaml']).toContain('resources:\n- default/a.yaml\n- shop/b.yaml\n');
  });

  describe('connectivity expectations', () => {
    const intent =
      'apiVersion: netpol-canvas/v1alpha1\nkind: ConnectivityExpectations\nmetadata:\n  name: shop # what must hold\nspec:\n  expectations:\n    - {to: "default/web[Pod]", expect: denied}\n';
    const text = `${policy('a')}---\n${intent}---\n${pod}`;
    const unzipped = (data: string | Uint8Array) =>
      Object.fromEntries(Object.entries(unzipSync(data as Uint8Array)).map(([path, bytes]) => [path, strFromU8(bytes)]));

    it('zip into checks/<name>.yaml, as written, and stay out of the kustomization', () => {
      const zip = prepareExport(text, { scope: { kind: 'policies' }, delivery: 'zip' });
      const files = unzipped(zip.output.data);
      expect(Object.keys(files)).toEqual(['default/a.yaml', 'kustomization.yaml', 'checks/shop.yaml']);
      expect(files['checks/shop.yaml']).toBe(intent);
      expect(files['kustomization.yaml']).not.toContain('checks');
      expect([zip.count, zip.expectationsCount, zip.problems]).toEqual([1, 1, []]);
    });

    it('are no policies: a policies download leaves them out; everything counts them', () => {
      const download = prepareExport(text, { scope: { kind: 'policies' }, delivery: 'download' });
      expect([download.count, download.expectationsCount]).toEqual([1, 0]);
      expect(download.output.data).not.toContain('ConnectivityExpectations');
      const everything = prepareExport(text, { scope: { kind: 'everything' }, delivery: 'download' });
      expect([everything.count, everything.expectationsCount]).toEqual([3, 1]);
    });
  });

  describe('cluster-wide policies', () => {
    const cnp = (name: string) =>
      `apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  tier: Admin\n  priority: 1\n  subject: {namespaces: {}}\n`;
    const text = `${policy('a')}---\n${pod}---\n${cnp('guardrails')}`;

    it('are policies: exported with the NetworkPolicies, without a namespace', () => {
      const prepared = prepareExport(text, policies);
      expect([prepared.count, prepared.clusterCount, prepared.problems]).toEqual([2, 1, []]);
      const read = parseManifests([{ file: 'f', text: prepared.output.data as string }]);
      expect(read.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(read.resources.clusterPolicies.map((p) => p.name)).toEqual(['guardrails']);
      expect(prepared.output.data as string).not.toContain('namespace: default\nspec:\n  tier');
    });

    it('zip into cluster/<kind>-<name>.yaml, and one of them downloads as <kind>-<name>.yaml', () => {
      const zip = prepareExport(text, { scope: { kind: 'policies' }, delivery: 'zip' });
      expect(Object.keys(unzipSync(zip.output.data as Uint8Array))).toEqual([
        'default/a.yaml',
        'cluster/clusternetworkpolicy-guardrails.yaml',
        'kustomization.yaml',
      ]);
      const scope = { kind: 'policy', policyKind: 'ClusterNetworkPolicy', name: 'guardrails' } as const;
      const one = prepareExport(text, { scope, delivery: 'download' });
      expect([one.count, one.output.fileName, one.output.data]).toEqual([1, 'ClusterNetworkPolicy-guardrails.yaml', cnp('guardrails')]);
    });
  });
});
