/**
 * The pane bar's switch for connections that allow everything (`All`): faint by default, so the
 * restricted ones stand out on a first look; every edge stays drawn and labelled either way.
 */
import { useAppState } from '../../store/react';
import { useActionManager } from '../commands/context';

export function AllTrafficToggle() {
  const manager = useActionManager();
  const faint = useAppState((s) => s.view.allTraffic === 'faint');
  const shortcut = manager.list().find((a) => a.name === 'toggleAllTraffic')?.shortcut;
  return (
    <label className="pane-bar-field" title={`Unrestricted connections drawn faintly, so restricted ones stand out (${shortcut})`}>
      <input type="checkbox" checked={faint} onChange={() => manager.execute('toggleAllTraffic')} data-testid="all-traffic-faint" />
      Fade “All” edges
    </label>
  );
}
