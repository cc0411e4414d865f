/**
 * `netpol-canvas check`: evaluates the manifests and every ConnectivityExpectations document among
 * them. Exit 0 when every expectation holds, 1 when one fails, 2 when the input cannot be trusted
 * to say (nothing read, no expectations, or an error anywhere: an object kubectl would refuse, or
 * an expectation that cannot be read, would make a pass meaningless).
 */
import {
  checkExpectations,
  expectationFailureLines,
  expectationText,
  explanationLines,
  failingQuery,
  locationText,
  type EndpointId,
  type ExpectationResult,
  type FailingPair,
} from '../engine';
import type { ExpectationsResource } from '../model/types';
import { CHECK_HELP } from './help';
import { USAGE_ERROR, formatArgs, type CliIo } from './io';
import { load, type Loaded } from './load';

export const CHECK_FORMATS = ['txt', 'json', 'junit'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

/** Failing pairs per expectation whose explanation is printed in full. */
const EXPLAINED_PAIRS = 3;

interface Checked {
  readonly document: ExpectationsResource;
  readonly result: ExpectationResult;
  /** `file:line:col` of the expectation. */
  readonly at: string;
  readonly text: string;
  readonly failures: readonly string[];
}

function explain(loaded: Loaded, pair: FailingPair): string[] {
  const explanation = loaded.analyzer.explain(pair.from as EndpointId, pair.to as EndpointId, failingQuery(pair.offending));
  return explanation ? explanationLines(explanation, loaded.locate) : [];
}

function checkAll(loaded: Loaded): Checked[] {
  return loaded.expectations.flatMap((document) =>
    checkExpectations(loaded.analysis, document.expectations).map((result) => ({
      document,
      result,
      at: locationText(loaded.locate(result.expectation.location)),
      text: expectationText(result.expectation),
      failures: expectationFailureLines(result),
    })),
  );
}

function* txt(checked: readonly Checked[], loaded: Loaded): Generator<string> {
  for (const c of checked) {
    yield `${c.result.passed ? 'PASS' : 'FAIL'} ${c.document.name} #${c.result.expectation.index + 1}: ${c.text} (${c.at})`;
    for (const line of c.failures) yield `  ${line}`;
    for (const pair of c.result.failing.slice(0, EXPLAINED_PAIRS)) {
      for (const line of explain(loaded, pair)) yield `    ${line}`;
    }
  }
  const failed = checked.filter((c) => !c.result.passed).length;
  yield `${checked.length} expectation${checked.length === 1 ? '' : 's'}: ${checked.length - failed} passed, ${failed} failed`;
}

function* json(checked: readonly Checked[], loaded: Loaded): Generator<string> {
  const failed = checked.filter((c) => !c.result.passed).length;
  const results = checked.map(({ document, result, at, text }) => ({
    document: document.name,
    index: result.expectation.index,
    at,
    expectation: text,
    passed: result.passed,
    pairs: result.pairs,
    failedPairs: result.failedPairs,
    unmatched: result.unmatched.map((u) => ({ role: u.role, ...(u.index === undefined ? {} : { index: u.index }) })),
    failing: result.failing.map((pair) => ({ ...pair, explanation: explain(loaded, pair) })),
  }));
  yield JSON.stringify({ passed: checked.length - failed, failed, results });
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** JUnit XML: a test suite per expectations document, a test case per expectation. */
function* junit(checked: readonly Checked[], loaded: Loaded): Generator<string> {
  const failed = checked.filter((c) => !c.result.passed).length;
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield `<testsuites name="netpol-canvas check" tests="${checked.length}" failures="${failed}">`;
  for (const document of loaded.expectations) {
    const cases = checked.filter((c) => c.document === document);
    const failures = cases.filter((c) => !c.result.passed).length;
    yield `  <testsuite name="${xml(document.name)}" tests="${cases.length}" failures="${failures}">`;
    for (const c of cases) {
      const name = xml(`#${c.result.expectation.index + 1}: ${c.text}`);
      const classname = xml(`ConnectivityExpectations.${document.name}`);
      if (c.result.passed) {
        yield `    <testcase name="${name}" classname="${classname}" file="${xml(c.at)}"/>`;
        continue;
      }
      const details = [...c.failures, ...c.result.failing.slice(0, EXPLAINED_PAIRS).flatMap((pair) => explain(loaded, pair))];
      yield `    <testcase name="${name}" classname="${classname}" file="${xml(c.at)}">`;
      yield `      <failure message="${xml(c.failures[0] ?? 'failed')}">${xml(details.join('\n'))}</failure>`;
      yield '    </testcase>';
    }
    yield '  </testsuite>';
  }
  yield '</testsuites>';
}

const RENDER: Readonly<Record<CheckFormat, (checked: readonly Checked[], loaded: Loaded) => Generator<string>>> = {
  txt,
  json,
  junit,
};

export function checkCommand(args: string[], io: CliIo): number {
  const options = formatArgs(args, CHECK_FORMATS, CHECK_HELP, io);
  if (!options) return 0;
  const { format, show, positionals } = options;
  const loaded = load(positionals, show, io);
  if (!loaded) return USAGE_ERROR;
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  if (loaded.expectations.length === 0) {
    io.err(
      errors > 0
        ? `no ConnectivityExpectations could be read (${errors} error${errors === 1 ? '' : 's'} above)`
        : 'no ConnectivityExpectations document in the given paths: there is nothing to check',
    );
    return USAGE_ERROR;
  }
  const checked = checkAll(loaded);
  for (const line of RENDER[format](checked, loaded)) io.out(line);
  if (errors > 0) {
    io.err(`${errors} error${errors === 1 ? '' : 's'} in the input (above): the checks ran on the rest, but do not count as passing`);
    return USAGE_ERROR;
  }
  return checked.every((c) => c.result.passed) ? 0 : 1;
}
