import { describe, expect, it } from 'vitest';
import { deliveredSentence, exportedWhat, nothingSentence } from './words';

describe('export sentences', () => {
  const policies = { kind: 'policies' } as const;

  it('count NetworkPolicies and cluster-wide policies apart', () => {
    expect(exportedWhat(policies, 1)).toBe('1 NetworkPolicy');
    expect(exportedWhat(policies, 3, 1)).toBe('2 NetworkPolicies and 1 cluster-wide policy');
    expect(exportedWhat(policies, 2, 2)).toBe('2 cluster-wide policies');
  });

  it('say where expectation documents went, and that kubectl refuses them outside the zip', () => {
    expect(deliveredSentence('zip', '2 NetworkPolicies', 'network-policies.zip')).toBe(
      'Downloaded network-policies.zip: 2 NetworkPolicies and kustomization.yaml.',
    );
    expect(deliveredSentence('zip', '2 NetworkPolicies', 'network-policies.zip', 1)).toBe(
      'Downloaded network-policies.zip: 2 NetworkPolicies and kustomization.yaml, and 1 ConnectivityExpectations document in checks/ for netpol-canvas check (not in the kustomization).',
    );
    expect(deliveredSentence('download', '5 objects', 'manifests.yaml')).toBe('Downloaded manifests.yaml: 5 objects.');
    expect(deliveredSentence('copy', '5 objects', 'manifests.yaml', 2)).toBe(
      'Copied 5 objects to the clipboard. 2 are ConnectivityExpectations documents, which kubectl refuses (no such kind): the zip export keeps them apart, in checks/.',
    );
  });

  it('name one policy by kind, with its namespace when it has one', () => {
    expect(exportedWhat({ kind: 'policy', policyKind: 'NetworkPolicy', namespace: 'shop', name: 'web' }, 1)).toBe(
      'NetworkPolicy shop/web',
    );
    const cluster = { kind: 'policy', policyKind: 'ClusterNetworkPolicy', name: 'guardrails' } as const;
    expect(nothingSentence(cluster)).toBe('ClusterNetworkPolicy guardrails is no longer in the editor.');
  });
});
