/**
 * Every lesson of public/lessons/ (issue 12): it reads without a problem; its start and solution
 * are manifests kubectl would take (no warnings either: a lesson teaches by example; a start may
 * hold the gotcha its lesson is about, a solution none); the solution
 * meets every goal and the start misses at least one (else there is nothing to do); every hint's
 * YAML parses; every prediction has one answer on the start (allowed or denied, never "partly": a
 * student cannot be right about that). Answers are the engine's, never written down.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Analyzer, GOTCHA_CODES } from '../../src/engine';
import { checkExpectations, verdictOf } from '../../src/engine/expectations';
import { parseManifests } from '../../src/model';
import { readLesson, type Lesson } from '../../src/model/lesson';
import { readYaml } from '../../src/model/yaml';
import type { DocumentId } from '../../src/model/source';

const FOLDER = fileURLToPath(new URL('../../public/lessons/', import.meta.url));
const FILES = readdirSync(FOLDER).filter((f) => f.endsWith('.yaml')).sort();

const gotchaCodes: readonly string[] = GOTCHA_CODES;

/** The analysis of a lesson's text, failing on anything short of clean manifests (gotchas allowed on a start). */
function analysed(text: string, what: string, gotchasAllowed = false) {
  const { resources, diagnostics } = parseManifests([{ file: what, text }]);
  expect(diagnostics.filter((d) => d.severity !== 'info').map((d) => `${what}: ${d.message}`)).toEqual([]);
  const analysis = new Analyzer().update(resources);
  const warnings = analysis.diagnostics.filter((d) => d.severity !== 'info' && !(gotchasAllowed && gotchaCodes.includes(d.code)));
  expect(warnings.map((d) => `${what}: ${d.message}`)).toEqual([]);
  return analysis;
}

function lessonIn(file: string): Lesson {
  const { lesson, diagnostics } = readLesson(readFileSync(`${FOLDER}${file}`, 'utf8'));
  expect(diagnostics.map((d) => `${file}:${d.location.range.startLine}: ${d.message}`)).toEqual([]);
  return lesson!;
}

describe('the lessons', () => {
  it('are at least eight, numbered in the order they are taught', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(8);
    FILES.forEach((file, i) => expect(file).toMatch(new RegExp(`^${String(i + 1).padStart(2, '0')}-[a-z0-9-]+\\.yaml$`)));
  });

  for (const file of FILES) {
    describe(file, () => {
      const lesson = lessonIn(file);

      it('the solution meets every goal', () => {
        const results = checkExpectations(analysed(lesson.solution, `${file} solution`), lesson.goals);
        expect(results.filter((r) => !r.passed).map((r) => r.expectation.index)).toEqual([]);
      });

      it('the start misses at least one goal', () => {
        const results = checkExpectations(analysed(lesson.start, `${file} start`, true), lesson.goals);
        expect(results.some((r) => !r.passed)).toBe(true);
      });

      it('every prediction has one answer on the start', () => {
        const analysis = analysed(lesson.start, `${file} start`, true);
        for (const prediction of lesson.predict) expect(['allowed', 'denied']).toContain(verdictOf(analysis, prediction));
      });

      it("every hint's YAML parses", () => {
        for (const hint of lesson.hints.filter((h) => h.yaml !== undefined)) {
          expect(readYaml(hint.yaml!, 0 as DocumentId).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        }
      });
    });
  }
});

describe('reading a lesson', () => {
  const minimal = (extra = '') =>
    `title: T\nstory: S\nstart: "a: 1"\nsolution: "a: 2"\ngoals:\n  - {from: "x/a[Pod]", to: "x/b[Pod]", expect: allowed}\n${extra}`;
  const problems = (text: string) => readLesson(text).diagnostics.map((d) => `${d.code} ${d.location.range.startLine}`);

  it('reads hints as text, or text with YAML, and predictions as pairs', () => {
    const { lesson } = readLesson(minimal('hints: [one, {text: two, yaml: "b: 1"}]\npredict: [{from: 10.0.0.1, to: "x/b[Pod]"}]\n'));
    expect(lesson!.hints).toEqual([{ text: 'one' }, { text: 'two', yaml: 'b: 1' }]);
    expect(lesson!.predict.map((p) => [p.from.type, p.to.type])).toEqual([['addresses', 'endpoint']]);
  });

  it('refuses what would teach wrong: a missing part, a written answer, an unknown field', () => {
    expect(problems('title: T\n')).toEqual(['missing-field 1', 'missing-field 1', 'missing-field 1', 'missing-field 1']);
    expect(problems(minimal('predict: [{from: 10.0.0.1, to: "x/b[Pod]", expect: denied}]\n'))).toEqual(['unknown-lesson-field 7']);
    expect(problems(minimal('predict: [{from: 10.0.0.1}]\n'))).toEqual(['missing-field 7']);
    expect(problems(minimal('answer: 42\n'))).toEqual(['unknown-lesson-field 7']);
    expect(readLesson(minimal('answer: 42\n')).lesson).toBeUndefined();
  });
});
