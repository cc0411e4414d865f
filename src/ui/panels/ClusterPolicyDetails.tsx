/**
 * One cluster-wide policy: what it selects, what it accepts and denies on the graph (its
 * footprint), and its rules in the order they are consulted, each a link into the YAML.
 */
import { tierName } from '../../engine';
import type { PolicySummary } from '../../engine/types';
import type { ClusterRuleSummary } from '../../store/evaluation/protocol';
import { useAnswer, useAppState } from '../../store/react';
import { PolicyExportButtons } from '../export/PolicyExportButtons';
import { MAX_DRAWN_DENIALS } from '../graph/denials';
import { SourceLink } from './links';
import { PeerNames } from './PeerNames';
import { peerList } from './peers';

const ACTION_WORDS = { accept: 'Accept', deny: 'Deny', pass: 'Pass' } as const;

function Rules({ title, rules, testId }: { title: string; rules: readonly ClusterRuleSummary[]; testId: string }) {
  if (rules.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ol className="cluster-rules" data-testid={testId}>
        {rules.map((rule, i) => (
          <li key={i}>
            <SourceLink location={rule.location}>
              <span className={`rule-action rule-${rule.action}`}>{ACTION_WORDS[rule.action]}</span>
              {rule.name !== undefined && ` ${rule.name}`}
            </SourceLink>
          </li>
        ))}
      </ol>
    </>
  );
}

const plural = (n: number, one: string, many: string) => `${n === 0 ? 'no' : n} ${n === 1 ? one : many}`;

export function ClusterPolicyDetails({ policy }: { policy: PolicySummary }) {
  const analysis = useAppState((s) => s.evaluated.analysis);
  const footprint = useAnswer({ kind: 'footprint', policy: policy.ref.id });
  const rules = useAnswer({ kind: 'clusterRules' })?.find((r) => r.policy === policy.ref.id);
  const subjects = analysis ? peerList(analysis, policy.selects) : [];
  return (
    <div className="cluster-policy-details" data-testid="cluster-policy-details">
      <p>
        Selects <PeerNames names={subjects} testId="policy-subjects" none="no workload in the input" />.
      </p>
      <p data-testid="policy-effect">
        {footprint ? (
          <>
            Accepts {plural(footprint.connections.length, 'connection', 'connections')}
            {footprint.connections.length > 0 && <span className="muted"> (bold)</span>}; denies{' '}
            {plural(footprint.deniedPairs ?? 0, 'pair', 'pairs')}
            {(footprint.deniedPairs ?? 0) > MAX_DRAWN_DENIALS ? (
              <span className="muted"> (too many to draw: see a workload's denied view)</span>
            ) : (
              (footprint.deniedPairs ?? 0) > 0 && <span className="muted"> (dotted)</span>
            )}
            .
          </>
        ) : (
          '…'
        )}
      </p>
      {rules && (
        <>
          <Rules title={`Ingress rules, in order (${tierName(policy.ref.tier)} tier)`} rules={rules.ingress} testId="ingress-rules" />
          <Rules title={`Egress rules, in order (${tierName(policy.ref.tier)} tier)`} rules={rules.egress} testId="egress-rules" />
        </>
      )}
      <p>
        <SourceLink location={policy.ref.nameLocation}>Show its YAML</SourceLink> <PolicyExportButtons policy={policy.ref} />
      </p>
    </div>
  );
}
