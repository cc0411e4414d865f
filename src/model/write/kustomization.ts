/** The `kustomization.yaml` of an exported folder of policies, so `kubectl apply -k` applies them all. */
import { Document } from 'yaml';
import { KUBECTL_YAML_OPTIONS } from '../yaml';

/** Lists `resources` (paths relative to the kustomization), in the order given. */
export function kustomizationText(resources: readonly string[]): string {
  const doc = new Document(
    { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources] },
    KUBECTL_YAML_OPTIONS,
  );
  doc.commentBefore = ' NetworkPolicies exported by Netpol Canvas. Apply them all with: kubectl apply -k .';
  // As `kustomize edit add resource` writes it: list items not indented under their key.
  return doc.toString({ indentSeq: false, lineWidth: 0 });
}
