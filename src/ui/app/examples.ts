/**
 * The examples of the "Load an example" menu. The first, the editor's default content, is the
 * shared fixture of the classic example (the CLI and engine tests read the same file) and is
 * bundled; the others are files the app serves from /examples/ (public/examples/), read when chosen.
 */
import classic from '../../../fixtures/classic/nginx.yaml?raw';

export interface Example {
  readonly id: string;
  readonly title: string;
}

export const EXAMPLES: readonly Example[] = [
  { id: 'nginx', title: 'nginx on port 80 (the classic first policy)' },
  { id: 'default-deny', title: 'Default deny, then allow DNS and the API' },
  { id: 'egress-ipblock', title: 'Egress to outside addresses (ipBlock)' },
  { id: 'cluster-guardrails', title: 'Cluster-wide guardrails: Admin Deny, Pass, Baseline default deny' },
  { id: 'anp-migration', title: 'From AdminNetworkPolicy (v1alpha1) to ClusterNetworkPolicy' },
];

export const DEFAULT_TEXT = classic;

/** The text of an example: bundled for the default one, else from the app's own files. */
export async function exampleText(id: string): Promise<string> {
  if (id === EXAMPLES[0]!.id) return DEFAULT_TEXT;
  const response = await fetch(`${import.meta.env.BASE_URL}examples/${id}.yaml`);
  if (!response.ok) throw new Error(`example ${id}: HTTP ${response.status}`);
  return response.text();
}
