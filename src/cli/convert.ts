/**
 * `netpol-canvas convert --to v1alpha2 PATH...`: every AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy of the inputs rewritten as a ClusterNetworkPolicy (the conversion
 * itself is the model's, model/write/convert.ts), and the proof that nothing else changed.
 *
 * Standard output holds the manifests and nothing else, so it can go to a file or to
 * `kubectl apply -f -`: one YAML stream, files in the order read. With one input file it is that
 * file, its converted documents printed anew and every other byte as written; with several, each
 * file's text follows a `# Source: <path>` comment line (Helm's convention), with `---` between
 * files. Standard error then says what was written beyond the mapping (notes), which v1alpha1
 * policies were not converted and why, and the proof: the connectivity of the original inputs and
 * of the output, pair by pair. When it differs, each differing pair is listed with both connection
 * sets and the engine's explanation of each, and nothing is written to standard output unless
 * `--force`: a pipe into kubectl must not apply a conversion that changes what is allowed.
 *
 * Exit codes: 0 converted, or nothing to convert (the input written unchanged), and connectivity
 * unchanged; 1 a v1alpha1 policy could not be converted exactly (it is written as it was) or
 * connectivity changed; 2 bad usage or nothing could be read.
 */
import { parseArgs } from 'node:util';
import { locationText } from '../engine';
import type { ManifestInput } from '../model';
import { convertToV1alpha2, joinStream, type ConvertedFile, type ConvertedPolicy } from '../model/write';
import { CONVERT_HELP } from './help';
import { USAGE_ERROR, UsageError, type CliIo } from './io';
import { evaluate, load } from './load';
import { compareConnectivity, comparisonLines, isUnchanged } from './proof';

/** How the proof names the output when it places a rule: its lines are those of standard output. */
export const OUTPUT_NAME = '<stdout>';

export function convertCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      force: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return io.out(CONVERT_HELP), 0;
  if (values.to === undefined) throw new UsageError('convert needs --to v1alpha2');
  if (values.to !== 'v1alpha2') throw new UsageError(`cannot convert to "${values.to}": the only target is v1alpha2`);
  const verbose = values.verbose === true;
  // Standard error is written after the manifests, so a terminal shows the verdict last.
  const report: string[] = [];
  const loaded = load(positionals, (d) => verbose || d.severity === 'error', { ...io, err: (text) => report.push(text) });
  if (!loaded) {
    report.forEach((line) => io.err(line));
    return USAGE_ERROR;
  }

  const conversion = convertToV1alpha2(loaded.inputs);
  for (const note of conversion.notes) report.push(`${locationText(note.location)}: note: ${note.message}`);
  for (const problem of conversion.problems) report.push(`${locationText(problem.location)}: error: ${problem.message}`);
  const text = streamText(conversion.files, loaded.inputs);
  let changed = false;
  if (conversion.converted.length === 0) {
    const current = loaded.analysis.policies.filter((p) => p.ref.kind === 'ClusterNetworkPolicy').length;
    report.push(nothingConverted(conversion.problems.length, current));
  } else {
    report.push(...convertedLines(conversion.converted, verbose));
    const converted = evaluate([{ file: OUTPUT_NAME, text }]);
    const comparison = compareConnectivity(loaded.analysis, converted.analysis);
    report.push(...comparisonLines(comparison, loaded, converted));
    changed = !isUnchanged(comparison);
    if (changed) {
      report.push(
        values.force
          ? 'written to standard output all the same (--force); its rules are placed above as <stdout>:line:column'
          : 'nothing was written to standard output, as the conversion changes connectivity (--force writes it anyway)',
      );
    }
  }
  if (conversion.problems.length > 0) {
    const count = conversion.problems.length;
    const which =
      count === 1
        ? '1 policy is not converted and is written as it was'
        : `${count} policies are not converted and are written as they were`;
    report.push(`${which}: see the errors above`);
  }
  const outcome = convertOutcome({ changed, problems: conversion.problems.length, force: values.force === true });
  if (outcome.write) writeLines(text, io);
  report.forEach((line) => io.err(line));
  return outcome.code;
}

/**
 * Whether the manifests go to standard output, and the exit code: 1 when a policy was not
 * converted (the output is still written: it means what the input meant) or when connectivity
 * changed (then it is written only with --force), else 0.
 */
export function convertOutcome(result: { changed: boolean; problems: number; force: boolean }): {
  readonly write: boolean;
  readonly code: 0 | 1;
} {
  return { write: !result.changed || result.force, code: result.changed || result.problems > 0 ? 1 : 0 };
}

/**
 * The output stream (see the top of this file): one file as it is, converted documents replaced;
 * several after `# Source:` lines. A file's JSON objects get `---` between them (joinStream).
 */
export function streamText(files: readonly ConvertedFile[], inputs: readonly ManifestInput[]): string {
  if (files.length === 1) return files[0]!.changed ? joinStream(files[0]!.documents) : inputs[0]!.text;
  return files
    .map((file, i) => {
      const text = joinStream(file.documents);
      const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
      return `${i > 0 ? '---\n' : ''}# Source: ${file.file.replace(/[\r\n]+/g, ' ')}\n${body}`;
    })
    .join('');
}

function writeLines(text: string, io: CliIo): void {
  if (text === '') return;
  for (const line of text.replace(/\n$/, '').split('\n')) io.out(line);
}

function nothingConverted(problems: number, current: number): string {
  const objects = current === 1 ? 'ClusterNetworkPolicy is' : 'ClusterNetworkPolicy objects are';
  const already = current > 0 ? `; ${current} ${objects} v1alpha2 already` : '';
  if (problems > 0) return `nothing converted${already}: the input is written unchanged`;
  const none = 'no AdminNetworkPolicy or BaselineAdminNetworkPolicy in the input';
  return `nothing to convert: ${none}${already}; it is written unchanged`;
}

/** `converted 3 policies to ClusterNetworkPolicy (…): 2 AdminNetworkPolicy → tier Admin, …`; each with --verbose. */
function convertedLines(converted: readonly ConvertedPolicy[], verbose: boolean): string[] {
  const admin = converted.filter((p) => p.kind === 'AdminNetworkPolicy').length;
  const baseline = converted.filter((p) => p.kind === 'BaselineAdminNetworkPolicy');
  const parts = [
    ...(admin > 0 ? [`${admin} AdminNetworkPolicy → tier Admin, priority kept`] : []),
    ...baseline.map((p) => `BaselineAdminNetworkPolicy ${p.name} → tier Baseline, priority ${p.priority}`),
  ];
  const count = `${converted.length} ${converted.length === 1 ? 'policy' : 'policies'}`;
  const head = `converted ${count} to ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2): ${parts.join('; ')}`;
  if (!verbose) return [head];
  const each = converted.map(
    (p) => `${locationText(p.location)}: ${p.kind} ${p.name} → ClusterNetworkPolicy, tier ${p.tier}, priority ${p.priority}`,
  );
  return [head, ...each];
}
