/**
 * An explanation as the edge panel shows it: the allowed ports split into rows that share the
 * same provenance — which rules allow them on the egress side and on the ingress side, a
 * cluster-wide rule that accepted them before NetworkPolicies were asked, or none at all.
 * Pure; reads the engine's explanation data, renders no words beyond port labels.
 */
import { PROTOCOLS, type Protocol } from '../../model/types';
import { NO_CONNECTIONS } from '../../engine';
import type { ConnectionSet, PairExplanation, PortRange, RuleRef, SideExplanation, TierRuleVerdict } from '../../engine/types';
import { connectionLabel } from '../graph/toFlow';

export type SideProvenance =
  /** An address outside the cluster: policies do not apply to it. */
  | { readonly kind: 'external' }
  /** No policy isolates the endpoint in this direction, nor does a cluster-wide rule decide: allowed. */
  | { readonly kind: 'open' }
  /** NetworkPolicy rules that allow the port. */
  | { readonly kind: 'rules'; readonly rules: readonly RuleRef[] }
  /** A cluster-wide rule decided it: an Admin Accept, or a Baseline Accept or Pass. */
  | { readonly kind: 'tier'; readonly rule: RuleRef };

export interface ProvenanceRow {
  readonly ports: ConnectionSet;
  /** `TCP 80`, `All`, … */
  readonly label: string;
  readonly egress: SideProvenance;
  readonly ingress: SideProvenance;
}

const contains = (ranges: readonly PortRange[], port: number) => ranges.some(([lo, hi]) => lo <= port && port <= hi);

/** The cluster-wide rule of `verdicts` that decided `port` of `protocol`, if one did. */
function deciding(verdicts: readonly TierRuleVerdict[], protocol: Protocol, port: number): RuleRef | undefined {
  return verdicts.find((v) => contains(v.decided[protocol], port))?.rule;
}

/**
 * The rules of a side that allow `port` of `protocol` (an allowed port: a cluster-wide rule that
 * decided it accepted or passed it), or why the side needs none.
 */
function provenanceAt(side: SideExplanation, protocol: Protocol, port: number): SideProvenance {
  if (!side.subjectToPolicies) return { kind: 'external' };
  const admin = side.tiers && deciding(side.tiers.admin, protocol, port);
  if (admin && admin.action === 'accept') return { kind: 'tier', rule: admin };
  if (side.isolatedBy.length > 0) {
    return { kind: 'rules', rules: side.rules.filter((r) => contains(r.allowed[protocol], port)).map((r) => r.rule) };
  }
  const baseline = side.tiers && deciding(side.tiers.baseline, protocol, port);
  return baseline ? { kind: 'tier', rule: baseline } : { kind: 'open' };
}

/** A rule's key among the rules of an explanation (policy, direction, index). */
export function ruleKey(rule: RuleRef): string {
  return `${rule.policy}/${rule.direction}/${rule.index}`;
}

const key = (p: SideProvenance) =>
  p.kind === 'rules' ? p.rules.map(ruleKey).join(',') : p.kind === 'tier' ? `tier:${ruleKey(p.rule)}` : p.kind;

/** Every range a side's rules allow or decide: where provenance may change. */
function sideRanges(side: SideExplanation, protocol: Protocol): readonly PortRange[] {
  const decided = side.tiers ? [...side.tiers.admin, ...side.tiers.baseline].flatMap((v) => v.decided[protocol]) : [];
  return [...side.rules.flatMap((rule) => rule.allowed[protocol]), ...decided];
}

/** Every port where some rule's range starts or ends, within the allowed ranges of `protocol`. */
function segments(explanation: PairExplanation, protocol: Protocol): PortRange[] {
  const cuts = new Set<number>();
  for (const [lo, hi] of explanation.allowed[protocol]) cuts.add(lo).add(hi + 1);
  for (const side of [explanation.egress, explanation.ingress])
    for (const [lo, hi] of sideRanges(side, protocol)) cuts.add(lo).add(hi + 1);
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted
    .slice(0, -1)
    .map((lo, i): PortRange => [lo, sorted[i + 1]! - 1])
    .filter(([lo]) => contains(explanation.allowed[protocol], lo));
}

export function provenanceRows(explanation: PairExplanation): ProvenanceRow[] {
  const rows = new Map<string, { ports: Record<Protocol, PortRange[]>; egress: SideProvenance; ingress: SideProvenance }>();
  for (const protocol of PROTOCOLS) {
    for (const [lo, hi] of segments(explanation, protocol)) {
      const egress = provenanceAt(explanation.egress, protocol, lo);
      const ingress = provenanceAt(explanation.ingress, protocol, lo);
      const k = `${key(egress)}|${key(ingress)}`;
      const row = rows.get(k) ?? { ports: { TCP: [], UDP: [], SCTP: [] }, egress, ingress };
      const ranges = row.ports[protocol];
      const last = ranges[ranges.length - 1];
      if (last && last[1] + 1 === lo) ranges[ranges.length - 1] = [last[0], hi];
      else ranges.push([lo, hi]);
      rows.set(k, row);
    }
  }
  return [...rows.values()].map((row) => ({ ...row, label: connectionLabel({ ...NO_CONNECTIONS, ...row.ports }) }));
}

/** The first rule a side's provenance names. */
function firstRule(side: SideProvenance): RuleRef | undefined {
  return side.kind === 'rules' ? side.rules[0] : side.kind === 'tier' ? side.rule : undefined;
}

/**
 * The rule to show when an edge is opened: the first allowing rule on the ingress side (the policy
 * protecting the destination), else on the egress side; none when no rule allows it.
 */
export function primaryRule(explanation: PairExplanation): RuleRef | undefined {
  const rows = provenanceRows(explanation);
  for (const row of rows) {
    const rule = firstRule(row.ingress);
    if (rule) return rule;
  }
  for (const row of rows) {
    const rule = firstRule(row.egress);
    if (rule) return rule;
  }
  return undefined;
}
