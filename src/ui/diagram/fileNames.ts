/** Names of the diagram downloads. */
import type { Scope } from './frame';

export type DiagramFormat = 'png' | 'svg' | 'dot';

/** The download's file name; an image of only the part on screen says so. */
export function diagramFileName(format: DiagramFormat, scope: Scope = 'whole'): string {
  if (format === 'dot') return 'network-policies.dot';
  return scope === 'visible' ? `network-policies-graph-visible-part.${format}` : `network-policies-graph.${format}`;
}
