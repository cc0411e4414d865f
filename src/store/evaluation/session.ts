/**
 * An evaluation session: text in, analysis and diagnostics out, questions answered from the
 * last analysis. Pure TypeScript over the model and the engine, so the same class runs on the main
 * thread (small inputs, unit tests) and inside the evaluation Web Worker (large inputs).
 *
 * Never frozen: whatever the text's errors, what the API server would accept is evaluated, as the
 * CLI does; an object being typed through an invalid state stands at its last valid version (the
 * model's parser holds it back) and the result says so. Only a text refused whole (too large, not
 * text) leaves the last analysis as it was.
 */
import { ManifestParser, locator } from '../../model';
import type { DocumentLayout } from '../../model/source';
import type { ClusterPolicyResource } from '../../model/types';
import { Analyzer, checkExpectations, explanationLines } from '../../engine';
import type { Analysis } from '../../engine/types';
import { AnalysisDiffer } from './analysisDelta';
import { clusterDenials, clusterRules, denyingPolicies } from './clusterAnswers';
import { previewChange } from './preview';
import type { Answer, EvaluationResult, Question } from './protocol';

/** Enough for what one screen asks about a revision. */
const MAX_KEPT_ANSWERS = 64;

export class EvaluationSession {
  /** Re-parses only the documents an edit touched; the others keep their objects. */
  private readonly parser = new ManifestParser();
  /** Redoes only what changed objects change. */
  private readonly analyzer = new Analyzer();
  private readonly differ = new AnalysisDiffer();
  /** Where the documents of the analysed revision sit: explanations cite lines of that text. */
  private analysed: DocumentLayout | undefined;
  /** The analysis of that revision, and the cluster-wide policies it was made from. */
  private analysis: Analysis | undefined;
  private clusterPolicies: readonly ClusterPolicyResource[] = [];
  /**
   * Answers about that revision, by question: panels and the graph often ask the same (a shown
   * policy's footprint, an edge's explanation) at once. Emptied by every evaluation.
   */
  private readonly answered = new Map<string, Answer<Question>>();

  /** @param file the name the text goes by in the layout (and so in `file:line:col`). */
  constructor(private readonly file: string) {}

  /**
   * Evaluates a revision. `fresh`: the text replaced the previous one (opened, loaded, pasted
   * whole), so none of the previous text's objects stands in for one being edited.
   */
  evaluate(revision: number, text: string, fresh = false): EvaluationResult {
    if (fresh) this.parser.forget();
    const parsed = this.parser.parse([{ file: this.file, text }]);
    const { resources, diagnostics, documents, heldBack, refused } = parsed;
    if (refused.length > 0 && this.analysed) return { revision, stale: true, diagnostics, documents, heldBack };
    const analysis = this.analyzer.update(resources);
    this.analysed = documents;
    this.analysis = analysis;
    this.clusterPolicies = resources.clusterPolicies;
    this.answered.clear();
    const checks = parsed.expectations.flatMap((document) =>
      checkExpectations(analysis, document.expectations).map((result) => ({ document: document.name, result })),
    );
    return { revision, stale: refused.length > 0, diagnostics, documents, heldBack, analysis: this.differ.diff(analysis), checks };
  }

  answer<Q extends Question>(question: Q): Answer<Q> {
    // About two texts, not the analysed one: answered afresh (and kept out of the cache its texts would bloat).
    if (question.kind === 'preview') return previewChange(question.before, question.after, this.file) as Answer<Q>;
    const key = JSON.stringify(question);
    if (this.answered.has(key)) return this.answered.get(key) as Answer<Q>;
    const answer = this.answerAny(question);
    if (this.answered.size >= MAX_KEPT_ANSWERS) this.answered.clear();
    if (this.analysis) this.answered.set(key, answer);
    return answer as Answer<Q>;
  }

  private answerAny(question: Exclude<Question, { kind: 'preview' }>): Answer<Question> {
    const { analysed: layout, analysis } = this;
    if (!layout || !analysis) return undefined;
    switch (question.kind) {
      case 'explain': {
        const explanation = this.analyzer.explain(question.from, question.to, question.query);
        return explanation && { explanation, lines: explanationLines(explanation, locator(layout)) };
      }
      case 'footprint':
        return this.analyzer.footprint(question.policy);
      case 'clusterDenials': {
        const denying = denyingPolicies(analysis, this.clusterPolicies);
        return clusterDenials(analysis, (from, to) => this.analyzer.explain(from, to), question.endpoint, denying);
      }
      case 'clusterRules':
        return clusterRules(analysis, this.clusterPolicies);
      case 'policyWords':
        return this.analyzer.policyWords(question.policy);
    }
  }
}
