/**
 * The lessons the app offers, in the order they are taught. Each is a file the app serves from
 * /lessons/ (public/lessons/<id>.yaml, read with model/lesson.ts when chosen, as examples are);
 * lessons.test.ts checks this list against the files and their titles.
 */

export interface LessonEntry {
  /** The file's name without `.yaml`. */
  readonly id: string;
  readonly title: string;
  /** What the student works out, in a line (the gallery's card). */
  readonly summary: string;
}

export const LESSONS: readonly LessonEntry[] = [
  {
    id: '01-pods-talk-freely',
    title: 'Pods talk freely',
    summary: 'With no policy at all, who can reach the shop’s database?',
  },
  {
    id: '02-default-deny',
    title: 'Default deny',
    summary: 'Lock the namespace with a policy that has no rules, and see what it closes.',
  },
  {
    id: '03-allow-by-pod-label',
    title: 'Allow by pod label',
    summary: 'Open the database to the api alone, chosen by its label.',
  },
  {
    id: '04-from-another-namespace',
    title: 'From another namespace',
    summary: 'Prometheus in another namespace cannot read the metrics: why, and the fix.',
  },
  {
    id: '05-and-or-between-peers',
    title: 'AND or OR between peers',
    summary: 'One dash too many lets Grafana in: AND and OR between selectors.',
  },
  {
    id: '06-ports-ranges-named-ports',
    title: 'Ports, ranges and named ports',
    summary: 'Two versions of the api, a port range and a named port.',
  },
  {
    id: '07-egress-and-the-dns-trap',
    title: 'Egress and the DNS trap',
    summary: 'An egress policy that forgot DNS: the api resolves nothing.',
  },
  {
    id: '08-ipblock-and-the-outside-world',
    title: 'ipBlock and the outside world',
    summary: 'Customers and a payment provider outside the cluster: ipBlock and except.',
  },
  {
    id: '09-cluster-wide-guardrails',
    title: 'Cluster-wide guardrails',
    summary: 'ClusterNetworkPolicy tiers: what an Admin Deny or a Pass does to a namespace’s policies.',
  },
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
