/** PATH arguments → the model, the engine's analysis of it, and where each document sits. */
import { Analyzer, type Analysis } from '../engine';
import { locator, parseManifests, type ManifestInput } from '../model';
import type { Diagnostic, Locate } from '../model/source';
import type { ExpectationsResource } from '../model/types';
import { readInputs } from './inputs';
import { diagnosticLine, UsageError, type CliIo } from './io';

/** Manifests evaluated: the analysis, the analyzer to ask about it, where each document sits. */
export interface Evaluated {
  readonly analysis: Analysis;
  readonly analyzer: Analyzer;
  readonly locate: Locate;
  /** The model's, then the engine's. */
  readonly diagnostics: readonly Diagnostic[];
  /** ConnectivityExpectations documents: checked by `check`, ignored by the other commands. */
  readonly expectations: readonly ExpectationsResource[];
  /** How many objects the model took (namespaces, workloads, policies of every kind). */
  readonly taken: number;
}

export interface Loaded extends Evaluated {
  readonly inputs: readonly ManifestInput[];
}

export function evaluate(inputs: readonly ManifestInput[]): Evaluated {
  const model = parseManifests(inputs);
  const analyzer = new Analyzer();
  const analysis = analyzer.update(model.resources);
  const { namespaces, workloads, policies, clusterPolicies } = model.resources;
  return {
    analysis,
    analyzer,
    locate: locator(model.documents),
    diagnostics: [...model.diagnostics, ...analysis.diagnostics],
    expectations: model.expectations,
    taken: namespaces.length + workloads.length + policies.length + clusterPolicies.length,
  };
}

/**
 * Reads and evaluates PATHs, printing what could not be read and the diagnostics `show` selects;
 * undefined (after saying why) when nothing could be read.
 */
export function load(paths: readonly string[], show: (d: Diagnostic) => boolean, io: CliIo): Loaded | undefined {
  if (paths.length === 0) throw new UsageError('no PATH given');
  const { inputs, problems } = readInputs(paths, io.readStdin);
  problems.forEach((p) => io.err(p));
  const evaluated = evaluate(inputs);
  evaluated.diagnostics.filter(show).forEach((d) => io.err(diagnosticLine(d, evaluated.locate)));
  if (inputs.length === 0 || (evaluated.taken === 0 && evaluated.diagnostics.some((d) => d.severity === 'error'))) {
    io.err('nothing could be read from the given paths');
    return undefined;
  }
  return { ...evaluated, inputs };
}
