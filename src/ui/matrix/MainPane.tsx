/**
 * The main pane: the graph or the truth table (view.pane), under the bar that switches them.
 * The graph stays mounted under the table, hidden and inert, so coming back finds it as it was
 * left — zoom, pan, layout — without mounting thousands of nodes again (unmounting it, or React's
 * Activity, loses React Flow's viewport). The table is loaded on first use, so the graph's first
 * load carries none of it; its controls go into the bar (`slot`).
 */
import { lazy, Suspense, useState } from 'react';
import { useAppState } from '../../store/react';
import { GraphView } from '../graph/GraphView';
import { AllTrafficSelect } from '../graph/AllTrafficSelect';
import { PaneBar } from './PaneBar';
import './pane.css';

const MatrixView = lazy(() => import('./MatrixView'));

export function MainPane() {
  const matrix = useAppState((s) => s.view.pane === 'matrix');
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  return (
    <div className="main-pane">
      <PaneBar>
        <div className="pane-bar-slot" ref={setSlot} />
        {!matrix && <AllTrafficSelect />}
      </PaneBar>
      <div className="main-pane-stage">
        <div className={matrix ? 'main-pane-graph is-hidden' : 'main-pane-graph'} inert={matrix}>
          <GraphView />
        </div>
        {matrix && (
          <Suspense fallback={<p className="muted matrix-message">Loading the truth table…</p>}>
            <MatrixView controls={slot} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
