/**
 * The focus view's breadcrumb, over the graph: back to the whole graph, the node in focus, and
 * which of its edges are shown (into it, out of it, both).
 */
import { useAppState } from '../../store/react';
import { selectEndpointIndex } from '../../store/selectors';
import type { FocusDirection } from '../../store/types';
import { useActionManager } from '../commands/context';
import { endpointName } from '../panels/links';
import { endpointsOfNode, namespaceOfNode } from './ids';

const DIRECTIONS: readonly (readonly [FocusDirection, string, string])[] = [
  ['in', 'Into it', 'What reaches it'],
  ['out', 'Out of it', 'What it reaches'],
  ['both', 'Both', 'Both ways'],
];

export function FocusCrumbs() {
  const focus = useAppState((s) => s.view.focus);
  const endpoints = useAppState(selectEndpointIndex);
  const actions = useActionManager();
  if (!focus) return null;
  const namespace = namespaceOfNode(focus.node);
  const [first, ...more] = endpointsOfNode(focus.node);
  const name =
    namespace !== undefined
      ? `namespace ${namespace}`
      : `${endpointName(first && endpoints.get(first), first ?? focus.node)}${more.length > 0 ? ` +${more.length}` : ''}`;
  return (
    <nav className="banner focus-crumbs" aria-label="Focus" data-testid="focus-crumbs">
      <ol className="crumbs">
        <li>
          <button type="button" className="link" onClick={() => actions.execute('focusNode', focus.node)} data-testid="whole-graph">
            Whole graph
          </button>
        </li>
        <li aria-current="location">
          <strong title={focus.node}>{name}</strong>
        </li>
      </ol>
      <span className="segmented" role="group" aria-label="Edges shown">
        {DIRECTIONS.map(([direction, label, title]) => (
          <button
            key={direction}
            type="button"
            aria-pressed={focus.direction === direction}
            title={title}
            onClick={() => actions.execute('focusDirection', direction)}
            data-testid={`focus-${direction}`}
          >
            {label}
          </button>
        ))}
      </span>{' '}
      <kbd>Esc</kbd>
    </nav>
  );
}
