/**
 * The rules an explanation involves, in the order they were consulted (egress side, then ingress
 * side; Admin, NetworkPolicy, Baseline), each with its part in the verdict. Pure.
 */
import type { PairExplanation, RuleRef, SideExplanation } from '../../engine/types';

export type RulePart = 'allows' | 'accepts' | 'denies' | 'passes' | 'does not apply';

export interface InvolvedRule {
  readonly rule: RuleRef;
  readonly part: RulePart;
}

const DECISIONS: Readonly<Record<RuleRef['action'], RulePart>> = { accept: 'accepts', deny: 'denies', pass: 'passes' };

function sideRules(side: SideExplanation): InvolvedRule[] {
  const tier = (verdicts: SideExplanation['rules'] | NonNullable<SideExplanation['tiers']>['admin']) =>
    verdicts.map(({ rule, miss }): InvolvedRule => ({ rule, part: miss ? 'does not apply' : DECISIONS[rule.action] }));
  const networkPolicies = side.rules.map(({ rule, miss }): InvolvedRule => ({ rule, part: miss ? 'does not apply' : 'allows' }));
  if (!side.tiers) return networkPolicies;
  return [...tier(side.tiers.admin), ...networkPolicies, ...tier(side.tiers.baseline)];
}

export function involvedRules(explanation: PairExplanation): InvolvedRule[] {
  return [...sideRules(explanation.egress), ...sideRules(explanation.ingress)];
}
