import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readLesson } from '../../model/lesson';
import { LESSONS, lessonFile, lessonNumber, nextLesson } from './lessons';

const FOLDER = new URL('../../../public/lessons/', import.meta.url);
const FILES = readdirSync(FOLDER).filter((f) => f.endsWith('.yaml')).sort();

describe('the lesson list', () => {
  it('offers every file of public/lessons/, in order, by its own title', () => {
    const files = FILES.map((file) => ({
      id: file.replace(/\.yaml$/, ''),
      title: readLesson(readFileSync(new URL(file, FOLDER), 'utf8')).lesson?.title,
    }));
    expect(LESSONS.map(({ id, title }) => ({ id, title }))).toEqual(files);
  });

  it('goes from one lesson to the next, and numbers them', () => {
    expect(nextLesson(LESSONS[0]!.id)).toBe(LESSONS[1]);
    expect(nextLesson(LESSONS.at(-1)!.id)).toBeUndefined();
    expect(nextLesson('no-such-lesson')).toBeUndefined();
    expect(lessonNumber(LESSONS[2]!.id)).toBe(`Lesson 3 of ${LESSONS.length}`);
  });
});

describe('a lesson file', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is fetched from the app’s lessons folder, and only for a lesson of the list', async () => {
    const fetch = vi.fn(async () => new Response('title: T\n'));
    vi.stubGlobal('fetch', fetch);
    expect(await lessonFile(LESSONS[0]!.id)).toBe('title: T\n');
    expect(fetch).toHaveBeenCalledWith(`/lessons/${LESSONS[0]!.id}.yaml`);
    await expect(lessonFile('../index')).rejects.toThrow('There is no lesson “../index”');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
