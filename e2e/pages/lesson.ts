/** Lesson mode: choosing a lesson, the cover's predictions, the Lesson tab's goals, hints and solution. */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { readLesson, type Lesson } from '../../src/model/lesson';
import { GalleryPage } from './gallery';

/** A lesson file of public/lessons/, as the app reads it. */
export function lessonFile(id: string): Lesson {
  return readLesson(readFileSync(new URL(`../../public/lessons/${id}.yaml`, import.meta.url), 'utf8')).lesson!;
}

export class LessonPage {
  constructor(private readonly page: Page) {}

  /** Chooses a lesson in the gallery (examples and lessons) and waits for its tab. */
  async open(id: string): Promise<void> {
    await new GalleryPage(this.page).choose(`lesson:${id}`);
    await expect(this.panel()).toBeVisible();
  }

  /** The Lesson tab's content. */
  panel(): Locator {
    return this.page.getByTestId('lesson');
  }

  tab(): Locator {
    return this.page.getByTestId('tab-lesson');
  }

  title(): Locator {
    return this.panel().locator('#lesson-title');
  }

  /** The cover over the graph pane, which asks the predictions. */
  cover(): Locator {
    return this.page.getByTestId('lesson-cover');
  }

  /** What the cover hides: inert while it is there. */
  coveredPane(): Locator {
    return this.page.locator('.graph-gate-content');
  }

  question(index: number): Locator {
    return this.cover().getByTestId('prediction').nth(index);
  }

  async answer(index: number, answer: 'allowed' | 'denied'): Promise<void> {
    await this.question(index).getByTestId(`predict-${answer}`).click();
  }

  async showGraph(): Promise<void> {
    await this.cover().getByTestId('show-graph').click();
    await expect(this.cover()).toHaveCount(0);
  }

  /** The record of the answers in the Lesson tab. */
  recordedAnswers(): Locator {
    return this.panel().getByTestId('predictions-record').getByTestId('prediction');
  }

  goals(): Locator {
    return this.panel().getByTestId('lesson-goal');
  }

  metGoals(): Locator {
    return this.panel().locator('[data-testid="lesson-goal"][data-passed="true"]');
  }

  status(): Locator {
    return this.panel().getByTestId('lesson-status');
  }

  complete(): Locator {
    return this.panel().getByTestId('lesson-complete');
  }

  hints(): Locator {
    return this.panel().getByTestId('lesson-hint');
  }

  async nextHint(): Promise<void> {
    await this.panel().getByTestId('next-hint').click();
  }

  async toggleSolution(): Promise<void> {
    await this.panel().getByTestId('show-solution').click();
  }

  solutionSummary(): Locator {
    return this.panel().getByTestId('solution-summary');
  }

  /** Lines of the solution diff of a kind: `added`, `removed`, `context`. */
  diffLines(kind: 'added' | 'removed' | 'context'): Locator {
    return this.panel().getByTestId('solution-diff').locator(`.diff-line[data-kind="${kind}"]`);
  }

  async useSolution(): Promise<void> {
    await this.panel().getByTestId('use-solution').click();
  }

  async leave(): Promise<void> {
    await this.panel().getByTestId('leave-lesson').click();
  }
}
