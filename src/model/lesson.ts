/**
 * A lesson (public/lessons/*.yaml): a story, the YAML the student starts from, goals written as
 * expectations, "predict then check" questions, hints in steps, and a solution. Plain data that an
 * instructor writes like any manifest:
 *
 *     title: Default deny
 *     story: |
 *       The shop's database accepts anyone…
 *     start: |
 *       apiVersion: v1
 *       kind: Pod
 *       …
 *     predict:                        # optional: the student answers before the graph shows
 *       - {from: "shop/web[Pod]", to: "shop/db[Pod]", ports: [TCP/5432]}
 *     goals:                          # what the student's YAML must make true (expectations)
 *       - {to: "shop/db[Pod]", only: ["shop/api[Pod]"], ports: [TCP/5432]}
 *     hints:
 *       - Start from a policy that selects the database.
 *       - text: This one selects it and allows nothing yet.
 *         yaml: |
 *           apiVersion: networking.k8s.io/v1
 *           …
 *     solution: |
 *       …
 *
 * Answers are never written down: the engine works them out from `start` (predictions) and from
 * the student's text (goals).
 */
import type { EndpointPattern, Expectation } from './types';
import type { Diagnostic, DocumentId, SourceRange } from './source';
import type { YMap, YNode } from './tree';
import { Issues } from './issues';
import { readYaml } from './yaml';
import { asItemMap, asList, asMap, asString, entryOf, valueOf } from './reader';
import { readExpectationList, readPattern, readPortsList } from './expectations';
import { lessonSays as says } from './messages';

export interface LessonHint {
  readonly text: string;
  /** A snippet to show (and offer to insert), when the hint has one. */
  readonly yaml?: string;
}

/** A pair the student predicts allowed or denied before seeing the graph. */
export type Prediction = Pick<Expectation, 'from' | 'to' | 'ports' | 'index' | 'location'> & {
  readonly from: EndpointPattern;
  readonly to: EndpointPattern;
};

export interface Lesson {
  readonly title: string;
  readonly story: string;
  readonly start: string;
  readonly goals: readonly Expectation[];
  readonly predict: readonly Prediction[];
  readonly hints: readonly LessonHint[];
  readonly solution: string;
}

export interface LessonRead {
  /** Undefined when the file has errors: a lesson with a broken goal would teach the wrong thing. */
  readonly lesson?: Lesson;
  readonly diagnostics: readonly Diagnostic[];
}

const FIELDS = ['title', 'story', 'start', 'predict', 'goals', 'hints', 'solution'] as const;
const HINT_FIELDS = ['text', 'yaml'] as const;
const PREDICTION_FIELDS = ['from', 'to', 'ports'] as const;

/** Reads a lesson file; every problem is a diagnostic located in it. */
export function readLesson(text: string, document = 0 as DocumentId): LessonRead {
  const { roots, diagnostics } = readYaml(text, document);
  const issues = new Issues(document);
  const root = roots[0];
  if (roots.length !== 1 || root?.type !== 'map') {
    issues.error(root?.range ?? START, 'not-an-object', says.oneMapping);
    return { diagnostics: [...diagnostics, ...issues.collect()] };
  }
  for (const entry of root.entries) {
    if (!(FIELDS as readonly string[]).includes(entry.key)) {
      issues.error(entry.keyRange, 'unknown-lesson-field', says.unknownField(entry.key));
    }
  }
  const required = (key: (typeof FIELDS)[number]) => {
    const value = asString(valueOf(root, key), key, issues);
    if (value === undefined || value.trim() === '') {
      issues.error(entryOf(root, key)?.keyRange ?? root.range, 'missing-field', says.required(key));
    }
    return value ?? '';
  };
  const lesson: Lesson = {
    title: required('title'),
    story: required('story'),
    start: required('start'),
    goals: readExpectationList(valueOf(root, 'goals'), 'goals', root.range, issues),
    predict: readPredictions(root, issues),
    hints: readHints(valueOf(root, 'hints'), issues),
    solution: required('solution'),
  };
  const all = [...diagnostics, ...issues.collect()];
  return all.some((d) => d.severity === 'error') ? { diagnostics: all } : { lesson, diagnostics: all };
}

const START: SourceRange = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };

/** Predictions: one endpoint to another, on some ports; the verdict is the student's to give. */
function readPredictions(root: YMap, issues: Issues): Prediction[] {
  return (asList(valueOf(root, 'predict'), 'predict', issues) ?? []).flatMap((item, index): Prediction[] => {
    const path = `predict[${index}]`;
    const map = asItemMap(item, path, issues);
    if (map === undefined) return [];
    for (const entry of map.entries) {
      if (!(PREDICTION_FIELDS as readonly string[]).includes(entry.key)) {
        issues.error(entry.keyRange, 'unknown-lesson-field', says.predictionField(path, entry.key));
      }
    }
    const from = readPattern(valueOf(map, 'from'), `${path}.from`, issues);
    const to = readPattern(valueOf(map, 'to'), `${path}.to`, issues);
    const ports = readPortsList(valueOf(map, 'ports'), `${path}.ports`, issues);
    if (from === undefined || to === undefined) {
      issues.error(map.range, 'missing-field', says.predictionPair(path));
      return [];
    }
    return [{ from, to, ...(ports && { ports }), index, location: issues.at(map.range) }];
  });
}

function readHints(node: YNode | undefined, issues: Issues): LessonHint[] {
  return (asList(node, 'hints', issues) ?? []).flatMap((item, i): LessonHint[] => {
    const path = `hints[${i}]`;
    if (item.type === 'scalar') {
      const text = asString(item, path, issues);
      return text ? [{ text }] : [];
    }
    const map = asMap(item, path, issues);
    for (const entry of map?.entries ?? []) {
      if (!(HINT_FIELDS as readonly string[]).includes(entry.key)) {
        issues.error(entry.keyRange, 'unknown-lesson-field', says.unknownField(`${path}.${entry.key}`));
      }
    }
    const text = asString(valueOf(map, 'text'), `${path}.text`, issues);
    const yaml = asString(valueOf(map, 'yaml'), `${path}.yaml`, issues);
    if (text === undefined) {
      issues.error(item.range, 'missing-field', says.required(`${path}.text`));
      return [];
    }
    return [{ text, ...(yaml !== undefined && { yaml }) }];
  });
}
