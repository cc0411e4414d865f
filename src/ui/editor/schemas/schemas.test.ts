import { describe, expect, it } from 'vitest';
import type { JSONSchema } from 'monaco-yaml';
import { manifestSchema } from '.';
import { WORKLOAD_KINDS } from '../../../model/types';
import { networkPolicySchema } from './networkPolicy';

/** Every property path under a schema, with its schema. */
function properties(schema: JSONSchema, path = ''): [string, JSONSchema][] {
  const out: [string, JSONSchema][] = [];
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    if (typeof child === 'boolean') continue;
    out.push([`${path}${name}`, child], ...properties(child, `${path}${name}.`));
  }
  const items = schema.items;
  if (items && typeof items === 'object' && !Array.isArray(items)) out.push(...properties(items, `${path}[].`));
  const values = schema.additionalProperties;
  if (values && typeof values === 'object') out.push(...properties(values, `${path}*.`));
  return out;
}

describe('editor schemas', () => {
  it('describe every NetworkPolicy field, for hovers', () => {
    const fields = properties(networkPolicySchema);
    expect(fields.length).toBeGreaterThan(30);
    const undocumented = fields.filter(([, s]) => !s.description).map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it('cover the fields of the API reference', () => {
    const paths = new Set(properties(networkPolicySchema).map(([path]) => path));
    for (const path of [
      'spec.podSelector.matchExpressions.[].operator',
      'spec.policyTypes',
      'spec.ingress.[].from.[].namespaceSelector.matchLabels',
      'spec.ingress.[].from.[].ipBlock.except',
      'spec.ingress.[].ports.[].endPort',
      'spec.egress.[].to.[].podSelector',
      'spec.egress.[].ports.[].protocol',
    ]) {
      expect(paths, path).toContain(path);
    }
  });

  it('dispatch on kind for every kind the model reads', () => {
    const kinds = (manifestSchema.allOf ?? []).map((s) => (s as JSONSchema).if as JSONSchema).map((s) => (s.properties!.kind as JSONSchema).const);
    expect(kinds.sort()).toEqual(['Namespace', 'NetworkPolicy', ...WORKLOAD_KINDS].sort());
  });
});
