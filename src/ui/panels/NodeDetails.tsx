/**
 * The selected node: what it is, what decides its traffic each way (NetworkPolicies, cluster-wide
 * tiers), which policies select it, and what each of them does to it.
 */
import { useMemo } from 'react';
import { tierName } from '../../engine';
import type { EndpointId, PolicySummary } from '../../engine/types';
import { collapsedNamespaces } from '../../store/graphView';
import { useAnswer, useAppState } from '../../store/react';
import { selectEndpointIndex, selectPolicyIndex } from '../../store/selectors';
import { useActionManager } from '../commands/context';
import { endpointOfNode, namespaceOfNode } from '../graph/ids';
import { endpointName, SourceLink } from './links';
import { peerList, reachRows } from './peers';
import { PeerRows } from './PeerRows';
import { PeerNames } from './PeerNames';
import { labelList } from '../graph/toFlow';
import { PolicyExportButtons } from '../export/PolicyExportButtons';
import { PolicyWordsDisclosure } from './PolicyWords';
import { TierMarks } from '../graph/nodes';
import { governance, governanceSentence, type DirectionGovernance } from './governance';

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
      <PolicyWordsDisclosure policy={policy.ref.id} />
    </li>
  );
}

/** The cluster-wide policies with rules for the workload, by tier, each way; a click shows one on the graph. */
function ClusterGovernance({ directions }: { directions: readonly DirectionGovernance[] }) {
  const actions = useActionManager();
  const shown = useAppState((s) => s.view.policy);
  const rows = (['admin', 'baseline'] as const).flatMap((tier) => {
    const byPolicy = new Map<string, { name: string; ways: string[] }>();
    for (const g of directions)
      for (const ref of g[tier]) byPolicy.set(ref.id, { name: ref.name, ways: [...(byPolicy.get(ref.id)?.ways ?? []), g.direction] });
    return [...byPolicy].map(([id, { name, ways }]) => ({ tier, id, name, ways }));
  });
  if (rows.length === 0) return null;
  return (
    <>
      <h3>Cluster-wide policies</h3>
      <ul className="governance-list" data-testid="node-cluster-policies">
        {rows.map(({ tier, id, name, ways }) => (
          <li key={id}>
            <TierMarks tiers={[tier]} />{' '}
            <button
              type="button"
              className="link"
              aria-pressed={shown === id}
              title="Show it on the graph"
              onClick={() => actions.execute('showPolicy', id)}
            >
              {name}
            </button>{' '}
            <span className="muted">
              {tierName(tier)} · {ways.join(', ')}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Focus on the node (only it, its neighbours and the edges between them), or back to the whole graph. */
function FocusButton({ nodeId }: { nodeId: string }) {
  const actions = useActionManager();
  const focused = useAppState((s) => s.view.focus?.node === nodeId);
  return (
    <button type="button" className="button" onClick={() => actions.execute('focusNode', nodeId)} aria-pressed={focused} data-testid="focus-node">
      {focused ? 'Back to the whole graph' : 'Focus on it'} <kbd>Shift+F</kbd>
    </button>
  );
}

/** A namespace's buttons: expand or collapse it, and focus on it while collapsed. */
function NamespaceButtons({ nodeId, name }: { nodeId: string; name: string }) {
  const actions = useActionManager();
  const collapsed = useAppState((s) => collapsedNamespaces(s.view, s.evaluated.analysis).has(name));
  return (
    <p className="button-row">
      {collapsed ? (
        <button type="button" className="button" onClick={() => actions.execute('expandNamespace', nodeId)} data-testid="expand-node">
          Expand <kbd>+</kbd>
        </button>
      ) : (
        <button type="button" className="button" onClick={() => actions.execute('collapseNamespace', nodeId)} data-testid="collapse-node">
          Collapse <kbd>-</kbd>
        </button>
      )}
      {collapsed && <FocusButton nodeId={nodeId} />}
    </p>
  );
}

export function NodeDetails({ nodeId }: { nodeId: string }) {
  const analysis = useAppState((s) => s.evaluated.analysis);
  const deniedFor = useAppState((s) => s.view.deniedFor);
  const actions = useActionManager();
  const id = endpointOfNode(nodeId);
  const endpoints = useAppState(selectEndpointIndex);
  const endpoint = id && endpoints.get(id);
  // Cluster-wide policies select it too; they are listed by tier below, these are the NetworkPolicies.
  const policies = useMemo(
    () => (id && analysis?.policies.filter((p) => p.ref.tier === 'networkPolicy' && p.selects.includes(id))) || [],
    [analysis, id],
  );
  const policyIndex = useAppState(selectPolicyIndex);
  const reaches = useMemo(() => (id && analysis ? reachRows(analysis, id, 'out') : []), [analysis, id]);
  const reachedBy = useMemo(() => (id && analysis ? reachRows(analysis, id, 'in') : []), [analysis, id]);
  const namespaceName = namespaceOfNode(nodeId);
  const namespace = analysis?.namespaces.find((ns) => ns.name === namespaceName);

  if (namespace) {
    const workloads = analysis!.endpoints.filter((e) => e.type === 'workload' && e.namespace === namespace.name).length;
    return (
      <section className="details" data-testid="node-details">
        <h2>Namespace {namespace.name}</h2>
        <p>
          {namespace.declared ? 'Declared by a Namespace object.' : 'Not declared: it only appears in metadata.namespace.'}{' '}
          {workloads} {workloads === 1 ? 'workload' : 'workloads'}.
        </p>
        <NamespaceButtons nodeId={nodeId} name={namespace.name} />
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
  const [ingress, egress] = governance(analysis?.isolation.get(id), policyIndex);
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
          <p data-testid="node-isolation">
            Ingress: {governanceSentence(ingress)}
            <br />
            Egress: {governanceSentence(egress)}
          </p>
          <ClusterGovernance directions={[ingress, egress]} />
          <h3>NetworkPolicies selecting it</h3>
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
      <p className="button-row">
        <button type="button" className="button" onClick={() => actions.execute('toggleDenied')} aria-pressed={deniedFor === id}>
          {deniedFor === id ? 'Back to allowed connections' : 'Show what is denied'} <kbd>Shift+D</kbd>
        </button>
        <FocusButton nodeId={nodeId} />
      </p>
    </section>
  );
}
