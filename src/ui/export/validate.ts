/**
 * NetworkPolicies checked against Kubernetes' official OpenAPI schema, which kubernetes-models
 * compiles into a validator per kind. Its raw validator is used rather than the model class's
 * `validate()`, which fills in `apiVersion` and `kind` first and so cannot find them missing.
 * Only the export imports this (lazily, see ExportContext.tsx): it stays out of the first load.
 */
import { validate } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1NetworkPolicy';
import type { ExportedObject, ExportProblem } from '../../model/write';
import { schemaFindings, type SchemaError } from './schemaMessages';

/** ajv's compiled validators leave their errors on themselves. */
const validateNetworkPolicy = validate as typeof validate & { errors?: readonly SchemaError[] | null };

/** The schema's problems with one exported NetworkPolicy, placed where they were written. */
export function schemaProblems(policy: ExportedObject): ExportProblem[] {
  if (validateNetworkPolicy(policy.value)) return [];
  const object = `NetworkPolicy ${policy.namespace}/${policy.name ?? '(no name)'}`;
  return schemaFindings(validateNetworkPolicy.errors ?? [], policy.value).map((finding) => ({
    range: policy.rangeAt(finding.path),
    message: finding.message,
    object,
  }));
}
