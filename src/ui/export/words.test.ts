import { describe, expect, it } from 'vitest';
import { exportedWhat, nothingSentence } from './words';

describe('export sentences', () => {
  const policies = { kind: 'policies' } as const;

  it('count NetworkPolicies and cluster-wide policies apart', () => {
    expect(exportedWhat(policies, 1)).toBe('1 NetworkPolicy');
    expect(exportedWhat(policies, 3, 1)).toBe('2 NetworkPolicies and 1 cluster-wide policy');
    expect(exportedWhat(policies, 2, 2)).toBe('2 cluster-wide policies');
  });

  it('name one policy by kind, with its namespace when it has one', () => {
    expect(exportedWhat({ kind: 'policy', policyKind: 'NetworkPolicy', namespace: 'shop', name: 'web' }, 1)).toBe(
      'NetworkPolicy shop/web',
    );
    const cluster = { kind: 'policy', policyKind: 'ClusterNetworkPolicy', name: 'guardrails' } as const;
    expect(nothingSentence(cluster)).toBe('ClusterNetworkPolicy guardrails is no longer in the editor.');
  });
});
