/**
 * An evaluation session: text in, graph data and diagnostics out, questions answered from the
 * last analysis. Pure TypeScript over the model and the engine, so the same class runs on the main
 * thread (small inputs, unit tests) and inside the evaluation Web Worker (large inputs).
 */
import { Placements, combine, parseDocument, screenInput, splitDocuments } from '../../model';
import type { ModelResult, ParsedDocument } from '../../model';
import { Analyzer, explain, explanationLines, policyFootprint } from '../../engine';
import type { Analysis } from '../../engine';
import { GraphDiffer } from './graphDelta';
import type { Answer, EvaluationResult, GraphData, Question } from './protocol';

/** The cloneable part of the analysis (its match tables hold closures and stay here). */
function graphOf({ namespaces, endpoints, connections, policies, isolation }: Analysis): GraphData {
  return { namespaces, endpoints, connections, policies, isolation };
}

export class EvaluationSession {
  private analysis: Analysis | undefined;
  /** Parsed documents by their text: an edit re-parses only the documents it touched. */
  private parsed = new Map<string, ParsedDocument>();
  /** Unchanged, unmoved documents keep their objects, so the analyzer redoes only what changed. */
  private readonly placements = new Placements();
  private readonly analyzer = new Analyzer();
  private readonly differ = new GraphDiffer();

  /** @param file the name diagnostics and locations carry. */
  constructor(private readonly file: string) {}

  /** The model's parseManifests, split into its steps so unchanged documents come from cache. */
  private parse(text: string): ModelResult {
    const refused = screenInput(this.file, text);
    if (refused) return { resources: { namespaces: [], workloads: [], policies: [] }, diagnostics: [refused] };
    const next = new Map<string, ParsedDocument>();
    const placed = splitDocuments(text).map((doc) => {
      const parsed = next.get(doc.text) ?? this.parsed.get(doc.text) ?? parseDocument(doc.text);
      next.set(doc.text, parsed);
      return { file: this.file, startLine: doc.startLine, parsed };
    });
    // Keep only the documents of this text: the cache never outgrows the text.
    this.parsed = next;
    return combine(placed, this.placements);
  }

  evaluate(revision: number, text: string): EvaluationResult {
    const { resources, diagnostics } = this.parse(text);
    const invalid = diagnostics.some((d) => d.severity === 'error');
    // While the text is invalid, keep the last good analysis rather than a partial one.
    if (invalid && this.analysis) return { revision, stale: true, diagnostics };
    this.analysis = this.analyzer.update(resources);
    return {
      revision,
      stale: invalid,
      diagnostics: [...diagnostics, ...this.analysis.diagnostics],
      graph: this.differ.diff(graphOf(this.analysis)),
    };
  }

  answer<Q extends Question>(question: Q): Answer<Q> {
    const analysis = this.analysis;
    if (!analysis) return undefined as Answer<Q>;
    if (question.kind === 'explain') {
      const explanation = explain(analysis, question.from, question.to, question.query);
      return (explanation && { explanation, lines: explanationLines(explanation) }) as Answer<Q>;
    }
    const footprint = policyFootprint(analysis, question.policy);
    return (footprint && {
      policy: question.policy,
      selects: footprint.selects,
      edges: footprint.connections.map((c) => [c.from, c.to] as const),
    }) as Answer<Q>;
  }
}
