/** Links from panels into the YAML: a click reveals and highlights the range in the editor. */
import type { ReactNode } from 'react';
import type { SourceLocation } from '../../model/source';
import { tierName } from '../../engine';
import type { Endpoint, RuleRef } from '../../engine/types';
import { useActions, useAppState } from '../../store/react';
import { selectLocate } from '../../store/selectors';
import { rangeName } from './peers';

/**
 * @param current the location belongs to the text as it is now (diagnostics do); graph locations
 *   do not while the graph is stale, so their links are disabled then.
 */
export function SourceLink({ location, children, current = false }: { location: SourceLocation; children: ReactNode; current?: boolean }) {
  const actions = useActions();
  const stale = useAppState((s) => s.evaluated.stale) && !current;
  const locate = useAppState(selectLocate);
  const where = `line ${locate(location).range.startLine}`;
  return (
    <button
      type="button"
      className="link"
      disabled={stale}
      title={stale ? 'The YAML changed since; fix its error first' : `Show ${where} in the editor`}
      onClick={() => actions.reveal(location)}
    >
      {children}
    </button>
  );
}

/** `nginx-network-policy · ingress rule 1`, `guardrails · Admin egress rule 2 "no-secrets"`, linking to the rule. */
export function RuleLink({ rule }: { rule: RuleRef }) {
  const name = rule.policy.slice(rule.policy.indexOf('/') + 1);
  const tier = rule.tier === 'networkPolicy' ? '' : `${tierName(rule.tier)} `;
  return (
    <SourceLink location={rule.location}>
      {name} · {tier}
      {rule.direction} rule {rule.index + 1}
      {rule.name === undefined ? '' : ` "${rule.name}"`}
    </SourceLink>
  );
}

/** A short human name for an endpoint: the workload name, or an external range as CIDR. */
export function endpointName(endpoint: Endpoint | undefined, id: string): string {
  if (!endpoint) return id;
  return endpoint.type === 'workload' ? endpoint.name : rangeName(endpoint);
}
