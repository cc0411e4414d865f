/**
 * One line over the graph when it is not simply "the allowed connections of the text": stale
 * behind a YAML error (and where), being laid out, or showing one endpoint's denied pairs.
 */
import { useAppState, useActions } from '../../store/react';
import { selectEndpointIndex, selectFirstError } from '../../store/selectors';
import { endpointName } from '../panels/links';

export function GraphStatus({ layingOut }: { layingOut: boolean }) {
  const stale = useAppState((s) => s.evaluated.stale);
  const error = useAppState(selectFirstError);
  const deniedFor = useAppState((s) => s.view.deniedFor);
  const endpoints = useAppState(selectEndpointIndex);
  const actions = useActions();
  if (stale) {
    return (
      <div className="banner banner-stale" role="status" data-testid="stale-banner">
        <strong>Graph not updated</strong> — the YAML has an error
        {error && (
          <>
            {' '}
            at{' '}
            <button type="button" className="link" onClick={() => actions.reveal(error.diagnostic.location)}>
              line {error.range.startLine}
            </button>
            : {error.diagnostic.message}
          </>
        )}
      </div>
    );
  }
  if (layingOut) {
    return (
      <div className="banner" role="status">
        Laying out…
      </div>
    );
  }
  if (deniedFor) {
    return (
      <div className="banner banner-denied" role="status" data-testid="denied-banner">
        <strong>Denied view:</strong> what {endpointName(endpoints.get(deniedFor), deniedFor)} cannot fully reach, and what cannot fully
        reach it.{' '}
        <button type="button" className="link" onClick={() => actions.setView({ deniedFor: null })}>
          Back to allowed connections
        </button>{' '}
        <kbd>Esc</kbd>
      </div>
    );
  }
  return null;
}
