/**
 * What the graph's context menu offers on what was right-clicked (or chosen by keyboard): a
 * workload, a namespace, outside addresses, a connection, or the empty graph. Each item opens a
 * form, asks a confirmation, or plans a gesture at once. Pure: targets in, items out.
 */
import type { EndpointId, WorkloadEndpoint } from '../../engine/types';
import type { Labels } from '../../model/types';
import type { Party, WorkloadParty } from '../../plans';
import type { Gesture, Subject } from '../../store/evaluation/gestures';

/** One end the allow form starts from: a party, how it is named, the ports it listens on. */
export interface PartyChoice {
  readonly party: Party;
  readonly name: string;
}

export type GestureTarget =
  | { readonly kind: 'workload'; readonly workload: WorkloadParty; readonly id: EndpointId }
  | { readonly kind: 'namespace'; readonly name: string; readonly labels: Labels }
  | { readonly kind: 'outside'; readonly cidr: string; readonly name: string }
  | { readonly kind: 'edge'; readonly from: EndpointId; readonly to: EndpointId; readonly name: string }
  | { readonly kind: 'pane' };

/** The forms a menu item opens. */
export type FormRequest =
  | { readonly kind: 'allow'; readonly from?: PartyChoice; readonly to?: PartyChoice }
  | { readonly kind: 'isolate'; readonly subject: Subject; readonly name: string }
  | { readonly kind: 'addNamespace' }
  | { readonly kind: 'addWorkload'; readonly namespace?: string }
  | { readonly kind: 'editLabels'; readonly subject: Subject; readonly name: string; readonly labels: Labels }
  | { readonly kind: 'confirm'; readonly question: string; readonly gesture: Gesture };

export type MenuItem =
  | { readonly label: string; readonly form: FormRequest }
  | { readonly label: string; readonly gesture: Gesture };

const workloadName = (w: WorkloadParty) => `${w.namespace}/${w.name}`;

/** A workload endpoint as a gesture target. */
export function workloadTarget({ id, namespace, name, kind, labels }: WorkloadEndpoint): GestureTarget {
  return { kind: 'workload', id, workload: { type: 'workload', namespace, name, kind, labels } };
}

/** The end of a connection a target is, if it can be one (not a connection, not the empty graph). */
export function partyChoice(target: GestureTarget): PartyChoice | undefined {
  switch (target.kind) {
    case 'workload':
      return { party: target.workload, name: workloadName(target.workload) };
    case 'namespace':
      return { party: { type: 'namespace', name: target.name }, name: `namespace ${target.name}` };
    case 'outside':
      return { party: { type: 'outside', cidr: target.cidr }, name: target.name };
    default:
      return undefined;
  }
}

/** The menu's items for `target`, in the order shown. */
export function menuItems(target: GestureTarget): MenuItem[] {
  const choice = partyChoice(target);
  const allow: MenuItem[] = choice
    ? [
        { label: 'Allow traffic to…', form: { kind: 'allow', from: choice } },
        { label: 'Allow traffic from…', form: { kind: 'allow', to: choice } },
      ]
    : [];
  switch (target.kind) {
    case 'workload': {
      const { workload } = target;
      const name = workloadName(workload);
      return [
        ...allow,
        { label: 'Isolate…', form: { kind: 'isolate', subject: workload, name } },
        { label: 'Edit labels…', form: { kind: 'editLabels', subject: workload, name, labels: workload.labels } },
        {
          label: 'Delete workload…',
          form: { kind: 'confirm', question: `Delete ${workload.kind} ${name}?`, gesture: { kind: 'deleteWorkload', workload } },
        },
      ];
    }
    case 'namespace': {
      const subject = { type: 'namespace', name: target.name } as const;
      const name = `namespace ${target.name}`;
      return [
        ...allow,
        { label: 'Isolate namespace…', form: { kind: 'isolate', subject, name } },
        { label: 'Add a workload here…', form: { kind: 'addWorkload', namespace: target.name } },
        { label: 'Edit labels…', form: { kind: 'editLabels', subject, name, labels: target.labels } },
        {
          label: 'Delete namespace…',
          form: {
            kind: 'confirm',
            question: `Delete namespace ${target.name} and every object in it?`,
            gesture: { kind: 'deleteNamespace', name: target.name },
          },
        },
      ];
    }
    case 'outside':
      return allow;
    case 'edge':
      return [{ label: 'Block this connection', gesture: { kind: 'block', from: target.from, to: target.to } }];
    case 'pane':
      return [
        { label: 'Add a namespace…', form: { kind: 'addNamespace' } },
        { label: 'Add a workload…', form: { kind: 'addWorkload' } },
      ];
  }
}
