/**
 * An evaluation session: text in, analysis and diagnostics out, questions answered from the
 * last analysis. Pure TypeScript over the model and the engine, so the same class runs on the main
 * thread (small inputs, unit tests) and inside the evaluation Web Worker (large inputs).
 */
import { ManifestParser, locator } from '../../model';
import type { DocumentLayout } from '../../model/source';
import { Analyzer, explanationLines } from '../../engine';
import { AnalysisDiffer } from './analysisDelta';
import type { Answer, EvaluationResult, Question } from './protocol';

export class EvaluationSession {
  /** Re-parses only the documents an edit touched; the others keep their objects. */
  private readonly parser = new ManifestParser();
  /** Redoes only what changed objects change. */
  private readonly analyzer = new Analyzer();
  private readonly differ = new AnalysisDiffer();
  /** Where the documents of the analysed revision sit: explanations cite lines of that text. */
  private analysed: DocumentLayout | undefined;

  /** @param file the name the text goes by in the layout (and so in `file:line:col`). */
  constructor(private readonly file: string) {}

  evaluate(revision: number, text: string): EvaluationResult {
    const { resources, diagnostics, documents } = this.parser.parse([{ file: this.file, text }]);
    const invalid = diagnostics.some((d) => d.severity === 'error');
    // While the text is invalid, keep the last good analysis rather than a partial one.
    if (invalid && this.analysed) return { revision, stale: true, diagnostics, documents };
    const analysis = this.analyzer.update(resources);
    this.analysed = documents;
    return { revision, stale: invalid, diagnostics, documents, analysis: this.differ.diff(analysis) };
  }

  answer<Q extends Question>(question: Q): Answer<Q> {
    const layout = this.analysed;
    if (!layout) return undefined as Answer<Q>;
    if (question.kind === 'explain') {
      const explanation = this.analyzer.explain(question.from, question.to, question.query);
      return (explanation && { explanation, lines: explanationLines(explanation, locator(layout)) }) as Answer<Q>;
    }
    return this.analyzer.footprint(question.policy) as Answer<Q>;
  }
}
