/** The bar at the top of the main pane: Graph | Matrix, then the shown pane's controls (the table's, through a portal). */
import type { ReactNode } from 'react';
import { useAppState } from '../../store/react';
import { useActionManager } from '../commands/context';
import type { MainPane } from '../../store/types';

const PANES: readonly (readonly [MainPane, string])[] = [
  ['graph', 'Graph'],
  ['matrix', 'Matrix'],
];

const TITLES: Readonly<Record<MainPane, string>> = {
  graph: 'The graph',
  matrix: 'The truth table: every source against every destination',
};

export function PaneBar({ children }: { children?: ReactNode }) {
  const manager = useActionManager();
  const shown = useAppState((s) => s.view.pane);
  const shortcut = manager.list().find((a) => a.name === 'switchPane')?.shortcut;
  return (
    <div className="pane-bar" data-testid="pane-bar">
      <div className="pane-switch" role="group" aria-label="Show the graph or the truth table">
        {PANES.map(([pane, label]) => (
          <button
            key={pane}
            type="button"
            className="pane-switch-button"
            aria-pressed={shown === pane}
            title={`${TITLES[pane]} (${shortcut} switches)`}
            onClick={() => manager.execute('switchPane', pane)}
            data-testid={`pane-${pane}`}
          >
            {label}
          </button>
        ))}
      </div>
      {children}
    </div>
  );
}
