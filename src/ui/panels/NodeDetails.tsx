/** The selected node: what it is, which policies select it, and what each of them does to it. */
import { useMemo, useState } from 'react';
import type { EndpointId, PolicySummary } from '../../engine/types';
import { useAnswer, useAppState } from '../../store/react';
import { selectEndpointIndex } from '../../store/selectors';
import { useActionManager } from '../commands/context';
import { endpointOfNode, namespaceOfNode } from '../graph/ids';
import { endpointName, SourceLink } from './links';
import { peerList, reachRows } from './peers';
import { PeerRows } from './PeerRows';
import { labelList } from '../graph/toFlow';
import { PolicyExportButtons } from '../export/PolicyExportButtons';

/** `a, b and 3 more` (all of them on a click): the peers a policy lets in or out. */
function PeerNames({ names, testId }: { names: readonly string[]; testId: string }) {
  const [open, setOpen] = useState(false);
  if (names.length === 0) return <span data-testid={testId}>nobody</span>;
  const folded = !open && names.length > 8;
  return (
    <span data-testid={testId}>
      {(folded ? names.slice(0, 8) : names).join(', ')}
      {folded && (
        <>
          {' and '}
          <button type="button" className="link" onClick={() => setOpen(true)}>
            {names.length - 8} more
          </button>
        </>
      )}
    </span>
  );
}

function PolicyEffect({ policy, endpoint }: { policy: PolicySummary; endpoint: EndpointId }) {
  const footprint = useAnswer({ kind: 'footprint', policy: policy.ref.id });
  const analysis = useAppState((s) => s.evaluated.analysis);
  const types = policy.ref.policyTypes;
  const lets = (direction: 'in' | 'out') => {
    const peers = (footprint?.connections ?? [])
      .filter(([from, to]) => (direction === 'in' ? to === endpoint : from === endpoint))
      .map(([from, to]) => (direction === 'in' ? from : to));
    return analysis ? peerList(analysis, peers) : [];
  };
  return (
    <li className="policy-effect">
      <SourceLink location={policy.ref.nameLocation}>{policy.ref.name}</SourceLink>
      <PolicyExportButtons policy={policy.ref} />
      <ul>
        {types.includes('Ingress') && (
          <li>
            isolates ingress; lets in: {footprint ? <PeerNames names={lets('in')} testId="lets-in" /> : '…'}
          </li>
        )}
        {types.includes('Egress') && (
          <li>
            isolates egress; lets out to: {footprint ? <PeerNames names={lets('out')} testId="lets-out" /> : '…'}
          </li>
        )}
      </ul>
    </li>
  );
}

export function NodeDetails({ nodeId }: { nodeId: string }) {
  const analysis = useAppState((s) => s.evaluated.analysis);
  const deniedFor = useAppState((s) => s.view.deniedFor);
  const actions = useActionManager();
  const id = endpointOfNode(nodeId);
  const endpoints = useAppState(selectEndpointIndex);
  const endpoint = id && endpoints.get(id);
  const policies = useMemo(() => (id && analysis?.policies.filter((p) => p.selects.includes(id))) || [], [analysis, id]);
  const reaches = useMemo(() => (id && analysis ? reachRows(analysis, id, 'out') : []), [analysis, id]);
  const reachedBy = useMemo(() => (id && analysis ? reachRows(analysis, id, 'in') : []), [analysis, id]);
  const namespaceName = namespaceOfNode(nodeId);
  const namespace = analysis?.namespaces.find((ns) => ns.name === namespaceName);

  if (namespace) {
    return (
      <section className="details" data-testid="node-details">
        <h2>Namespace {namespace.name}</h2>
        <p>{namespace.declared ? 'Declared by a Namespace object.' : 'Not declared: it only appears in metadata.namespace.'}</p>
        <p className="labels">
          {Object.entries(namespace.labels).map(([k, v]) => (
            <code key={k}>{`${k}=${v}`}</code>
          ))}
        </p>
        {namespace.location && <SourceLink location={namespace.location}>Show its YAML</SourceLink>}
      </section>
    );
  }
  if (!id || !endpoint) return <p className="muted">This node is no longer in the graph.</p>;
  const isolation = analysis?.isolation.get(id);
  return (
    <section className="details" data-testid="node-details">
      <h2>{endpointName(endpoint, id)}</h2>
      {endpoint.type === 'workload' ? (
        <>
          <p>
            {endpoint.kind} in namespace <strong>{endpoint.namespace}</strong>
          </p>
          <p className="labels">
            {labelList(endpoint.labels, endpoint.varyingLabels).map((label) => (
              <code key={label}>{label}</code>
            ))}
          </p>
          {endpoint.varyingLabels && (
            <p className="muted" data-testid="varying-labels">
              Its pods differ in {endpoint.varyingLabels.join(', ')}; no selector in the input tells them apart, so one
              endpoint stands for them all.
            </p>
          )}
          {endpoint.ports.length > 0 && (
            <p>
              Ports:{' '}
              {endpoint.ports.map((p) => `${p.protocol ?? 'TCP'} ${p.port}${p.name ? ` (${p.name})` : ''}`).join(', ')}
            </p>
          )}
          <p>
            Ingress: {isolation?.ingress.length ? 'isolated — only what a rule allows comes in' : 'not isolated — everything may come in'}
            <br />
            Egress: {isolation?.egress.length ? 'isolated — only what a rule allows goes out' : 'not isolated — everything may go out'}
          </p>
          <h3>Policies selecting it</h3>
          {policies.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="policy-list">
              {policies.map((p) => (
                <PolicyEffect key={p.ref.id} policy={p} endpoint={id} />
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>Addresses outside the cluster. NetworkPolicies never isolate them; only pods' policies restrict traffic to and from them.</p>
      )}
      <h3>Reaches</h3>
      <PeerRows rows={reaches} testId="reaches" none="Nothing: every connection out of it is denied." />
      <h3>Reached by</h3>
      <PeerRows rows={reachedBy} testId="reached-by" none="Nothing: every connection into it is denied." />
      <button type="button" className="button" onClick={() => actions.execute('toggleDenied')} aria-pressed={deniedFor === id}>
        {deniedFor === id ? 'Back to allowed connections' : 'Show what is denied'} <kbd>Shift+D</kbd>
      </button>
    </section>
  );
}
