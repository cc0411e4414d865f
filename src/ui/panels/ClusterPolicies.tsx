/**
 * The inspector's "Cluster" tab: the cluster-wide policies by tier, in the order they are
 * consulted. A click shows one on the graph (the `showPolicy` command) and opens its details here.
 */
import { useMemo } from 'react';
import type { ClusterPolicyKind } from '../../model/types';
import { useAnswer, useAppState } from '../../store/react';
import { selectClusterPolicies } from '../../store/selectors';
import { useActionManager } from '../commands/context';
import { TierMarks } from '../graph/nodes';
import { ClusterPolicyDetails } from './ClusterPolicyDetails';
import { clusterPolicyGroups, KIND_TITLE, ruleCounts, workloadCount, type ListedPolicy } from './clusterPolicyList';
import { SourceLink } from './links';

function PolicyRow({ item, shown, rules }: { item: ListedPolicy; shown: boolean; rules: string }) {
  const manager = useActionManager();
  const { ref, selects } = item.summary;
  const kind = KIND_TITLE[ref.kind as ClusterPolicyKind];
  return (
    <li className={shown ? 'cluster-policy is-shown' : 'cluster-policy'} data-testid="cluster-policy" data-policy={ref.id}>
      <div className="cluster-policy-head">
        <button
          type="button"
          className="cluster-policy-row"
          aria-pressed={shown}
          title={shown ? 'Stop showing it on the graph' : 'Show it on the graph: its workloads, what it accepts and denies'}
          onClick={() => manager.execute('showPolicy', ref.id)}
        >
          <span className="policy-priority" title={`priority ${ref.priority}: lower is consulted first`}>
            {ref.priority}
          </span>
          <span className="policy-name">{ref.name}</span>
          <span className="policy-kind" title={kind}>
            {item.short}
          </span>
          <span className="policy-meta">
            {workloadCount(selects.length)}
            {rules && ` · ${rules}`}
            {item.tiedWith.length > 0 && (
              <span className="policy-tie" title={`Same priority as ${item.tiedWith.map((r) => r.name).join(', ')}`}>
                {' '}
                · tie
              </span>
            )}
          </span>
        </button>
        <SourceLink location={ref.nameLocation}>YAML</SourceLink>
      </div>
      {shown && <ClusterPolicyDetails policy={item.summary} />}
    </li>
  );
}

export function ClusterPolicies() {
  const policies = useAppState(selectClusterPolicies);
  const shown = useAppState((s) => s.view.policy);
  const rules = useAnswer(policies.length > 0 ? { kind: 'clusterRules' } : undefined);
  const groups = useMemo(() => clusterPolicyGroups(policies), [policies]);
  const rulesOf = useMemo(() => new Map((rules ?? []).map((r) => [r.policy, r])), [rules]);
  if (groups.length === 0) return <p className="muted">No cluster-wide policies in the input.</p>;
  return (
    <section className="details cluster-policies" aria-label="Cluster-wide policies" data-testid="cluster-policies">
      <p className="muted hint">
        Click one to show it on the graph; <kbd>Shift+N</kbd> shows the next.
      </p>
      {groups.map((group) => (
        <div key={group.tier} className="tier-group" data-testid={`tier-${group.tier}`}>
          <h3>
            <TierMarks tiers={[group.tier]} /> {group.title}
          </h3>
          <ul className="cluster-policy-list">
            {group.policies.map((item) => (
              <PolicyRow key={item.summary.ref.id} item={item} shown={shown === item.summary.ref.id} rules={ruleCounts(rulesOf.get(item.summary.ref.id))} />
            ))}
          </ul>
          {group.ties.map((tie) => (
            <p key={tie} className="tie-note" data-testid="tie-note">
              {tie}
            </p>
          ))}
        </div>
      ))}
    </section>
  );
}
