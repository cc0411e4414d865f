/**
 * Label selector matching, as metav1.LabelSelector defines it: matchLabels and every
 * matchExpressions requirement must all hold; `{}` matches everything.
 */
import type { LabelRequirement, LabelSelector, Labels } from '../model/types';

export type LabelPredicate = (labels: Labels) => boolean;

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
export function compileSelector(selector: LabelSelector): LabelPredicate {
  const checks: LabelPredicate[] = [
    ...Object.entries(selector.matchLabels).map(
      ([key, value]): LabelPredicate =>
        (labels) => Object.hasOwn(labels, key) && labels[key] === value,
    ),
    ...selector.matchExpressions.map(requirementPredicate),
  ];
  if (checks.length === 0) return () => true;
  return (labels) => checks.every((check) => check(labels));
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}
