/**
 * The graph's gestures as data, and the plans that answer them (src/plans). Planned in the
 * evaluation session, beside the analysis: a plan parses and analyses the text, which at real
 * cluster sizes would hold up the page.
 */
import type { EndpointId } from '../../engine/types';
import type { Labels } from '../../model/types';
import {
  planAddIdentifyingLabel,
  planAddNamespace,
  planAddWorkload,
  planAllow,
  planBlock,
  planDeleteNamespace,
  planDeletePolicy,
  planDeleteWorkload,
  planEditLabels,
  planIsolate,
  type EditPlan,
  type Isolation,
  type NewWorkload,
  type Party,
  type Traffic,
  type WorkloadParty,
} from '../../plans';

/** A namespace or one workload: what isolating or labelling applies to. */
export type Subject = WorkloadParty | { readonly type: 'namespace'; readonly name: string };

export type Gesture =
  | { readonly kind: 'allow'; readonly from: Party; readonly to: Party; readonly traffic: Traffic }
  | { readonly kind: 'block'; readonly from: EndpointId; readonly to: EndpointId }
  | { readonly kind: 'isolate'; readonly subject: Subject; readonly isolation: Isolation; readonly dns: boolean }
  | { readonly kind: 'addNamespace'; readonly name: string; readonly labels: Labels }
  | { readonly kind: 'addWorkload'; readonly workload: NewWorkload }
  | { readonly kind: 'editLabels'; readonly subject: Subject; readonly labels: Labels }
  | { readonly kind: 'addIdentifyingLabel'; readonly workload: WorkloadParty }
  | { readonly kind: 'deleteWorkload'; readonly workload: WorkloadParty }
  | { readonly kind: 'deleteNamespace'; readonly name: string }
  | { readonly kind: 'deletePolicy'; readonly policyKind: string; readonly namespace?: string; readonly name: string };

/** The plans for `gesture` on `text`: one, or (blocking traffic another rule also allows) the choices, best first. */
export function planGesture(text: string, gesture: Gesture): readonly EditPlan[] {
  switch (gesture.kind) {
    case 'allow':
      return [planAllow(text, gesture.from, gesture.to, gesture.traffic)];
    case 'block':
      return planBlock(text, gesture.from, gesture.to);
    case 'isolate':
      return [planIsolate(text, gesture.subject, gesture.isolation, gesture.dns)];
    case 'addNamespace':
      return [planAddNamespace(text, gesture.name, gesture.labels)];
    case 'addWorkload':
      return [planAddWorkload(text, gesture.workload)];
    case 'editLabels':
      return [planEditLabels(text, gesture.subject, gesture.labels)];
    case 'addIdentifyingLabel':
      return [planAddIdentifyingLabel(text, gesture.workload)];
    case 'deleteWorkload':
      return [planDeleteWorkload(text, gesture.workload)];
    case 'deleteNamespace':
      return [planDeleteNamespace(text, gesture.name)];
    case 'deletePolicy':
      return [planDeletePolicy(text, gesture.policyKind, gesture.namespace, gesture.name)];
  }
}
