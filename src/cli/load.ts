/** PATH arguments → the model, the engine's analysis of it, and where each document sits. */
import { Analyzer, analyzeStream, type Analysis, type AnalyzerOptions, type StreamedAnalysis } from '../engine';
import { locator, parseManifests, type ManifestInput, type ModelResult } from '../model';
import type { Diagnostic, Locate } from '../model/source';
import type { ExpectationsResource } from '../model/types';
import { readInputs } from './inputs';
import { diagnosticLine, UsageError, type CliIo } from './io';

/** What every evaluation says besides its analysis: where documents sit, what was noticed. */
interface Evaluation {
  readonly locate: Locate;
  /** The model's, then the engine's. */
  readonly diagnostics: readonly Diagnostic[];
  /** How many objects the model took (namespaces, workloads, policies of every kind). */
  readonly taken: number;
}

/** Manifests evaluated: the analysis, the analyzer to ask about it, where each document sits. */
export interface Evaluated extends Evaluation {
  readonly analysis: Analysis;
  readonly analyzer: Analyzer;
  /** ConnectivityExpectations documents: checked by `check`, ignored by the other commands. */
  readonly expectations: readonly ExpectationsResource[];
}

/** Manifests evaluated for printing their connectivity: the connections computed as they are read. */
export interface Streamed extends Evaluation {
  readonly analysis: StreamedAnalysis;
}

export interface Loaded extends Evaluated {
  readonly inputs: readonly ManifestInput[];
}

/** What `model` and the engine's `diagnostics` say besides the analysis. */
function evaluation(model: ModelResult, diagnostics: readonly Diagnostic[]): Evaluation {
  const { namespaces, workloads, policies, clusterPolicies } = model.resources;
  return {
    locate: locator(model.documents),
    diagnostics: [...model.diagnostics, ...diagnostics],
    taken: namespaces.length + workloads.length + policies.length + clusterPolicies.length,
  };
}

export function evaluate(inputs: readonly ManifestInput[]): Evaluated {
  const model = parseManifests(inputs);
  const analyzer = new Analyzer();
  const analysis = analyzer.update(model.resources);
  return { ...evaluation(model, analysis.diagnostics), analysis, analyzer, expectations: model.expectations };
}

/** `evaluate` for `connectivity` and `diff`: millions of open pairs are written out, never all held. */
export function evaluateStream(inputs: readonly ManifestInput[], options?: AnalyzerOptions): Streamed {
  const model = parseManifests(inputs);
  const analysis = analyzeStream(model.resources, options);
  return { ...evaluation(model, analysis.diagnostics), analysis };
}

/**
 * Reads and evaluates PATHs, printing what could not be read and the diagnostics `show` selects;
 * undefined (after saying why) when nothing could be read.
 */
export function load(paths: readonly string[], show: (d: Diagnostic) => boolean, io: CliIo): Loaded | undefined {
  return loadWith(paths, show, io, evaluate);
}

/** `load` for `connectivity` and `diff` (`evaluateStream`). */
export function loadStream(
  paths: readonly string[],
  show: (d: Diagnostic) => boolean,
  io: CliIo,
): (Streamed & { readonly inputs: readonly ManifestInput[] }) | undefined {
  return loadWith(paths, show, io, evaluateStream);
}

function loadWith<T extends Evaluation>(
  paths: readonly string[],
  show: (d: Diagnostic) => boolean,
  io: CliIo,
  evaluateInputs: (inputs: readonly ManifestInput[]) => T,
): (T & { readonly inputs: readonly ManifestInput[] }) | undefined {
  if (paths.length === 0) throw new UsageError('no PATH given');
  const { inputs, problems } = readInputs(paths, io.readStdin);
  problems.forEach((p) => io.err(p));
  const evaluated = evaluateInputs(inputs);
  evaluated.diagnostics.filter(show).forEach((d) => io.err(diagnosticLine(d, evaluated.locate)));
  if (inputs.length === 0 || (evaluated.taken === 0 && evaluated.diagnostics.some((d) => d.severity === 'error'))) {
    io.err('nothing could be read from the given paths');
    return undefined;
  }
  return { ...evaluated, inputs };
}
