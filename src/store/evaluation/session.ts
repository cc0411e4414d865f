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
import type { ClusterPolicyResource, ClusterResources } from '../../model/types';
import { Analyzer, checkExpectations, explanationLines, sameData } from '../../engine';
import type { Analysis } from '../../engine/types';
import { AnalysisDiffer } from './analysisDelta';
import { clusterDenials, clusterRules, denyingPolicies } from './clusterAnswers';
import { compareAnalyses, NO_CHANGES, type ComparedSide, type PinnedComparison, type PinRequest } from './comparison';
import { previewChange } from './preview';
import { planGesture } from './gestures';
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
  /** The analysed revision, and the resources its analysis was made from (a baseline keeps them). */
  private analysedRevision = -1;
  private resources: ClusterResources | undefined;
  /**
   * The pinned baseline (Compare): its analysis once the revision it names is analysed, and the
   * comparison last sent, which a result then leaves out while it stays the same.
   */
  private baseline: { readonly request: PinRequest; side?: ComparedSide; sent?: PinnedComparison } | undefined;
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
    this.analysedRevision = revision;
    this.resources = resources;
    this.clusterPolicies = resources.clusterPolicies;
    this.answered.clear();
    const checks = parsed.expectations.flatMap((document) =>
      checkExpectations(analysis, document.expectations).map((result) => ({ document: document.name, result })),
    );
    const comparison = this.compared();
    const delta = this.differ.diff(analysis);
    const stale = refused.length > 0;
    return { revision, stale, diagnostics, documents, heldBack, analysis: delta, checks, ...(comparison && { comparison }) };
  }

  /**
   * Pins the baseline Compare compares with: the analysis of `request.revision`, or of the first
   * revision analysed after it (one the worker's queue skipped). Answers the comparison at once when
   * that revision is already analysed (nothing has changed yet); else the result that analyses it
   * carries it. `null` unpins.
   */
  pin(request: PinRequest | null): PinnedComparison | undefined {
    this.baseline = request ? { request } : undefined;
    return this.compared();
  }

  /** The current analysis against the baseline, unless it is what was last sent (or nothing is pinned yet). */
  private compared(): PinnedComparison | undefined {
    const { baseline, analysis, resources } = this;
    if (!baseline || !analysis || !resources || this.analysedRevision < baseline.request.revision) return undefined;
    const current = { analysis, resources };
    baseline.side ??= current;
    const comparison = baseline.side === current ? NO_CHANGES : compareAnalyses(baseline.side, current);
    if (baseline.sent && sameData(baseline.sent.comparison, comparison)) return undefined;
    return (baseline.sent = { pin: baseline.request.pin, comparison });
  }

  answer<Q extends Question>(question: Q): Answer<Q> {
    // About texts, not the analysed one: answered afresh (and kept out of the cache their texts would bloat).
    if (question.kind === 'preview') return previewChange(question.before, question.after, this.file) as Answer<Q>;
    if (question.kind === 'plan') return planGesture(question.text, question.gesture) as Answer<Q>;
    const key = JSON.stringify(question);
    if (this.answered.has(key)) return this.answered.get(key) as Answer<Q>;
    const answer = this.answerAny(question);
    if (this.answered.size >= MAX_KEPT_ANSWERS) this.answered.clear();
    if (this.analysis) this.answered.set(key, answer);
    return answer as Answer<Q>;
  }

  private answerAny(question: Exclude<Question, { kind: 'preview' | 'plan' }>): Answer<Question> {
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
