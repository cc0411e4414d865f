/**
 * "Allow traffic": from one end to another (one of them given by the menu, the other picked),
 * on some ports of a protocol — prefilled with the destination's container ports — or all of them.
 * Outside addresses are a CIDR, prefilled with the range chosen and editable.
 */
import { useState } from 'react';
import { PROTOCOLS, type Protocol } from '../../model/types';
import type { Party } from '../../plans';
import { useAppState } from '../../store/react';
import { Combobox } from '../combobox/Combobox';
import { CancelRow } from './CancelRow';
import { useGestures } from './context';
import { readPorts } from './gestureText';
import type { FormRequest, PartyChoice } from './menu';
import { listeningPorts, partyOfOption, partyOptions } from './partyOptions';

type AllowRequest = Extract<FormRequest, { kind: 'allow' }>;

function EndField({ label, choice, onChoose, testId }: { label: string; choice: PartyChoice | undefined; onChoose: (c: PartyChoice) => void; testId: string }) {
  const analysis = useAppState((s) => s.evaluated.analysis);
  const options = partyOptions(analysis);
  return (
    <Combobox
      label={label}
      options={options}
      value={null}
      onChoose={(option) => {
        const picked = analysis && partyOfOption(analysis, option);
        if (picked) onChoose(picked);
      }}
      placeholder={choice ? choice.name : 'Type a name, namespace or label'}
      testId={testId}
    />
  );
}

/** An outside end with its CIDR as typed. */
const withCidr = (party: Party, cidr: string): Party => (party.type === 'outside' ? { type: 'outside', cidr: cidr.trim() } : party);

export function AllowForm({ request }: { request: AllowRequest }) {
  const gestures = useGestures();
  const analysis = useAppState((s) => s.evaluated.analysis);
  const [from, setFrom] = useState(request.from);
  const [to, setTo] = useState(request.to);
  const [protocol, setProtocol] = useState<Protocol>('TCP');
  const listening = listeningPorts(analysis, to, protocol);
  const [ports, setPorts] = useState<string | null>(null);
  const [allPorts, setAllPorts] = useState(false);
  const outside = from?.party.type === 'outside' ? from : to?.party.type === 'outside' ? to : undefined;
  const [cidr, setCidr] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const portsText = ports ?? listening;
  const cidrText = cidr ?? (outside?.party.type === 'outside' ? outside.party.cidr : '');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!from || !to) return setProblem('Choose both ends.');
    const read = allPorts ? { value: 'all' as const } : readPorts(portsText);
    if ('problem' in read) return setProblem(read.problem);
    void gestures.plan({
      kind: 'allow',
      from: withCidr(from.party, cidrText),
      to: withCidr(to.party, cidrText),
      traffic: { protocol, ports: read.value },
    });
  };
  return (
    <form onSubmit={submit} className="gesture-form" data-testid="allow-form">
      <h2 id="gesture-title">Allow traffic</h2>
      {request.from ? <p>From <strong>{request.from.name}</strong></p> : <EndField label="From" choice={from} onChoose={setFrom} testId="allow-from" />}
      {request.to ? <p>To <strong>{request.to.name}</strong></p> : <EndField label="To" choice={to} onChoose={setTo} testId="allow-to" />}
      {!request.from && from && <p className="muted">From: {from.name}</p>}
      {!request.to && to && <p className="muted" data-testid="allow-to-chosen">To: {to.name}</p>}
      {outside && (
        <label className="field">
          <span>Outside addresses (CIDR, or a range first-last)</span>
          <input value={cidrText} onChange={(e) => setCidr(e.target.value)} data-testid="allow-cidr" />
        </label>
      )}
      <div className="field-row">
        <label className="field">
          <span>Protocol</span>
          <select value={protocol} onChange={(e) => setProtocol(e.target.value as Protocol)} data-testid="allow-protocol">
            {PROTOCOLS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Ports (comma-separated)</span>
          <input value={portsText} disabled={allPorts} onChange={(e) => setPorts(e.target.value)} placeholder="e.g. 80, 8080" data-testid="allow-ports" />
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={allPorts} onChange={(e) => setAllPorts(e.target.checked)} data-testid="allow-all-ports" /> All ports of{' '}
        {protocol}
      </label>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      <CancelRow submit="Review…" />
    </form>
  );
}
