/**
 * One v1alpha1 AdminNetworkPolicy or BaselineAdminNetworkPolicy, as a node of the `yaml`
 * package's Document, rewritten in place as the ClusterNetworkPolicy
 * (policy.networking.k8s.io/v1alpha2) that means the same. The mapping is the one the
 * netpol-analyzer corpus documents for its derived `cnp/` cases:
 *
 * | v1alpha1                                          | v1alpha2                                              |
 * |---------------------------------------------------|-------------------------------------------------------|
 * | apiVersion …/v1alpha1, kind AdminNetworkPolicy    | …/v1alpha2, ClusterNetworkPolicy; `tier: Admin` before |
 * |                                                   | `priority`, which is kept                             |
 * | kind BaselineAdminNetworkPolicy (no priority)     | ClusterNetworkPolicy; `tier: Baseline` and `priority` |
 * |                                                   | (chosen by the caller) first in the spec              |
 * | action Allow                                      | Accept (Deny and Pass as written)                     |
 * | ports                                             | protocols, item by item, in order                     |
 * | portNumber {protocol P (TCP when absent), port N} | p: {destinationPort: {number: N}}, p = tcp, udp, sctp |
 * | portRange {protocol P, start S, end E}, S < E     | p: {destinationPort: {range: {start: S, end: E}}}     |
 * | portRange with S = E                              | p: {destinationPort: {number: S}} (v1alpha2: S < E)   |
 * | namedPort X                                       | destinationNamedPort: X                               |
 * | pods {…} without podSelector                      | podSelector: {} added (v1alpha1 read it as {} too)    |
 *
 * Everything else (metadata, rule names and order, selectors, networks, nodes, domainNames) stays
 * as written. Nodes that stay keep their comments; the comments of a replaced node (`portNumber:`,
 * `protocol: UDP # dns`) move above the item that replaces it. The object must be one the model
 * reads without error: what this does not expect it leaves alone, and the caller's read-back of
 * the result finds it.
 */
import { isAlias, isMap, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, type Node } from 'yaml';
import { convertSays } from './convert-messages';

export const V1ALPHA2 = 'policy.networking.k8s.io/v1alpha2';
export const V1ALPHA1_KINDS = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'] as const;
export type V1alpha1Kind = (typeof V1ALPHA1_KINDS)[number];

type AnyMap = YAMLMap<unknown, unknown>;
type AnyPair = Pair<unknown, unknown>;

/** Something written beyond the one-to-one mapping; `node` is where (a node of the input). */
export interface RewriteNote {
  readonly node?: Node;
  readonly message: string;
}

export type Rewrite =
  | { readonly ok: true; readonly notes: readonly RewriteNote[] }
  | { readonly ok: false; readonly reason: string };

const PORT_FIELDS: Readonly<Record<'portNumber' | 'portRange', readonly string[]>> = {
  portNumber: ['protocol', 'port'],
  portRange: ['protocol', 'start', 'end'],
};

/**
 * Rewrites `object` (the root mapping of a v1alpha1 policy of `kind`) in place. `priority` is the
 * Baseline priority a BaselineAdminNetworkPolicy is given. Refuses, changing nothing, a spec with
 * YAML anchors, aliases or merge keys: editing a shared node would change its other users too.
 */
export function rewriteAsClusterNetworkPolicy(object: AnyMap, kind: V1alpha1Kind, priority: number): Rewrite {
  const spec = object.get('spec', true);
  if (!isMap(spec) || sharesNodes(spec)) return { ok: false, reason: convertSays.aliases };
  const notes: RewriteNote[] = [];
  // Inserted at the front in reverse when absent (an item of a typed list), as kubectl prints them.
  setString(object, 'kind', 'ClusterNetworkPolicy', 0);
  setString(object, 'apiVersion', V1ALPHA2, 0);
  if (kind === 'AdminNetworkPolicy') {
    spec.items.splice(indexOf(spec, 'priority') ?? 0, 0, pair('tier', 'Admin'));
  } else {
    spec.items.splice(0, 0, pair('tier', 'Baseline'), pair('priority', priority));
  }

  // Where these were found: one note each, at the first.
  const withoutPodSelector: { path: string; node: Node }[] = [];
  const experimental: { path: string; node: Node }[] = [];
  const addPodSelector = (pods: unknown, path: string) => {
    if (!isMap(pods) || pods.has('podSelector')) return;
    withoutPodSelector.push({ path, node: pods });
    pods.add(new Pair(new Scalar('podSelector'), new YAMLMap()));
  };
  const subject = spec.get('subject', true);
  if (isMap(subject)) addPodSelector(subject.get('pods', true), 'spec.subject.pods');
  for (const direction of ['ingress', 'egress'] as const) {
    const rules = spec.get(direction, true);
    if (!isSeq(rules)) continue;
    const peersKey = direction === 'ingress' ? 'from' : 'to';
    rules.items.forEach((rule, i) => {
      if (!isMap(rule)) return;
      const path = `spec.${direction}[${i}]`;
      const action = rule.get('action', true);
      // The scalar is kept, and with it its quotes and comments.
      if (isScalar(action) && action.value === 'Allow') action.value = 'Accept';
      const peers = rule.get(peersKey, true);
      if (isSeq(peers)) {
        peers.items.forEach((peer, j) => {
          if (!isMap(peer)) return;
          const peerPath = `${path}.${peersKey}[${j}]`;
          addPodSelector(peer.get('pods', true), `${peerPath}.pods`);
          for (const field of ['nodes', 'domainNames']) {
            if (peer.has(field)) experimental.push({ path: `${peerPath}.${field}`, node: peer });
          }
        });
      }
      const ports = pairOf(rule, 'ports');
      if (!ports) return;
      (ports.key as Scalar).value = 'protocols';
      if (isSeq(ports.value)) {
        ports.value.items.forEach((item, k) => {
          if (isMap(item)) notes.push(...rewritePort(item, `${path}.ports[${k}]`));
        });
      }
    });
  }
  const paths = (found: readonly { path: string }[]) => found.map((f) => f.path);
  const [pods, extra] = [withoutPodSelector[0], experimental[0]];
  if (pods) notes.push({ node: pods.node, message: convertSays.podSelectorAdded(paths(withoutPodSelector)) });
  if (extra) notes.push({ node: extra.node, message: convertSays.experimental(paths(experimental)) });
  return { ok: true, notes };
}

/** One `ports` item → one `protocols` item, in place (the item keeps its own comments). */
function rewritePort(item: AnyMap, path: string): RewriteNote[] {
  const named = pairOf(item, 'namedPort');
  if (named) {
    (named.key as Scalar).value = 'destinationNamedPort';
    return [];
  }
  const field = pairOf(item, 'portNumber') ? 'portNumber' : pairOf(item, 'portRange') ? 'portRange' : undefined;
  const entry = field && pairOf(item, field);
  if (!field || !entry || !isMap(entry.value)) return [];
  const fields = entry.value;
  const notes: RewriteNote[] = [];
  const protocolPair = pairOf(fields, 'protocol');
  const protocol = isScalar(protocolPair?.value) ? String(protocolPair.value.value) : 'TCP';
  const start = pairOf(fields, field === 'portNumber' ? 'port' : 'start');
  const end = field === 'portRange' ? pairOf(fields, 'end') : undefined;
  if (!start) return [];
  const value = (p: AnyPair | undefined) => (isScalar(p?.value) ? Number(p.value.value) : undefined);
  const single = end === undefined || value(start) === value(end);
  if (field === 'portRange' && single) notes.push({ node: item, message: convertSays.singlePortRange(path, value(start)!) });
  const unknown = fields.items.filter((p) => !PORT_FIELDS[field].includes(keyOf(p) ?? ''));
  if (unknown.length > 0) {
    notes.push({ node: item, message: convertSays.droppedFields(path, unknown.map((p) => keyOf(p) ?? '?')) });
  }
  // The port scalars are kept (with their comments); the keys around them are replaced.
  const destination = single
    ? map([renamed(start, 'number')], fields.flow)
    : map([new Pair(new Scalar('range'), map([start, end!], fields.flow))], fields.flow);
  const replaced: unknown[] = [entry.key, fields, protocolPair?.key, protocolPair?.value];
  replaced.push(...unknown.flatMap((p) => [p.key, p.value]));
  if (single && end) replaced.push(end.key, end.value);
  const comments = replaced.flatMap(commentsOf);
  if (comments.length > 0) item.commentBefore = [item.commentBefore, ...comments].filter(Boolean).join('\n');
  entry.key = new Scalar(protocol.toLowerCase());
  entry.value = map([new Pair(new Scalar('destinationPort'), destination)], fields.flow);
  return notes;
}

/** Whether anything in `node` is an anchor, an alias or a merge key (a `<<` key's value is a symbol). */
function sharesNodes(node: Node): boolean {
  let shares = false;
  visit(node, {
    Node: (_, n) => {
      if (isAlias(n) || n.anchor || (isScalar(n) && typeof n.value === 'symbol')) shares = true;
    },
  });
  return shares;
}

/** The comments attached to a node that is going away, before and after it. */
function commentsOf(node: unknown): string[] {
  if (!isScalar(node) && !isMap(node) && !isSeq(node)) return [];
  return [node.commentBefore, node.comment].filter((c): c is string => Boolean(c));
}

function pair(key: string, value: string | number): AnyPair {
  return new Pair(new Scalar(key), new Scalar(value));
}

function map(pairs: readonly AnyPair[], flow: boolean | undefined): AnyMap {
  const result = new YAMLMap<unknown, unknown>();
  result.items.push(...pairs);
  if (flow) result.flow = true;
  return result;
}

function renamed(p: AnyPair, key: string): AnyPair {
  if (isScalar(p.key)) p.key.value = key;
  else p.key = new Scalar(key);
  return p;
}

/** Sets `key` to `value` (keeping the scalar, so its comment stays) or inserts it at `index`. */
function setString(object: AnyMap, key: string, value: string, index: number): void {
  const existing = pairOf(object, key);
  if (existing && isScalar(existing.value)) existing.value.value = value;
  else if (existing) existing.value = new Scalar(value);
  else object.items.splice(index, 0, pair(key, value));
}

function keyOf(p: AnyPair): string | undefined {
  return isScalar(p.key) ? String(p.key.value) : undefined;
}

function pairOf(object: AnyMap, key: string): AnyPair | undefined {
  return object.items.find((p) => keyOf(p) === key);
}

function indexOf(object: AnyMap, key: string): number | undefined {
  const index = object.items.findIndex((p) => keyOf(p) === key);
  return index < 0 ? undefined : index;
}
