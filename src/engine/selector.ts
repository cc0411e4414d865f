/**
 * Label selector matching, as metav1.LabelSelector defines it: matchLabels and every
 * matchExpressions requirement must all hold; `{}` matches everything.
 */
import type { LabelRequirement, LabelSelector, Labels } from '../model/types';

export type LabelPredicate = (labels: Labels) => boolean;

export interface CompiledSelector {
  readonly matches: LabelPredicate;
  /**
   * The selector's matchLabels pairs: any object it matches carries all of them, so a label
   * index can narrow the candidates before `matches` checks the rest.
   */
  readonly requiredLabels: readonly (readonly [string, string])[];
  /** The selector's matchExpressions, as written: what a description of it says besides the pairs. */
  readonly expressions: readonly LabelRequirement[];
  /** The label keys the selector reads: objects that agree on these get the same answer. */
  readonly keys: readonly string[];
  /** Equal for selectors that say the same thing the same way: a memo key. */
  readonly key: string;
}

function requirementPredicate({ key, operator, values }: LabelRequirement): LabelPredicate {
  switch (operator) {
    case 'In':
      return (labels) => Object.hasOwn(labels, key) && values.includes(labels[key]!);
    case 'NotIn':
      // Kubernetes: NotIn also matches objects that do not have the key at all.
      return (labels) => !Object.hasOwn(labels, key) || !values.includes(labels[key]!);
    case 'Exists':
      return (labels) => Object.hasOwn(labels, key);
    case 'DoesNotExist':
      return (labels) => !Object.hasOwn(labels, key);
  }
}

/** Compiles a selector once into a predicate over label maps. */
export function compileSelector(selector: LabelSelector): CompiledSelector {
  const requiredLabels = Object.entries(selector.matchLabels);
  const predicates = selector.matchExpressions.map(requirementPredicate);
  const matches: LabelPredicate = (labels) => {
    for (const [key, value] of requiredLabels) {
      if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
    }
    for (const predicate of predicates) if (!predicate(labels)) return false;
    return true;
  };
  const keys = [...new Set([...requiredLabels.map(([key]) => key), ...selector.matchExpressions.map((e) => e.key)])];
  const expressions = selector.matchExpressions;
  return { matches, requiredLabels, expressions, keys, key: JSON.stringify([requiredLabels, expressions]) };
}
