/**
 * Plans: the YAML edits graph gestures write. Each function takes the editor's whole text and
 * what the gesture is about, and returns an `EditPlan` (text changes on the touched ranges only, a
 * summary, and warnings of what else it changes, said first). Pure: the store applies a plan.
 */
export type { EditPlan, Isolation, Party, Traffic, WorkloadParty } from './types';
export { planAllow, trafficSet } from './allow';
export { planBlock } from './block';
export { planIsolate } from './isolate';
export {
  planAddIdentifyingLabel,
  planAddNamespace,
  planAddWorkload,
  planDeleteNamespace,
  planDeletePolicy,
  planDeleteWorkload,
  planEditLabels,
  PLACEHOLDER_IMAGE,
  type NewPort,
  type NewWorkload,
} from './objects';
export { identify, type Identity } from './identify';
export { comparableAnalyses } from './verify';
