/**
 * An export request, done: the objects written, checked, and packed. Pure (the text in, the bytes
 * out); the provider hands the result to the browser. The one module the app imports lazily for
 * exporting, so the `yaml` package, the schema validators and fflate load on the first export.
 */
import {
  exportManifests,
  isClusterPolicy,
  isExpectations,
  isNetworkPolicy,
  joinDocuments,
  type ExportProblem,
  type ExportScope,
} from '../../model/write';
import type { ExportRequest } from './request';
import { repoFiles } from './repoFiles';
import { schemaProblems } from './validate';
import { zipFiles } from './zip';

export interface ExportOutput {
  readonly fileName: string;
  readonly mediaType: string;
  readonly data: string | Uint8Array;
}

export interface PreparedExport {
  readonly request: ExportRequest;
  /** Objects written (for a zip, the policies). */
  readonly count: number;
  /** How many of them are cluster-wide policies. */
  readonly clusterCount: number;
  /**
   * ConnectivityExpectations documents written: in the zip's `checks/` folder, or among everything
   * (where kubectl would refuse them: the status line says so).
   */
  readonly expectationsCount: number;
  /** In the order of the text. */
  readonly problems: readonly ExportProblem[];
  readonly output: ExportOutput;
}

export function prepareExport(text: string, request: ExportRequest): PreparedExport {
  const zip = request.delivery === 'zip';
  // A zip for a repository carries the expectations too, for `netpol-canvas check` in its CI.
  const written = exportManifests(text, zip && request.scope.kind === 'policies' ? { ...request.scope, withExpectations: true } : request.scope);
  const objects = written.objects;
  // kubernetes-models has no schema for the network-policy-api kinds; the model checks them as their CRDs do.
  const problems = [...written.problems, ...objects.filter(isNetworkPolicy).flatMap(schemaProblems)].sort(
    (a, b) => a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn,
  );
  const output: ExportOutput =
    zip
      ? { fileName: 'network-policies.zip', mediaType: 'application/zip', data: zipFiles(repoFiles(objects)) }
      : {
          fileName: yamlFileName(request.scope),
          mediaType: 'application/yaml',
          data: joinDocuments(objects),
        };
  const expectationsCount = objects.filter(isExpectations).length;
  const count = zip ? objects.length - expectationsCount : objects.length;
  return { request, count, clusterCount: objects.filter(isClusterPolicy).length, expectationsCount, problems, output };
}

function yamlFileName(scope: ExportScope): string {
  if (scope.kind === 'policies') return 'network-policies.yaml';
  if (scope.kind === 'everything') return 'manifests.yaml';
  return `${scope.namespace ?? scope.policyKind}-${scope.name}.yaml`.replace(/[^A-Za-z0-9._-]/g, '_');
}
