/**
 * When the pods of one owner may be shown as one endpoint without changing any verdict.
 *
 * A group's *members* stand for it: its Pods when the input has any, else its controller object
 * (topology.ts `membersOf`). Members are *interchangeable* when nothing in the input tells them
 * apart:
 * - every pod selector gives them the same answer: each policy's podSelector (in the policy's
 *   namespace) and each peer's podSelector (in the policy's namespace; in every namespace when the
 *   peer has a namespaceSelector too, so that grouping never depends on namespace labels);
 * - every ipBlock peer matches all of them or none (a member matches when any of its IPs is in the
 *   block minus its excepts, as in matching.ts);
 * - every named port (name and protocol) a rule uses resolves to the same numbers on each.
 * Interchangeable members get the same verdict toward every other endpoint, so one endpoint matched
 * with any member's labels (the union of their IPs and ports) gives each of them exactly the
 * verdicts it would get alone. Otherwise each Pod is its own endpoint `ns/<pod>[Pod]`.
 *
 * Only what varies is looked at: a selector reads only the keys it names, so only selectors naming
 * a label key whose value varies between the members are asked, and IPs and ports only when they
 * vary. Members equal in labels, IPs and ports (most groups) are interchangeable whatever the
 * policies say, and need no second look when the policies change.
 */
import type { Diagnostic } from '../model/source';
import type { ContainerPort, IpBlockPeer, Protocol, WorkloadResource } from '../model/types';
import { blockContainsRange } from './address-space';
import type { CompiledPolicy } from './compile';
import { portsNamed } from './matching';
import { diagnosticText } from './messages';
import { sameData } from './same-data';
import type { CompiledSelector } from './selector';
import { groupEndpoint, membersOf, podEndpoint, type WorkloadGroup } from './topology';
import type { WorkloadEndpoint } from './types';

/** A pod selector and the namespace whose pods it is asked about (`undefined`: every namespace). */
interface ScopedSelector {
  readonly namespace: string | undefined;
  readonly selector: CompiledSelector;
}

export interface NamedPortKey {
  readonly name: string;
  /** `undefined`: whatever protocol the container port has (cluster-wide policies). */
  readonly protocol?: Protocol;
}

/**
 * An address block a policy names: pods are told apart by whether their IPs lie in it, and, for a
 * cluster-wide `networks: [0.0.0.0/0]`, pods without a known IP lie in it too.
 */
export interface AddressBlock {
  readonly block: IpBlockPeer;
  readonly ipLessPods: boolean;
}

/** What one policy can tell pods apart by; computed once per policy object. */
export interface PolicyDistinctions {
  readonly selectors: readonly ScopedSelector[];
  readonly blocks: readonly AddressBlock[];
  readonly namedPorts: readonly NamedPortKey[];
}

export function policyDistinctions(policy: CompiledPolicy): PolicyDistinctions {
  const { subject } = policy;
  // A subject pod selector asks pods of the policy's namespace, or of any when namespaces are selected.
  const selectors: ScopedSelector[] = subject.pods
    ? [{ namespace: subject.namespaces ? undefined : policy.namespace, selector: subject.pods }]
    : [];
  const blocks: AddressBlock[] = [];
  const namedPorts: NamedPortKey[] = [];
  // Only compiled rules: rules of a direction outside policyTypes have no effect, so tell nothing apart.
  for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
    for (const peer of rule.peers) {
      if (peer.kind === 'ipBlock') blocks.push({ block: peer.block, ipLessPods: peer.ipLessPods ?? false });
      else if (peer.kind === 'pods' && peer.pods) {
        selectors.push({ namespace: peer.namespaces ? undefined : policy.namespace, selector: peer.pods });
      }
    }
    namedPorts.push(...rule.namedPorts.map(({ name, protocol }) => (protocol ? { name, protocol } : { name })));
  }
  return { selectors, blocks, namedPorts };
}

/** What all the policies of a revision can tell pods apart by; indexed on first use. */
export class Distinctions {
  private index: { byKey: Map<string, ScopedSelector[]>; blocks: AddressBlock[]; namedPorts: NamedPortKey[] } | undefined;

  constructor(readonly parts: readonly PolicyDistinctions[]) {}

  /** The distinct selectors that read label `key`. */
  selectorsReading(key: string): readonly ScopedSelector[] {
    return this.indexed().byKey.get(key) ?? [];
  }

  /** The distinct ipBlock peers. */
  get blocks(): readonly AddressBlock[] {
    return this.indexed().blocks;
  }

  /** The distinct named ports. */
  get namedPorts(): readonly NamedPortKey[] {
    return this.indexed().namedPorts;
  }

  private indexed() {
    if (this.index) return this.index;
    const byKey = new Map<string, ScopedSelector[]>();
    const seen = new Set<string>();
    const blocks = new Map<string, AddressBlock>();
    const namedPorts = new Map<string, NamedPortKey>();
    for (const part of this.parts) {
      for (const scoped of part.selectors) {
        const id = `${scoped.namespace ?? ''}\u0000${scoped.selector.key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        for (const key of scoped.selector.keys) {
          const list = byKey.get(key);
          if (list) list.push(scoped);
          else byKey.set(key, [scoped]);
        }
      }
      for (const block of part.blocks) blocks.set(`${blockText(block)}${block.ipLessPods ? ' with IP-less pods' : ''}`, block);
      for (const port of part.namedPorts) namedPorts.set(`${port.name}/${port.protocol ?? ''}`, port);
    }
    this.index = { byKey, blocks: [...blocks.values()], namedPorts: [...namedPorts.values()] };
    return this.index;
  }
}

/** How the members of a group differ before any policy is asked; `undefined` when they do not. */
export interface Variation {
  /** Sorted label keys whose value (or presence) differs between members. */
  readonly labelKeys: readonly string[];
  readonly ips: boolean;
  readonly ports: boolean;
}

export function variationOf(members: readonly WorkloadResource[]): Variation | undefined {
  const [first, ...rest] = members;
  if (!first || rest.length === 0) return undefined;
  const keys = new Set<string>();
  for (const member of rest) {
    for (const key of Object.keys(first.labels)) {
      if (!Object.hasOwn(member.labels, key) || member.labels[key] !== first.labels[key]) keys.add(key);
    }
    for (const key of Object.keys(member.labels)) if (!Object.hasOwn(first.labels, key)) keys.add(key);
  }
  const ips = rest.some((member) => !sameData(member.podIPs, first.podIPs));
  const ports = rest.some((member) => !sameData(member.ports, first.ports));
  return keys.size === 0 && !ips && !ports ? undefined : { labelKeys: [...keys].sort(), ips, ports };
}

/** What tells members apart: label keys, ipBlocks and named ports. */
interface Differences {
  readonly labelKeys: readonly string[];
  readonly blocks: readonly AddressBlock[];
  readonly namedPorts: readonly NamedPortKey[];
}

/** Whether a pod lies in a block: one of its IPs does, or it has none and the block takes those in. */
function inBlock({ block, ipLessPods }: AddressBlock, member: WorkloadResource): boolean {
  if (member.podIPs.length === 0) return ipLessPods;
  return member.podIPs.some((range) => blockContainsRange(block, range));
}

function sameAnswer<T>(members: readonly WorkloadResource[], answer: (member: WorkloadResource) => T): boolean {
  const first = answer(members[0]!);
  return members.every((member) => answer(member) === first);
}

/** What the input tells `members` (of `namespace`) apart by; `undefined` when they are interchangeable. */
function differencesOf(
  members: readonly WorkloadResource[],
  namespace: string,
  variation: Variation,
  distinctions: Distinctions,
): Differences | undefined {
  const labelKeys = new Set<string>();
  const asked = new Set<ScopedSelector>();
  for (const key of variation.labelKeys) {
    for (const scoped of distinctions.selectorsReading(key)) {
      if ((scoped.namespace !== undefined && scoped.namespace !== namespace) || asked.has(scoped)) continue;
      asked.add(scoped);
      if (sameAnswer(members, (m) => scoped.selector.matches(m.labels))) continue;
      for (const read of scoped.selector.keys) if (variation.labelKeys.includes(read)) labelKeys.add(read);
    }
  }
  const blocks = variation.ips
    ? distinctions.blocks.filter((block) => !sameAnswer(members, (m) => inBlock(block, m)))
    : [];
  const namedPorts = variation.ports
    ? distinctions.namedPorts.filter(
        ({ name, protocol }) => !sameAnswer(members, (m) => resolvedText(portsNamed(m.ports, name, protocol))),
      )
    : [];
  if (labelKeys.size === 0 && blocks.length === 0 && namedPorts.length === 0) return undefined;
  return { labelKeys: [...labelKeys].sort(), blocks, namedPorts };
}

/** A group's endpoints (one, or one per Pod) and what to tell the user about it. */
export interface GroupOutcome {
  readonly endpoints: readonly WorkloadEndpoint[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The endpoints of `group`, whose members vary as `variation` says, against what `distinctions`
 * can tell apart: one endpoint when its members are interchangeable, else one per Pod with an
 * `owner-pods-split` note at the first Pod.
 */
export function groupOutcome(group: WorkloadGroup, variation: Variation | undefined, distinctions: Distinctions): GroupOutcome {
  const members = membersOf(group);
  let message: string | undefined;
  if (group.shadowedBy) {
    message = diagnosticText.ownerIdTaken(group.id, `${group.shadowedBy.namespace}/${group.shadowedBy.name}`);
  } else {
    const differences = variation && differencesOf(members, group.namespace, variation, distinctions);
    if (differences) message = diagnosticText.ownerPodsSplit(group.id, differencesText(differences));
  }
  if (message === undefined) return { endpoints: [groupEndpoint(group, variation?.labelKeys ?? [])], diagnostics: [] };
  return {
    endpoints: members.map(podEndpoint),
    diagnostics: [{ severity: 'info', code: 'owner-pods-split', message, location: members[0]!.location }],
  };
}

/** What a named port resolves to on one member, as comparable text. */
function resolvedText(ports: readonly ContainerPort[]): string {
  return ports.map((port) => `${port.protocol ?? 'TCP'}/${port.port}`).sort().join();
}

function blockText({ block }: AddressBlock): string {
  return block.except.length > 0 ? `${block.cidr.text} (except ${block.except.map((c) => c.text).join(', ')})` : block.cidr.text;
}

/** `labels app, tier; IP block 10.0.0.0/8; named port http (TCP)`. */
function differencesText({ labelKeys, blocks, namedPorts }: Differences): string {
  const part = (one: string, list: readonly string[]) =>
    list.length === 0 ? [] : [`${one}${list.length === 1 ? '' : 's'} ${list.join(', ')}`];
  return [
    ...part('label', labelKeys),
    ...part('IP block', blocks.map(blockText)),
    ...part('named port', namedPorts.map(({ name, protocol }) => (protocol ? `${name} (${protocol})` : name))),
  ].join('; ');
}
