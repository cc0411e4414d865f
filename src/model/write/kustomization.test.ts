import { describe, expect, it } from 'vitest';
import { kustomizationText } from './kustomization';

describe('kustomizationText', () => {
  it('lists the resources in order, as kustomize writes them, quoting what YAML 1.1 would misread', () => {
    expect(kustomizationText(['default/web.yaml', 'shop/no'])).toBe(
      '# NetworkPolicies exported by Netpol Canvas. Apply them all with: kubectl apply -k .\n\n' +
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- default/web.yaml\n- shop/no\n',
    );
    expect(kustomizationText(['yes'])).toContain('- "yes"\n');
  });
});
