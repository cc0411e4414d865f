import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLessonFile } from './readLessonFile';

const lesson03 = readFileSync(new URL('../../../public/lessons/03-allow-by-pod-label.yaml', import.meta.url), 'utf8');

describe('a lesson file made ready to teach', () => {
  it('answers each prediction on the lesson’s start', () => {
    const read = readLessonFile(lesson03);
    // default-deny isolates the database for Ingress only: api → db denied, db → the internet allowed.
    expect('ready' in read && read.ready.verdicts).toEqual(['denied', 'allowed']);
  });

  it('says where a broken file is broken, rather than teach from it', () => {
    expect(readLessonFile('title: T\nstory: S\n')).toEqual({ problem: expect.stringMatching(/^line 1: /) });
    expect(readLessonFile(lesson03.replace('predict:', 'predicted:'))).toEqual({ problem: expect.stringContaining('predicted') });
  });
});
