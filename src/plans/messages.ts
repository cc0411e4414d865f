/** Every sentence the plans say: summaries of what a plan writes, and warnings of what else it does. */
import type { Labels } from '../model/types';

const labelsText = (labels: Labels) => {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '{} (every pod)' : entries.map(([k, v]) => `${k}=${v}`).join(', ');
};

const list = (items: readonly string[]) => items.join(', ');

const towards = (direction: 'ingress' | 'egress') => (direction === 'ingress' ? 'from' : 'to');

const andMore = (more: number) => (more > 0 ? ` … and ${more} more pairs.` : '');

/** At most this many pairs are listed in one warning; the rest are counted. */
export const PAIRS_LISTED = 20;

export const plansSay = {
  notIdentified: (workload: string, labels: Labels, others: readonly string[]) =>
    `No label set identifies ${workload} alone: ${labelsText(labels)} also selects ${list(others)}. ` +
    'Add a label to it to tell it apart.',
  sameLabels: (pod: string, other: string) =>
    `${pod} has the same labels as ${other}: no selector allows it without ${other}, so it loses this traffic too.`,
  alsoChanges: (lines: readonly string[], more: number) =>
    `This also changes traffic the gesture is not about: ${lines.join(' ')}${andMore(more)}`,
  stillShort: (lines: readonly string[], more: number) =>
    `After this change, the gesture's traffic is still not (all) as asked: ${lines.join(' ')}${andMore(more)}`,
  newErrors: (errors: readonly string[]) => `The change makes the text invalid: ${errors.join(' ')}`,
  alreadyAllowed: (from: string, to: string, traffic: string) =>
    `${from} → ${to} ${traffic} is already allowed: nothing to write.`,
  nothingAllowed: (from: string, to: string) => `Nothing is allowed from ${from} to ${to}: nothing to block.`,
  cannotBlock: (from: string, to: string) =>
    `No edit of the NetworkPolicies blocks ${from} → ${to} here: a cluster-wide policy allows it, ` +
    'or the rules that do are not written plainly (an alias, a merge key).',

  addRule: (direction: 'ingress' | 'egress', policy: string, peer: string, traffic: string) =>
    `Add an ${direction} rule to NetworkPolicy ${policy} allowing ${towards(direction)} ${peer} on ${traffic}`,
  newPolicy: (policy: string, what: string) => `Create NetworkPolicy ${policy} ${what}`,
  removeRule: (direction: string, index: number, policy: string) =>
    `Remove ${direction} rule #${index + 1} of NetworkPolicy ${policy}`,
  removePeer: (direction: 'ingress' | 'egress', index: number, policy: string) =>
    `Remove the peer that matches the ${direction === 'ingress' ? 'source' : 'destination'} ` +
    `from ${direction} rule #${index + 1} of NetworkPolicy ${policy}`,
  narrowPeer: (direction: string, index: number, policy: string, labels: Labels) =>
    `Narrow ${direction} rule #${index + 1} of NetworkPolicy ${policy} to leave out pods labelled ${labelsText(labels)}`,
  exceptRange: (direction: string, index: number, policy: string, range: string) =>
    `Leave ${range} out of the ipBlock of ${direction} rule #${index + 1} of NetworkPolicy ${policy}`,
  splitRule: (direction: string, index: number, policy: string, other: string) =>
    `Limit ${direction} rule #${index + 1} of NetworkPolicy ${policy}, which names no peer, to every party but ${other}`,
  isolateAndReallow: (target: string, policy: string) =>
    `Isolate ${target} with NetworkPolicy ${policy} and allow every other source explicitly`,
  isolate: (target: string, direction: string, policy: string, dns: boolean) =>
    `Isolate ${target} for ${direction} with NetworkPolicy ${policy}${dns ? ', allowing DNS to kube-dns' : ''}`,
  addNamespace: (name: string) => `Add Namespace ${name}`,
  addWorkload: (kind: string, id: string) => `Add ${kind} ${id}`,
  editLabels: (what: string, labels: Labels) => `Set the labels of ${what} to ${labelsText(labels)}`,
  addLabel: (what: string, key: string, value: string) => `Label ${what} ${key}=${value}`,
  deleteObjects: (what: string, count: number) => `Delete ${what}${count > 1 ? ` (${count} objects)` : ''}`,
  notFound: (what: string) => `${what} is not written in the text (or its document cannot be read): nothing to change.`,
  notEditable: (what: string) =>
    `${what} is written in a form this edit does not change in place (an alias, an empty value).`,
};
