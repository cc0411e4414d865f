/**
 * The lessons the app offers, in the order they are taught. Each is a file the app serves from
 * /lessons/ (public/lessons/<id>.yaml, read with model/lesson.ts when chosen, as examples are);
 * lessons.test.ts checks this list against the files and their titles.
 */

export interface LessonEntry {
  /** The file's name without `.yaml`. */
  readonly id: string;
  readonly title: string;
}

export const LESSONS: readonly LessonEntry[] = [
  { id: '01-pods-talk-freely', title: 'Pods talk freely' },
  { id: '02-default-deny', title: 'Default deny' },
  { id: '03-allow-by-pod-label', title: 'Allow by pod label' },
  { id: '04-from-another-namespace', title: 'From another namespace' },
  { id: '05-and-or-between-peers', title: 'AND or OR between peers' },
  { id: '06-ports-ranges-named-ports', title: 'Ports, ranges and named ports' },
  { id: '07-egress-and-the-dns-trap', title: 'Egress and the DNS trap' },
  { id: '08-ipblock-and-the-outside-world', title: 'ipBlock and the outside world' },
  { id: '09-cluster-wide-guardrails', title: 'Cluster-wide guardrails' },
];

/** The lesson of this id, and its place in the list (0-based); undefined for an id the app has not. */
export function lessonEntry(id: string): (LessonEntry & { readonly index: number }) | undefined {
  const index = LESSONS.findIndex((l) => l.id === id);
  return index < 0 ? undefined : { ...LESSONS[index]!, index };
}

/** The lesson taught after this one; undefined after the last. */
export function nextLesson(id: string): LessonEntry | undefined {
  const entry = lessonEntry(id);
  return entry && LESSONS[entry.index + 1];
}

/** `Lesson 3 of 9`. */
export function lessonNumber(id: string): string {
  const entry = lessonEntry(id);
  return entry ? `Lesson ${entry.index + 1} of ${LESSONS.length}` : 'Lesson';
}

/**
 * The file of a lesson of the list. Only ids of the list are fetched: an id comes from a share
 * link or storage, and never names anything else.
 */
export async function lessonFile(id: string): Promise<string> {
  if (!lessonEntry(id)) throw new Error(`There is no lesson “${id}” in this version of the app.`);
  const response = await fetch(`${import.meta.env.BASE_URL}lessons/${id}.yaml`);
  if (!response.ok) throw new Error(`The lesson “${id}” could not be loaded (HTTP ${response.status}).`);
  return response.text();
}
