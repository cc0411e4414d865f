/**
 * What the gallery offers: the examples under their headings, then the lessons, each an entry with
 * the value that opens it (`lesson:<id>` for a lesson, the example's id otherwise), and the filter
 * the dialog's search field applies. Pure: the dialog renders these and tests read them.
 */
import { EXAMPLES, EXAMPLE_SECTIONS } from '../app/exampleList';
import { LESSONS } from '../lessons/lessons';

export interface GalleryEntry {
  /** What `choose` receives: an example id, or `lesson:<id>`. */
  readonly value: string;
  readonly title: string;
  readonly description: string;
}

export interface GallerySection {
  readonly heading: string;
  /** A line under the heading: what its entries have in common. */
  readonly note?: string;
  readonly entries: readonly GalleryEntry[];
}

const LESSON_PREFIX = 'lesson:';

/** The lesson a gallery value opens, if it opens one. */
export function lessonChoice(value: string): string | undefined {
  return value.startsWith(LESSON_PREFIX) ? value.slice(LESSON_PREFIX.length) : undefined;
}

export const LESSONS_HEADING = 'Lessons';

/** Every section, in the order a class meets them; lessons last. */
export const GALLERY: readonly GallerySection[] = [
  ...EXAMPLE_SECTIONS.map((heading) => ({
    heading,
    entries: EXAMPLES.filter((e) => e.section === heading).map(({ id, title, description }) => ({
      value: id,
      title,
      description,
    })),
  })),
  {
    heading: LESSONS_HEADING,
    note: 'In the order a class is taught: predict a few pairs, then edit the YAML until the goals pass.',
    entries: LESSONS.map((lesson, i) => ({
      value: `${LESSON_PREFIX}${lesson.id}`,
      title: `${i + 1}. ${lesson.title}`,
      description: lesson.summary,
    })),
  },
];

/**
 * The sections with only the entries every word of `query` is found in (title, description or
 * heading, any case); sections left empty are dropped. An empty query keeps everything.
 */
export function filterGallery(sections: readonly GallerySection[], query: string): GallerySection[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return sections
    .map((section) => ({
      ...section,
      entries: section.entries.filter((entry) => {
        const text = `${entry.title} ${entry.description} ${section.heading}`.toLowerCase();
        return words.every((word) => text.includes(word));
      }),
    }))
    .filter((section) => section.entries.length > 0);
}

/** A description's `code` spans, as alternating plain and code parts (code at odd indices). */
export function codeSpans(text: string): string[] {
  return text.split('`');
}
