/**
 * "Check it on a cluster": the command that tries one pair and port on a real cluster
 * (verifyCommand.ts), copyable, with what its outcome means. Folded: it is for those who have a
 * cluster at hand.
 */
import { useState } from 'react';
import type { EndpointId } from '../../engine/types';
import type { Protocol } from '../../model/types';
import { useAppState } from '../../store/react';
import { selectEndpointIndex } from '../../store/selectors';
import { copyText } from '../app/clipboard';
import { verifyCommand } from './verifyCommand';

export interface VerifyOnClusterProps {
  readonly from: EndpointId;
  readonly to: EndpointId;
  readonly protocol: Protocol;
  readonly port: number | undefined;
  /** What the policies decide for it. */
  readonly allowed: boolean;
}

export function VerifyOnCluster({ from, to, protocol, port, allowed }: VerifyOnClusterProps) {
  const endpoints = useAppState(selectEndpointIndex);
  const [copied, setCopied] = useState<boolean | null>(null);
  const source = endpoints.get(from);
  const destination = endpoints.get(to);
  if (!source || !destination) return null;
  const { command, notes } = verifyCommand(source, destination, protocol, port, allowed);
  return (
    <details className="verify" data-testid="verify-on-cluster">
      <summary>Check it on a cluster ({protocol} {port ?? 'any port'})</summary>
      {command && (
        <div className="verify-command">
          <code data-testid="verify-command">{command}</code>
          <button
            type="button"
            className="button"
            onClick={() => void copyText(command).then(setCopied)}
            data-testid="verify-copy"
          >
            {copied === true ? 'Copied' : 'Copy'}
          </button>
        </div>
      )}
      {copied === false && <p className="error-text">The browser did not allow copying: select the command instead.</p>}
      <ul className="muted">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </details>
  );
}
