/**
 * Labels and metav1.LabelSelector, validated as the API server does
 * (apimachinery's ValidateLabels and ValidateLabelSelector).
 */
import type { LabelRequirement, LabelSelector, Labels, SelectorOperator } from './types';
import type { YNode } from './tree';
import type { Issues } from './issues';
import { asItemMap, asList, asMap, asString, checkFields, valueOf } from './reader';
import { labelKeyProblem, labelValueProblem } from './names';
import { say } from './messages';

const SELECTOR_FIELDS: ReadonlySet<string> = new Set(['matchLabels', 'matchExpressions']);
const REQUIREMENT_FIELDS: ReadonlySet<string> = new Set(['key', 'operator', 'values']);
const OPERATORS: ReadonlySet<string> = new Set<SelectorOperator>(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** A map of label keys to string values (metadata.labels, matchLabels); invalid pairs reported. */
export function readLabels(node: YNode | undefined, path: string, issues: Issues): Labels {
  const labels: Record<string, string> = {};
  for (const entry of asMap(node, path, issues)?.entries ?? []) {
    const keyProblem = labelKeyProblem(entry.key);
    if (keyProblem) {
      issues.error(entry.keyRange, 'invalid-label-key', say.labelKey(path, entry.key, keyProblem));
    }
    // A null value is JSON null, which decodes to "" in a map of strings.
    const value = asString(entry.value, `${path}.${entry.key}`, issues) ?? '';
    const valueProblem = labelValueProblem(value);
    if (valueProblem) {
      issues.error(
        entry.value.range,
        'invalid-label-value',
        say.labelValue(path, entry.key, value, valueProblem),
      );
    }
    labels[entry.key] = value;
  }
  return labels;
}

/** A label selector; `undefined` when absent or null (`{}` is present and selects everything). */
export function readSelector(
  node: YNode | undefined,
  path: string,
  issues: Issues,
): LabelSelector | undefined {
  const map = asMap(node, path, issues);
  if (map === undefined) return undefined;
  checkFields(map, path, SELECTOR_FIELDS, issues);
  const expressionsPath = `${path}.matchExpressions`;
  const expressions = asList(valueOf(map, 'matchExpressions'), expressionsPath, issues) ?? [];
  return {
    matchLabels: readLabels(valueOf(map, 'matchLabels'), `${path}.matchLabels`, issues),
    matchExpressions: expressions.flatMap(
      (item, i) => readRequirement(item, `${expressionsPath}[${i}]`, issues) ?? [],
    ),
  };
}

function readRequirement(node: YNode, path: string, issues: Issues): LabelRequirement | undefined {
  const map = asItemMap(node, path, issues);
  if (map === undefined) return undefined;
  checkFields(map, path, REQUIREMENT_FIELDS, issues);

  const keyNode = valueOf(map, 'key');
  const key = asString(keyNode, `${path}.key`, issues);
  const keyProblem = key === undefined ? undefined : labelKeyProblem(key);
  if (keyNode === undefined) {
    issues.error(map.range, 'missing-field', say.required(`${path}.key`));
  } else if (key !== undefined && keyProblem) {
    issues.error(keyNode.range, 'invalid-label-key', say.labelKey(path, key, keyProblem));
  }

  const operatorNode = valueOf(map, 'operator');
  const operator = asString(operatorNode, `${path}.operator`, issues);
  if (operatorNode === undefined) {
    issues.error(map.range, 'missing-field', say.required(`${path}.operator`));
  } else if (operator !== undefined && !OPERATORS.has(operator)) {
    issues.error(
      operatorNode.range,
      'invalid-selector-operator',
      say.badOperator(`${path}.operator`, operator),
    );
  }

  const valuesNode = valueOf(map, 'values');
  const values = (asList(valuesNode, `${path}.values`, issues) ?? []).flatMap((item, i) => {
    const value = asString(item, `${path}.values[${i}]`, issues);
    const problem = value === undefined ? undefined : labelValueProblem(value);
    if (value !== undefined && problem) {
      issues.error(
        item.range,
        'invalid-label-value',
        say.invalid(`${path}.values[${i}]`, value, `is not a valid label value: ${problem}`),
      );
    }
    return value ?? [];
  });
  const valuesRange = valuesNode?.range ?? map.range;
  if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
    issues.error(valuesRange, 'invalid-selector-values', say.valuesRequired(`${path}.values`, operator));
  } else if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
    issues.error(valuesRange, 'invalid-selector-values', say.valuesForbidden(`${path}.values`, operator));
  }
  // With a missing or invalid key or operator an error was reported, so this is never evaluated.
  return { key: key ?? '', operator: (operator ?? 'Exists') as SelectorOperator, values };
}

/**
 * Whether `selector` selects a pod with `labels`, as apimachinery's LabelSelectorAsSelector does
 * (every matchLabels pair and every requirement must hold; `{}` selects everything).
 */
export function selects(selector: LabelSelector, labels: Labels): boolean {
  const has = (key: string): boolean => Object.hasOwn(labels, key);
  return (
    Object.entries(selector.matchLabels).every(([key, value]) => has(key) && labels[key] === value) &&
    selector.matchExpressions.every(({ key, operator, values }) => {
      switch (operator) {
        case 'In':
          return has(key) && values.includes(labels[key]!);
        case 'NotIn':
          return !has(key) || !values.includes(labels[key]!);
        case 'Exists':
          return has(key);
        case 'DoesNotExist':
          return !has(key);
      }
    })
  );
}
