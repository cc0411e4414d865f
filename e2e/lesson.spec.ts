/**
 * Lesson mode, as a student goes through a lesson: predictions over a covered graph (one of them
 * wrong), goals failing, the fix typed in the editor, goals turning green, "Lesson complete"; the
 * solution as a diff; progress kept across a reload; a share link that opens in a lesson.
 */
import { LESSONS } from '../src/ui/lessons/lessons';
import { EditorPage, expect, GraphPage, KeepPage, LessonPage, lessonFile, test } from './fixtures';

const ID = '03-allow-by-pod-label';
const LESSON = lessonFile(ID);
const DB = 'shop/db[Pod]';

test('a lesson from start to solution: predict, see the goals fail, type the fix, complete it', async ({ page, editor, graph, lesson, keep }) => {
  await lesson.open(ID);
  await expect(keep.keptNotice()).toContainText('Opened the lesson.');
  await expect(lesson.title()).toHaveText(LESSON.title);
  expect(await editor.text()).toBe(LESSON.start);

  // The graph stays hidden, to keyboards and screen readers too, until every prediction is answered.
  await expect(lesson.cover()).toBeVisible();
  await expect(lesson.coveredPane()).toHaveAttribute('inert', '');
  await expect(lesson.question(0)).toContainText('Can shop/api[Pod] reach shop/db[Pod] on TCP 5432?');
  await expect(lesson.question(1)).toContainText('Can shop/db[Pod] reach 203.0.113.7 on TCP 443?');
  // default-deny isolates the database for Ingress: denied. Egress is not isolated: allowed.
  await lesson.answer(0, 'allowed');
  await expect(lesson.question(0)).toHaveAttribute('data-state', 'wrong');
  await expect(lesson.question(0)).toContainText('Not quite: it is denied, not allowed.');
  await expect(lesson.cover()).toBeVisible();
  await lesson.answer(1, 'allowed');
  await expect(lesson.question(1)).toHaveAttribute('data-state', 'right');
  await expect(lesson.question(1)).toContainText('Right: it is allowed.');
  // An answer is final.
  await expect(lesson.question(0).getByTestId('predict-denied')).toBeDisabled();
  await lesson.showGraph();
  await expect(lesson.coveredPane()).not.toHaveAttribute('inert');
  await expect(graph.node(DB)).toBeVisible();
  await expect(lesson.recordedAnswers()).toHaveCount(2);
  await expect(lesson.recordedAnswers().nth(0)).toHaveAttribute('data-state', 'wrong');

  // Goals: api → db on TCP 5432 is what is missing.
  await expect(lesson.goals()).toHaveCount(LESSON.goals.length);
  await expect(lesson.metGoals()).toHaveCount(LESSON.goals.length - 1);
  await expect(lesson.goals().nth(0)).toHaveAttribute('data-passed', 'false');
  await expect(lesson.status()).toContainText(`${LESSON.goals.length - 1} of ${LESSON.goals.length} goals met.`);
  await expect(lesson.complete()).toHaveCount(0);

  // Hints come one at a time; the last one has YAML to copy.
  await lesson.nextHint();
  await expect(lesson.hints()).toHaveCount(1);
  await lesson.nextHint();
  await lesson.nextHint();
  await expect(lesson.hints()).toHaveCount(LESSON.hints.length);
  await expect(lesson.hints().last().locator('pre')).toContainText('name: db-allow-api');

  // The solution as a diff of the text: the policy to add, each line marked in words too.
  await lesson.toggleSolution();
  const fix = LESSON.solution.slice(LESSON.start.length);
  expect(LESSON.solution.startsWith(LESSON.start)).toBe(true);
  await expect(lesson.diffLines('added')).toHaveCount(fix.split('\n').length - 1);
  await expect(lesson.diffLines('removed')).toHaveCount(0);
  await expect(lesson.diffLines('added').first()).toContainText('+');
  await expect(lesson.diffLines('added').first().locator('.visually-hidden')).toHaveText('added:');
  await expect(lesson.solutionSummary()).toContainText(`The solution adds ${fix.split('\n').length - 1} lines and removes 0 lines.`);

  // The fix, typed after the last document.
  const lines = LESSON.start.split('\n').length;
  const typing = await keep.now();
  await editor.cursorAt(lines, 1);
  await editor.type(fix);
  expect(await editor.text()).toBe(LESSON.solution);
  await expect(lesson.metGoals()).toHaveCount(LESSON.goals.length);
  await expect(lesson.complete()).toContainText('Lesson complete');
  await expect(lesson.complete().getByTestId('next-lesson')).toContainText('From another namespace');
  await expect(lesson.solutionSummary()).toHaveText('Your text is the solution.');

  // Progress comes back after a reload, with the text.
  await keep.savedSince(typing);
  await page.reload();
  await new EditorPage(page).ready();
  await expect(lesson.panel()).toBeVisible();
  await expect(lesson.cover()).toHaveCount(0);
  await expect(lesson.hints()).toHaveCount(LESSON.hints.length);
  await expect(lesson.recordedAnswers().nth(1)).toHaveAttribute('data-state', 'right');
  await expect(lesson.complete()).toBeVisible();

  await lesson.leave();
  await expect(lesson.tab()).toHaveCount(0);
  await expect(page.getByTestId('tab-details')).toHaveAttribute('aria-selected', 'true');
});

test('"Use the solution" replaces the text and keeps the attempt as a restore point', async ({ editor, lesson, keep }) => {
  await lesson.open(ID);
  await lesson.answer(0, 'denied');
  await lesson.answer(1, 'allowed');
  await lesson.showGraph();
  await lesson.useSolution();
  await expect.poll(() => editor.text()).toBe(LESSON.solution);
  await expect(keep.keptNotice()).toContainText('Your attempt is kept as a restore point.');
  await expect(lesson.complete()).toBeVisible();
  const points = await keep.restorePoints();
  await expect(points.first()).toContainText('Your attempt, before the lesson’s solution was loaded');
});

test('a share link carries the lesson: the student lands in it with the text of the link', async ({ browser, editor, lesson, keep }) => {
  await lesson.open(ID);
  await editor.cursorAt(1, 1);
  await editor.type('# for the class\n');
  const link = await keep.share();
  await expect(keep.shareDialog().getByTestId('share-lesson')).toContainText(`lands in the lesson “${LESSON.title}”`);

  const fresh = await browser.newContext();
  const student = await fresh.newPage();
  await new KeepPage(student).open(link);
  const studentLesson = new LessonPage(student);
  await expect(studentLesson.title()).toHaveText(LESSON.title);
  await expect(studentLesson.cover()).toBeVisible();
  await expect.poll(() => new EditorPage(student).text()).toBe(`# for the class\n${LESSON.start}`);
  await studentLesson.answer(0, 'denied');
  await studentLesson.answer(1, 'allowed');
  await studentLesson.showGraph();
  await expect(new GraphPage(student).node(DB)).toBeVisible();
  await fresh.close();
});

test('the lessons are in the gallery, reachable from the keyboard', async ({ page, lesson, gallery }) => {
  await gallery.button().focus();
  await page.keyboard.press('Enter');
  await expect(gallery.filter()).toBeFocused();
  await expect(gallery.dialog().getByRole('region', { name: 'Lessons' }).getByRole('listitem')).toHaveCount(LESSONS.length);
  // Typing narrows the cards (every word must match: "lesson" leaves out the example of the same
  // name); Enter opens the first one left.
  await page.keyboard.type(`lesson ${LESSONS.at(-1)!.title}`);
  await page.keyboard.press('Enter');
  await expect(lesson.title()).toHaveText(LESSONS.at(-1)!.title);
  await expect(lesson.tab()).toHaveAttribute('aria-selected', 'true');
});
