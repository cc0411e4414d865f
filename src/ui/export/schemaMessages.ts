/**
 * Errors of a JSON schema validator (ajv's, as kubernetes-models compiles it from Kubernetes'
 * OpenAPI schema) → sentences that start with the field's path, like the model's own diagnostics.
 */
import type { Plain, ValuePath } from '../../model/write';

/** The parts of an ajv `ErrorObject` we read. */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface SchemaFinding {
  /** Where the problem is: the value itself, or for a missing field the field (its parent is what is written). */
  readonly path: ValuePath;
  /** `spec.ingress[0].ports[0].port: must be an integer or a string, not true` */
  readonly message: string;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'null',
};

/**
 * One finding per problem. Kubernetes' int-or-string fields (a port) are a `oneOf` of two types:
 * a wrong value fails both and the `oneOf`, which become one sentence.
 */
export function schemaFindings(errors: readonly SchemaError[], value: Plain): SchemaFinding[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const findings: SchemaFinding[] = [];
  for (const error of errors) {
    const path = pointerSegments(error.instancePath);
    const actual = valueAt(value, path);
    if (error.keyword === 'oneOf') {
      const types = errors
        .filter((e) => e.instancePath === error.instancePath && e.keyword === 'type')
        .map((e) => typeWords(e.params.type));
      const expected = types.length > 0 ? types.join(' or ') : 'exactly one of the allowed forms';
      findings.push({
        path,
        message: `${fieldName(path, value)}: must be ${expected}, not ${describe(actual)}`,
      });
    } else if (!(error.keyword === 'type' && oneOfPaths.has(error.instancePath))) {
      const required = error.keyword === 'required' ? String(error.params.missingProperty) : undefined;
      const at = required === undefined ? path : [...path, required];
      findings.push({ path: at, message: `${fieldName(at, value)}: ${sentence(error, actual)}` });
    }
  }
  return findings;
}

function sentence(error: SchemaError, actual: Plain | undefined): string {
  const { keyword, params } = error;
  switch (keyword) {
    case 'required':
      return 'required';
    case 'type':
      return `must be ${typeWords(params.type)}, not ${describe(actual)}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as readonly unknown[]).join(', ')}, not ${describe(actual)}`;
    case 'format':
      return params.format === 'int32'
        ? 'must be a 32-bit integer'
        : `must be in the format ${String(params.format)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    case 'additionalProperties':
      return `unknown field ${String(params.additionalProperty)}`;
    default:
      return `breaks the schema's ${keyword} rule`;
  }
}

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

function describe(value: Plain | undefined): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

/** A JSON pointer (`/spec/ingress/0`) → its segments, unescaped. */
function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function valueAt(value: Plain, path: ValuePath): Plain | undefined {
  let at: Plain | undefined = value;
  for (const step of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = Array.isArray(at)
      ? (at as readonly Plain[])[Number(step)]
      : (at as Record<string, Plain>)[String(step)];
  }
  return at;
}

/** `spec.ingress[0].ports`: list indexes in brackets, as the model's messages write paths. */
function fieldName(path: ValuePath, value: Plain): string {
  let name = '';
  path.forEach((step, i) => {
    const parent = valueAt(value, path.slice(0, i));
    name += Array.isArray(parent) ? `[${step}]` : `${name === '' ? '' : '.'}${step}`;
  });
  return name === '' ? '(the object)' : name;
}
