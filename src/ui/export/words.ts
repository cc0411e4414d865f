/** The export's sentences: what was exported, why nothing was, and what blocks an export. */
import type { PolicyRef } from '../../engine/types';
import type { ExportScope } from '../../model/write';
import type { Delivery } from './request';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The export of one policy the engine knows. */
export function scopeOfPolicy(policy: PolicyRef): ExportScope {
  const namespace = policy.namespace === undefined ? {} : { namespace: policy.namespace };
  return { kind: 'policy', policyKind: policy.kind, ...namespace, name: policy.name };
}

/** `NetworkPolicy shop/web`, `ClusterNetworkPolicy guardrails`. */
function policyNamed(scope: Extract<ExportScope, { kind: 'policy' }>): string {
  return `${scope.policyKind} ${scope.namespace === undefined ? '' : `${scope.namespace}/`}${scope.name}`;
}

/**
 * `3 NetworkPolicies`, `3 NetworkPolicies and 2 cluster-wide policies`, `12 objects`,
 * `NetworkPolicy shop/web`.
 */
export function exportedWhat(scope: ExportScope, count: number, clusterCount = 0): string {
  if (scope.kind === 'policy') return policyNamed(scope);
  if (scope.kind === 'policies') {
    const cluster = plural(clusterCount, 'cluster-wide policy', 'cluster-wide policies');
    if (clusterCount === 0) return plural(count, 'NetworkPolicy', 'NetworkPolicies');
    return clusterCount === count ? cluster : `${plural(count - clusterCount, 'NetworkPolicy', 'NetworkPolicies')} and ${cluster}`;
  }
  return plural(count, 'object', 'objects');
}

/**
 * What the status line says once the export is delivered; `expectations` documents were written
 * too (the zip's `checks/` folder, or among everything, where kubectl would refuse them).
 */
export function deliveredSentence(delivery: Delivery, what: string, fileName: string, expectations = 0): string {
  const documents = plural(expectations, 'ConnectivityExpectations document', 'ConnectivityExpectations documents');
  if (delivery === 'zip') {
    const checks = expectations > 0 ? `, and ${documents} in checks/ for netpol-canvas check (not in the kustomization)` : '';
    return `Downloaded ${fileName}: ${what} and kustomization.yaml${checks}.`;
  }
  const done = delivery === 'copy' ? `Copied ${what} to the clipboard.` : `Downloaded ${fileName}: ${what}.`;
  if (expectations === 0) return done;
  const which = expectations === 1 ? 'One is a ConnectivityExpectations document' : `${expectations} are ConnectivityExpectations documents`;
  return `${done} ${which}, which kubectl refuses (no such kind): the zip export keeps ${expectations === 1 ? 'it' : 'them'} apart, in checks/.`;
}

export function nothingSentence(scope: ExportScope): string {
  if (scope.kind === 'policy')
    return `${policyNamed(scope)} is no longer in the editor.`;
  if (scope.kind === 'policies') return 'There are no policies to export.';
  return 'There is nothing to export.';
}

export const failedSentence = (error: unknown): string =>
  `The export failed: ${error instanceof Error ? error.message : String(error)}`;

export const noPolicyAtCursor =
  'The cursor is not in a policy the graph shows: put it inside one to export it.';

export const blockedTitle = (count: number) => `${plural(count, 'problem', 'problems')} before export`;
export const blockedExplanation =
  'The API server would reject what follows, or kubectl would not apply what the graph shows. ' +
  'NetworkPolicies are checked against the Kubernetes OpenAPI schema.';
