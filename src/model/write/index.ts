/**
 * Writing manifests: the model's other direction. Reading (../yaml.ts) turns text into plain
 * trees and forgets the `yaml` package; writing keeps the package's Document, so what it prints
 * keeps the author's comments and layout.
 */
export {
  exportManifests,
  isClusterPolicy,
  isExpectations,
  isNetworkPolicy,
  isPolicy,
  joinDocuments,
  type ExportedObject,
  type ExportProblem,
  type ExportScope,
  type ManifestExport,
} from './export';
export { kustomizationText } from './kustomization';
export {
  BASELINE_PRIORITY,
  convertToV1alpha2,
  joinStream,
  type ConversionMessage,
  type ConvertedFile,
  type ConvertedPolicy,
  type V1alpha2Conversion,
} from './convert';
export { clusterPolicyShape, type PolicyShape } from './policy-shape';
export type { ValuePath } from './path-range';
export type { Plain } from './plain';
