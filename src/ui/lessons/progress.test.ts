import { describe, expect, it } from 'vitest';
import type { ExpectationResult } from '../../engine';
import { readLesson } from '../../model/lesson';
import { startLesson } from '../../store/lessonProgress';
import { answerPrediction, isRight, lessonStatus, showNextHint, unanswered } from './progress';
import { answerFeedback, coverText, goalsSummary, predictionQuestion } from './wording';

const goal = (passed: boolean) => ({ passed }) as ExpectationResult;

describe('a student’s progress in a lesson', () => {
  it('answers each prediction once: the verdict it showed cannot be taken back', () => {
    let progress = startLesson('03-allow-by-pod-label');
    expect(unanswered(progress, 2)).toBe(2);
    progress = answerPrediction(progress, 1, 'denied');
    expect(unanswered(progress, 2)).toBe(1);
    expect(answerPrediction(progress, 1, 'allowed')).toBe(progress);
    progress = answerPrediction(progress, 0, 'allowed');
    expect(progress.answers).toEqual({ 0: 'allowed', 1: 'denied' });
    expect(unanswered(progress, 2)).toBe(0);
  });

  it('shows hints one at a time, up to the last', () => {
    let progress = startLesson('x');
    progress = showNextHint(showNextHint(progress, 2), 2);
    expect(progress.hints).toBe(2);
    expect(showNextHint(progress, 2)).toBe(progress);
  });

  it('marks an answer by the engine’s verdict', () => {
    expect(isRight('allowed', 'allowed')).toBe(true);
    expect(isRight('allowed', 'denied')).toBe(false);
    expect(isRight('denied', 'partly')).toBe(false);
    expect(answerFeedback('denied', 'denied')).toBe('Right: it is denied.');
    expect(answerFeedback('allowed', 'denied')).toBe('Not quite: it is denied, not allowed.');
  });

  it('is complete only when every goal holds on an evaluated text without errors', () => {
    expect(lessonStatus([goal(true), goal(true)], true, false)).toBe('complete');
    expect(lessonStatus([goal(true), goal(false)], true, false)).toBe('working');
    expect(lessonStatus([goal(true), goal(true)], true, true)).toBe('errors');
    expect(lessonStatus([goal(true), goal(true)], false, false)).toBe('checking');
  });
});

describe('lesson wording', () => {
  const lesson = readLesson(`title: T
story: S
start: "a: 1"
solution: "a: 2"
goals: [{from: "x/a[Pod]", to: "x/b[Pod]", expect: allowed}]
predict:
  - {from: "shop/web[Pod]", to: "shop/db[Pod]", ports: [TCP/5432]}
  - {from: 203.0.113.7, to: "shop/db[Pod]"}
  - {from: {namespace: dev}, to: "shop/db[Pod]", ports: [TCP/80, UDP/53]}
`).lesson!;

  it('asks each prediction as a question', () => {
    expect(lesson.predict.map(predictionQuestion)).toEqual([
      'Can shop/web[Pod] reach shop/db[Pod] on TCP 5432?',
      'Can 203.0.113.7 reach shop/db[Pod] at all?',
      'Can namespace dev reach shop/db[Pod] on TCP 80,UDP 53?',
    ]);
  });

  it('counts what is left', () => {
    expect(coverText(2)).toContain('answered these 2 questions');
    expect(coverText(1)).toContain('answered the last question');
    expect(goalsSummary([goal(true), goal(false), goal(false)])).toBe('1 of 3 goals met.');
    expect(goalsSummary([goal(true), goal(true)])).toBe('All 2 goals are met.');
  });
});
