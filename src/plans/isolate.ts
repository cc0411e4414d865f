/**
 * "Isolate": a default-deny NetworkPolicy for a namespace (every pod of it) or one workload, for
 * ingress, egress or both. With egress isolated, `dns` adds the one rule isolation would otherwise
 * break for every pod: DNS to kube-dns in kube-system, UDP and TCP 53.
 */
import { editPlan, planContext } from './context';
import { appendDocuments } from './documents';
import { namespaceOfParty, partyText, partyWord, subjectSelector } from './identify';
import { plansSay } from './messages';
import { DNS_RULE, newPolicy } from './policies';
import type { EditPlan, Isolation, WorkloadParty } from './types';

const TYPES = { ingress: ['Ingress'], egress: ['Egress'], both: ['Ingress', 'Egress'] } as const;
const WORD = { ingress: 'ingress', egress: 'egress', both: 'all' } as const;

export function planIsolate(
  text: string,
  subject: WorkloadParty | { readonly type: 'namespace'; readonly name: string },
  isolation: Isolation,
  dns: boolean,
): EditPlan {
  const context = planContext(text);
  const namespace = namespaceOfParty(subject);
  const { selector, warnings } = subjectSelector(context.analysis, subject);
  const withDns = dns && isolation !== 'ingress';
  const word = WORD[isolation];
  const base = subject.type === 'namespace' ? `default-deny-${word}` : `deny-${partyWord(subject)}-${word}`;
  const created = newPolicy(context, namespace, base, {
    podSelector: selector,
    policyTypes: TYPES[isolation],
    ...(withDns ? { egress: [DNS_RULE] } : {}),
  });
  const direction = isolation === 'both' ? 'ingress and egress' : isolation;
  const summary = plansSay.isolate(partyText(subject), direction, `${namespace}/${created.name}`, withDns);
  return editPlan(appendDocuments(context, [created.value]), summary, warnings);
}
