/**
 * The selected edge: per port, which rule allows it on the egress side and on the ingress side.
 * In the denied view an edge stands for what is denied: it says so first, and why, for a port the
 * destination listens on.
 */
import { useMemo } from 'react';
import type { EdgeRef } from '../../store/types';
import { ALL_CONNECTIONS, isNoConnections, queryText, subtractConnections, type ConnectionSet } from '../../engine';
import type { ExpectedVerdict } from '../../model/types';
import { expectationEdit } from '../../model/write/expectation-edit';
import { useActions, useAnswer, useAppState, useAppStoreApi } from '../../store/react';
import { pairExpectation } from './expectPair';
import { pairMarks } from '../graph/checkMarks';
import { selectEndpointIndex } from '../../store/selectors';
import { connectionLabel } from '../graph/toFlow';
import { endpointName, RuleLink } from './links';
import { bundlePeers, peerList } from './peers';
import { edgeEnds, endpointsOfNode, namespaceOfNode } from '../graph/ids';
import { provenanceRows, ruleKey, type SideProvenance } from './provenance';
import { ExplanationLines } from './ExplanationLines';
import { VerifyOnCluster } from './VerifyOnCluster';
import { portToTry } from './verifyCommand';

function SideCell({ side }: { side: SideProvenance }) {
  if (side.kind === 'external') return <span className="muted">outside the cluster: no policy applies</span>;
  if (side.kind === 'open') return <span className="muted">not isolated: allowed by default</span>;
  if (side.kind === 'tier') {
    return (
      <span data-testid="tier-rule">
        <RuleLink rule={side.rule} /> <span className="muted">{side.rule.action === 'accept' ? 'accepts' : 'passes: allowed'}</span>
      </span>
    );
  }
  return (
    <ul className="rule-list">
      {side.rules.map((rule) => (
        <li key={ruleKey(rule)}>
          <RuleLink rule={rule} />
        </li>
      ))}
    </ul>
  );
}

/** The name of a bundle's group end: a namespace, or the outside world. */
function groupName(node: string): string {
  const namespace = namespaceOfNode(node);
  return namespace === undefined ? 'outside the cluster' : `namespace ${namespace}`;
}

/** A bundle says which connections it stands for, each allowing the same ports. */
function BundleNote({ edge, pair }: { edge: EdgeRef; pair: string }) {
  const analysis = useAppState((s) => s.evaluated.analysis);
  const { ends, peers } = bundlePeers(edge.id, edge.members!);
  const names = analysis ? peerList(analysis, peers) : [];
  return (
    <p className="muted" data-testid="bundle-note">
      {edge.members!.length} connections drawn as one edge, each allowing the same ports. Their {ends}:{' '}
      <span data-testid="bundle-peers">{names.join(', ')}</span>. Explained below for {pair}.
    </p>
  );
}

/** The failing expectations about the pairs an edge draws (the graph marks them in red). */
function FailingChecks({ edge }: { edge: EdgeRef }) {
  const checks = useAppState((s) => s.evaluated.checks);
  const actions = useActions();
  const fails = useMemo(() => {
    const { source, target } = edgeEnds(edge.id);
    const [sources, targets] = [endpointsOfNode(source), endpointsOfNode(target)];
    return pairMarks(checks).filter(({ pair }) => sources.includes(pair.from) && targets.includes(pair.to));
  }, [checks, edge.id]);
  if (fails.length === 0) return null;
  return (
    <div className="edge-check-fails" data-testid="edge-check-fails">
      <p>
        <strong>✗ Fails {fails.length === 1 ? 'an expectation' : `${fails.length} expectations`}</strong>{' '}
        <button type="button" className="link" onClick={() => actions.setView({ inspector: 'checks' })}>
          Show in Checks
        </button>
      </p>
      <ul>
        {fails.map(({ says }) => (
          <li key={says}>{says}</li>
        ))}
      </ul>
    </div>
  );
}

/** Writes the pair's expectation into the text (a ConnectivityExpectations document), one undo step. */
function ExpectButtons({ from, to, allowed }: { from: string; to: string; allowed: ConnectionSet }) {
  const store = useAppStoreApi();
  const actions = useActions();
  const write = (expect: ExpectedVerdict) => {
    const change = expectationEdit(store.getState().readText(), pairExpectation(from, to, expect, allowed));
    actions.applyEdit(change);
    actions.setView({ inspector: 'checks' });
  };
  const title = 'Write it down as an expectation, checked as you type (Checks tab) and by netpol-canvas check in CI';
  return (
    <p className="expect-buttons">
      <button type="button" className="button" title={title} onClick={() => write('allowed')} data-testid="expect-allowed">
        Expect allowed
      </button>
      <button type="button" className="button" title={title} onClick={() => write('denied')} data-testid="expect-denied">
        Expect denied
      </button>
    </p>
  );
}

export function EdgeDetails({ edge }: { edge: EdgeRef }) {
  const { from, to } = edge;
  const endpoints = useAppState(selectEndpointIndex);
  const answer = useAnswer({ kind: 'explain', from, to });
  // The denied view's edges (not its aggregates or bundles, whose panels list their pairs) say what is denied.
  const deniedView = useAppState((s) => s.view.deniedFor !== null) && !edge.members && !edge.pairs;
  const denied = deniedView && answer ? subtractConnections(ALL_CONNECTIONS, answer.explanation.allowed) : undefined;
  const deniedQuery = denied && portToTry(denied, endpoints.get(to));
  const why = useAnswer(deniedQuery ? { kind: 'explain', from, to, query: deniedQuery } : undefined);
  const fromName = endpointName(endpoints.get(from), from);
  const toName = endpointName(endpoints.get(to), to);
  if (!answer) return <p className="muted">Explaining…</p>;
  const { explanation } = answer;
  const tried = deniedQuery ?? portToTry(explanation.verdict ? explanation.allowed : ALL_CONNECTIONS, endpoints.get(to));
  const rows = provenanceRows(explanation);
  const { source, target } = edgeEnds(edge.id);
  // A bundle joins a group and a hub: its heading names them, its note the pairs it stands for.
  const heading = edge.members
    ? `${endpointsOfNode(source).length === 0 ? groupName(source) : fromName} → ${endpointsOfNode(target).length === 0 ? groupName(target) : toName}`
    : `${fromName} → ${toName}`;
  return (
    <section className="details" data-testid="edge-details" data-edge={edge.id} aria-label="Connection explanation">
      <h2>{heading}</h2>
      {edge.members && <BundleNote edge={edge} pair={`${fromName} → ${toName}`} />}
      {deniedView ? (
        <>
          <p className="verdict verdict-denied" data-testid="denied-verdict">
            {isNoConnections(explanation.allowed) ? 'Denied: all traffic' : `Denied: all but ${connectionLabel(explanation.allowed)}`}
          </p>
          {why && deniedQuery && (
            <div data-testid="denied-why">
              <h3>Why {queryText(deniedQuery)} is denied</h3>
              <ExplanationLines lines={why.lines} open />
            </div>
          )}
          {!isNoConnections(explanation.allowed) && <h3>What is allowed</h3>}
        </>
      ) : (
        <p className={explanation.verdict ? 'verdict verdict-allowed' : 'verdict verdict-denied'}>
          {explanation.verdict ? `Allowed: ${connectionLabel(explanation.allowed)}` : 'Nothing allowed'}
        </p>
      )}
      {!edge.members && !edge.pairs && <FailingChecks edge={edge} />}
      {!edge.members && !edge.pairs && <ExpectButtons from={from} to={to} allowed={explanation.allowed} />}
      {rows.length > 0 && (
        <table className="provenance">
          <thead>
            <tr>
              <th scope="col">Ports</th>
              <th scope="col">Egress from {fromName}</th>
              <th scope="col">Ingress to {toName}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>
                  <SideCell side={row.egress} />
                </td>
                <td>
                  <SideCell side={row.ingress} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!deniedView && <ExplanationLines lines={answer.lines} />}
      {!edge.members && !edge.pairs && tried && (
        <VerifyOnCluster from={from} to={to} protocol={tried.protocol} port={tried.port} allowed={!deniedQuery && explanation.verdict} />
      )}
    </section>
  );
}
