/**
 * "Predict then check": each prediction asks whether a pair can talk. On the cover over the graph
 * (`ask`) the student answers allowed or denied, once, and sees at once whether the engine agrees
 * (on the lesson's start); the Lesson tab keeps the record of the answers (`record`).
 */
import type { Prediction } from '../../model/lesson';
import type { LessonProgress } from '../../store/types';
import { useActions } from '../../store/react';
import { answerPrediction, isRight, type Answer } from './progress';
import type { PredictionVerdict } from './readLessonFile';
import { answerFeedback, predictionQuestion } from './wording';

const ANSWERS: readonly Answer[] = ['allowed', 'denied'];

interface RowProps {
  readonly prediction: Prediction;
  readonly index: number;
  readonly progress: LessonProgress;
  readonly verdict: PredictionVerdict;
  readonly mode: 'ask' | 'record';
}

function Choices({ index, progress, questionId }: { index: number; progress: LessonProgress; questionId: string }) {
  const actions = useActions();
  const answer = progress.answers[index];
  return (
    <div className="prediction-answers" role="group" aria-labelledby={questionId}>
      {ANSWERS.map((choice) => (
        <button
          key={choice}
          type="button"
          className="button"
          aria-pressed={answer === choice}
          // Not `disabled`: the answer is final, but the focus stays where the student pressed.
          aria-disabled={answer !== undefined}
          data-testid={`predict-${choice}`}
          onClick={() => actions.setView({ lesson: answerPrediction(progress, index, choice) })}
        >
          {choice === 'allowed' ? 'Allowed' : 'Denied'}
        </button>
      ))}
    </div>
  );
}

function PredictionRow({ prediction, index, progress, verdict, mode }: RowProps) {
  const answer = progress.answers[index];
  const questionId = `prediction-${mode}-${index}`;
  const right = answer !== undefined && isRight(answer, verdict);
  const state = answer === undefined ? 'open' : right ? 'right' : 'wrong';
  return (
    <li className={`prediction is-${state}`} data-testid="prediction" data-state={state}>
      <p id={questionId} className="prediction-question">
        {predictionQuestion(prediction)}
      </p>
      {mode === 'ask' && <Choices index={index} progress={progress} questionId={questionId} />}
      {/* In `ask`, a live region from the start, so the verdict is read out as it appears. */}
      <p className="prediction-feedback" role={mode === 'ask' ? 'status' : undefined} data-testid="prediction-feedback">
        {answer !== undefined && (
          <>
            <span className="check-mark" aria-hidden="true">
              {right ? '✓' : '✗'}
            </span>{' '}
            {answerFeedback(answer, verdict)}
          </>
        )}
        {answer === undefined && mode === 'record' && <span className="muted">Not answered yet: answer it over the graph.</span>}
      </p>
    </li>
  );
}

export function Predictions({ predictions, verdicts, progress, mode }: {
  predictions: readonly Prediction[];
  verdicts: readonly PredictionVerdict[];
  progress: LessonProgress;
  mode: 'ask' | 'record';
}) {
  return (
    <ol className="predictions" data-testid={`predictions-${mode}`}>
      {predictions.map((prediction, index) => (
        <PredictionRow key={index} prediction={prediction} index={index} progress={progress} verdict={verdicts[index]!} mode={mode} />
      ))}
    </ol>
  );
}
