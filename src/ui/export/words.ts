/** The export's sentences: what was exported, why nothing was, and what blocks an export. */
import type { ExportScope } from '../../model/write';
import type { Delivery } from './request';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** `3 NetworkPolicies`, `12 objects`, `NetworkPolicy shop/web`. */
export function exportedWhat(scope: ExportScope, count: number): string {
  if (scope.kind === 'policy') return `NetworkPolicy ${scope.namespace}/${scope.name}`;
  if (scope.kind === 'policies') return plural(count, 'NetworkPolicy', 'NetworkPolicies');
  return plural(count, 'object', 'objects');
}

/** What the status line says once the export is delivered. */
export function deliveredSentence(delivery: Delivery, what: string, fileName: string): string {
  if (delivery === 'copy') return `Copied ${what} to the clipboard.`;
  if (delivery === 'zip') return `Downloaded ${fileName}: ${what} and kustomization.yaml.`;
  return `Downloaded ${fileName}: ${what}.`;
}

export function nothingSentence(scope: ExportScope): string {
  if (scope.kind === 'policy')
    return `NetworkPolicy ${scope.namespace}/${scope.name} is no longer in the editor.`;
  if (scope.kind === 'policies') return 'There are no NetworkPolicies to export.';
  return 'There is nothing to export.';
}

export const failedSentence = (error: unknown): string =>
  `The export failed: ${error instanceof Error ? error.message : String(error)}`;

export const noPolicyAtCursor =
  'The cursor is not in a NetworkPolicy the graph shows: put it inside one to export it.';

export const blockedTitle = (count: number) => `${plural(count, 'problem', 'problems')} before export`;
export const blockedExplanation =
  'The API server would reject what follows, or kubectl would not apply what the graph shows. ' +
  'NetworkPolicies are checked against the Kubernetes OpenAPI schema.';
