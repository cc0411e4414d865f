/**
 * One line over the graph when it is not simply "the allowed connections of the text": the text
 * refused whole (the graph is the last one), objects standing at their last valid version while
 * their YAML has an error (which, and where), being laid out, showing one endpoint's denied
 * pairs, showing a policy picked in the policy panel, or leaving out the `All` edges (how many, and
 * what a missing edge then means).
 */
import { policyName, tierName } from '../../engine';
import { useAppState, useActions } from '../../store/react';
import { selectEndpointIndex, selectFirstError, selectLocate, selectShownPolicy } from '../../store/selectors';
import { endpointName } from '../panels/links';

/**
 * A model error without what it adds after its last " — " (why the object is left out): the
 * banner already says that its last valid version stands in.
 */
function problemOf(message: string): string {
  const cut = message.lastIndexOf(' — ');
  return cut < 0 ? message : message.slice(0, cut);
}

export function GraphStatus({ layingOut, hiddenAll }: { layingOut: boolean; hiddenAll: number }) {
  const stale = useAppState((s) => s.evaluated.stale);
  const heldBack = useAppState((s) => s.evaluated.heldBack);
  const locate = useAppState(selectLocate);
  const error = useAppState(selectFirstError);
  const deniedFor = useAppState((s) => s.view.deniedFor);
  const endpoints = useAppState(selectEndpointIndex);
  const shown = useAppState(selectShownPolicy);
  const actions = useActions();
  if (stale) {
    return (
      <div className="banner banner-stale" role="status" data-testid="stale-banner">
        <strong>Graph not updated</strong> — the text was not read
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
  if (heldBack.length > 0) {
    const [first] = heldBack;
    const line = locate(first!.error.location).range.startLine;
    return (
      <div className="banner banner-held" role="status" data-testid="held-banner">
        <strong>
          Using the last valid version of {first!.kind} {first!.name}
        </strong>
        {heldBack.length > 1 && ` and ${heldBack.length - 1} more`} —{' '}
        <button type="button" className="link" onClick={() => actions.reveal(first!.error.location)}>
          line {line}
        </button>
        : {problemOf(first!.error.message)}
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
  if (shown) {
    const { ref } = shown;
    const rank = ref.tier === 'networkPolicy' ? '' : ` (${tierName(ref.tier)} ${ref.priority})`;
    return (
      <div className="banner banner-policy" role="status" data-testid="policy-banner" title={policyName(ref)}>
        Showing <strong>{ref.name}</strong>
        {rank}{' '}
        <span className="nowrap">
          <button type="button" className="link" onClick={() => actions.setView({ policy: null })}>
            Stop showing
          </button>{' '}
          <kbd>Esc</kbd>
        </span>
      </div>
    );
  }
  if (hiddenAll > 0) {
    return (
      <div className="banner" role="status" data-testid="all-hidden-banner">
        {hiddenAll} “All” {hiddenAll === 1 ? 'edge' : 'edges'} hidden: no edge between two nodes now means nothing or everything is
        allowed.{' '}
        <button type="button" className="link" onClick={() => actions.setView({ allTraffic: 'faint' })}>
          Show them faintly
        </button>
      </div>
    );
  }
  return null;
}
