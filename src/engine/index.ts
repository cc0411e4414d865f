/**
 * The engine's public surface. Pure TypeScript: resources in, data out; no React, DOM, Monaco,
 * zustand or yaml (test/architecture.test.ts keeps it so).
 */
export { Analyzer, analyze, analyzeStream, type AnalyzerOptions } from './analyzer';
export { sameData, sameItems } from './same-data';
export {
  connectivityDiffLines,
  ENGINE_DIAGNOSTIC_CODES,
  GOTCHA_CODES,
  expectationFailureLines,
  expectationText,
  explanationLines,
  failingPairText,
  locationText,
  pairChangeLines,
  patternText,
  policyName,
  queryText,
  ruleText,
  tierName,
} from './messages';
export { describeConnections, describePorts, ALL_CONNECTIONS_TEXT } from './describe';
export type { PolicySentence, PolicyWords } from './policy-words';
export { rangeText } from './address-space';
export { renderDot } from './dot';
export {
  carvesIpv6,
  connectivityDiff,
  streamConnectivityDiff,
  type ConnectivityDiff,
  type ConnectivityInput,
  type PairChange,
  type PairChangeKind,
  type StreamedConnectivityDiff,
} from './connectivity-diff';
export { truthTable, OUTSIDE_GROUP, type CellVerdict, type MatrixGroup, type TruthTable } from './matrix';
export { matrixCsv, matrixMarkdown, trafficText, VERDICT_SYMBOLS, VERDICT_WORDS } from './matrix-text';
export { checkExpectations, failingQuery, FAILING_PAIRS_LISTED, type ExpectationResult, type FailingPair } from './expectations';
export { addressText } from '../model/address-text';
export { effectivePolicyTypes, policyId } from './compile';
export { workloadId, NAMESPACE_NAME_LABEL } from './topology';
export {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  allowsQuery,
  intersectConnections,
  isAllConnections,
  isNoConnections,
  subtractConnections,
  unionConnections,
} from './portset';
export type * from './types';
