/**
 * Label selectors that pick out one workload, and the peers rules name parties with. A workload is
 * named by the labels people use to name an app — `app`, else `app.kubernetes.io/name`, else all
 * its labels — the first of these that no other workload of its namespace also has; across
 * namespaces, with a `namespaceSelector` on the namespace's name label, which every namespace has.
 */
import { NAMESPACE_NAME_LABEL, workloadId } from '../engine';
import type { Analysis, EndpointId, WorkloadEndpoint } from '../engine/types';
import type { Labels } from '../model/types';
import type { PlainValue } from '../model/write/value-text';
import type { Party, WorkloadParty } from './types';
import { plansSay } from './messages';

const NAMING_KEYS = ['app', 'app.kubernetes.io/name'];

export interface Identity {
  /** The podSelector's matchLabels. */
  readonly labels: Labels;
  /** The other workload endpoints of the namespace these labels select too (empty: it identifies the workload alone). */
  readonly alsoSelects: readonly EndpointId[];
}

/** The workload endpoints of the analysis in `namespace`. */
export function workloadsIn(analysis: Analysis, namespace: string): WorkloadEndpoint[] {
  return analysis.endpoints.filter((e): e is WorkloadEndpoint => e.type === 'workload' && e.namespace === namespace);
}

export function partyId(party: WorkloadParty): EndpointId {
  return workloadId(party.namespace, party.name, party.kind);
}

const selects = (selector: Labels, labels: Labels) => Object.entries(selector).every(([k, v]) => labels[k] === v);

/** The labels that identify `workload` in its namespace, or the closest: those that select the fewest others. */
export function identify(analysis: Analysis, workload: WorkloadParty): Identity {
  const self = partyId(workload);
  const endpoint = analysis.endpoints.find((e) => e.id === self);
  // Keys whose value varies between the workload's pods would leave some of them out.
  const varying = new Set(endpoint?.type === 'workload' ? (endpoint.varyingLabels ?? []) : []);
  const stable = Object.fromEntries(Object.entries(workload.labels).filter(([k]) => !varying.has(k)));
  const others = workloadsIn(analysis, workload.namespace).filter((e) => e.id !== self);
  const candidates: Labels[] = [
    ...NAMING_KEYS.filter((k) => stable[k] !== undefined).map((k) => ({ [k]: stable[k]! })),
    stable,
  ];
  const scored = candidates.map((labels) => ({
    labels,
    alsoSelects: others.filter((o) => selects(labels, o.labels)).map((o) => o.id),
  }));
  const closest = scored.reduce((a, b) => (b.alsoSelects.length < a.alsoSelects.length ? b : a));
  return scored.find((s) => s.alsoSelects.length === 0) ?? closest;
}

/** The warning for a workload its labels do not identify alone. */
function identityWarnings(workload: WorkloadParty, identity: Identity): string[] {
  if (identity.alsoSelects.length === 0) return [];
  return [plansSay.notIdentified(partyId(workload), identity.labels, identity.alsoSelects)];
}

const nameSelector = (namespace: string) => ({ matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } });

/** A rule's peer for `party`, in a policy of namespace `namespace`, and what it cannot say exactly. */
export function peerFor(analysis: Analysis, party: Party, namespace: string): { peer: PlainValue; warnings: string[] } {
  switch (party.type) {
    case 'outside':
      return { peer: { ipBlock: { cidr: party.cidr } }, warnings: [] };
    case 'namespace':
      const peer: PlainValue = party.name === namespace ? { podSelector: {} } : { namespaceSelector: nameSelector(party.name) };
      return { peer, warnings: [] };
    case 'workload': {
      const identity = identify(analysis, party);
      const podSelector = { matchLabels: identity.labels };
      const peer: PlainValue =
        party.namespace === namespace ? { podSelector } : { namespaceSelector: nameSelector(party.namespace), podSelector };
      return { peer, warnings: identityWarnings(party, identity) };
    }
  }
}

/** The podSelector of a policy that applies to `party` (a workload or a whole namespace). */
export function subjectSelector(
  analysis: Analysis,
  party: WorkloadParty | { type: 'namespace'; name: string },
): { selector: PlainValue; warnings: string[] } {
  if (party.type === 'namespace') return { selector: {}, warnings: [] };
  const identity = identify(analysis, party);
  return { selector: { matchLabels: identity.labels }, warnings: identityWarnings(party, identity) };
}

/** The namespace a pod party lives in. */
export function namespaceOfParty(party: WorkloadParty | { type: 'namespace'; name: string }): string {
  return party.type === 'namespace' ? party.name : party.namespace;
}

/** A short name for a party, for new policies' names: `web`, `ns-shop`, `10-0-0-0-8`. */
export function partyWord(party: Party): string {
  return party.type === 'workload' ? party.name : party.type === 'namespace' ? `ns-${party.name}` : party.cidr;
}

/** How a party is written in sentences: `default/web`, `namespace shop`, `10.0.0.0/8`. */
export function partyText(party: Party): string {
  if (party.type === 'workload') return `${party.namespace}/${party.name}`;
  return party.type === 'namespace' ? `namespace ${party.name}` : party.cidr;
}
