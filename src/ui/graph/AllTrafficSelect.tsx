/**
 * The pane bar's choice of how connections that allow everything (`All`) are drawn: faintly (the
 * default, so the restricted ones stand out on a first look), faintly and bundled into a trunk per
 * receiving node, hidden (the graph says how many), or like the others. Shift+A goes round.
 */
import { useActions, useAppState } from '../../store/react';
import { ALL_TRAFFIC, type AllTraffic } from '../../store/types';
import { useActionManager } from '../commands/context';

const NAMES: Record<AllTraffic, string> = { faint: 'Faint', bundled: 'Bundled', hidden: 'Hidden', shown: 'In full' };

export function AllTrafficSelect() {
  const manager = useActionManager();
  const actions = useActions();
  const allTraffic = useAppState((s) => s.view.allTraffic);
  const shortcut = manager.list().find((a) => a.name === 'toggleAllTraffic')?.shortcut;
  return (
    <label className="pane-bar-field" title={`How connections that allow everything are drawn (${shortcut} goes round)`}>
      “All” edges
      <select
        value={allTraffic}
        onChange={(e) => actions.setView({ allTraffic: e.currentTarget.value as AllTraffic })}
        data-testid="all-traffic"
      >
        {ALL_TRAFFIC.map((choice) => (
          <option key={choice} value={choice}>
            {NAMES[choice]}
          </option>
        ))}
      </select>
    </label>
  );
}
