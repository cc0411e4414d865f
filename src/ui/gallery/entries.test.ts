import { describe, expect, it } from 'vitest';
import { EXAMPLES, EXAMPLE_SECTIONS } from '../app/exampleList';
import { DEFAULT_EXAMPLE_ID } from '../app/examples';
import { LESSONS } from '../lessons/lessons';
import { codeSpans, filterGallery, GALLERY, LESSONS_HEADING, lessonChoice, type GallerySection } from './entries';

const values = (sections: readonly GallerySection[]) => sections.flatMap((s) => s.entries.map((e) => e.value));

describe('the gallery', () => {
  it('offers every example once under its heading, in order, then every lesson', () => {
    expect(GALLERY.map((s) => s.heading)).toEqual([...EXAMPLE_SECTIONS, LESSONS_HEADING]);
    const examples = GALLERY.slice(0, -1).flatMap((s) => s.entries.map((e) => e.value));
    expect([...examples].sort()).toEqual(EXAMPLES.map((e) => e.id).sort());
    expect(GALLERY.at(-1)!.entries.map((e) => lessonChoice(e.value))).toEqual(LESSONS.map((l) => l.id));
    for (const section of GALLERY) expect(section.entries.length, section.heading).toBeGreaterThan(0);
    const descriptions = GALLERY.flatMap((s) => s.entries.map((e) => e.description));
    expect(new Set(descriptions).size, 'a description says what its entry shows, and no other').toBe(descriptions.length);
  });

  it('opens the classic example first: the editor’s default content', () => {
    expect(EXAMPLES[0]!.id).toBe(DEFAULT_EXAMPLE_ID);
    expect(GALLERY[0]!.entries[0]!.value).toBe(DEFAULT_EXAMPLE_ID);
  });

  it('tells a lesson from an example by its value', () => {
    expect(lessonChoice('lesson:02-default-deny')).toBe('02-default-deny');
    expect(lessonChoice('default-deny')).toBeUndefined();
  });

  it('filters by every word, in titles, descriptions and headings, in any case', () => {
    expect(values(filterGallery(GALLERY, ''))).toEqual(values(GALLERY));
    const egress = filterGallery(GALLERY, 'EGRESS');
    expect(values(egress)).toContain('deny-external-egress');
    expect(values(egress)).not.toContain('allow-one-namespace');
    // Every word must match: "lesson" leaves out the cluster-wide example about guardrails.
    expect(values(filterGallery(GALLERY, 'lesson guardrails'))).toEqual(['lesson:09-cluster-wide-guardrails']);
    expect(filterGallery(GALLERY, 'no such thing')).toEqual([]);
  });

  it('keeps only the sections with a match, with their headings', () => {
    const shown = filterGallery(GALLERY, 'upstream');
    expect(shown.map((s) => s.heading)).toEqual(['Whole apps']);
  });

  it('sets a description’s backquoted parts apart as code', () => {
    expect(codeSpans('an empty rule `- {}` opens it')).toEqual(['an empty rule ', '- {}', ' opens it']);
    expect(codeSpans('plain')).toEqual(['plain']);
  });
});
