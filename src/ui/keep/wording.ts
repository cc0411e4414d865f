/** Every sentence the keep and share UI says, in one place (engine/messages.ts does the same). */
import type { SaveStatus } from '../../store/persistence/keepState';
import type { LinkProblem } from '../../store/persistence/shareLink';
import type { RestoreReason } from '../../store/persistence/types';

/** What just happened, and what became of the work it replaced. */
export const REPLACED: Record<RestoreReason, { readonly done: string; readonly kept: string }> = {
  new: { done: 'Started a new document.', kept: 'Your previous work is kept as a restore point.' },
  example: { done: 'Loaded the example.', kept: 'Your previous work is kept as a restore point.' },
  file: { done: 'Opened the file.', kept: 'Your previous work is kept as a restore point.' },
  share: { done: 'Opened the shared link.', kept: 'Your own work is kept as a restore point.' },
  restore: { done: 'Restored.', kept: 'The work it replaced is kept as a restore point.' },
  otherTab: { done: 'Loaded the other tab’s work.', kept: 'This tab’s work is kept as a restore point.' },
  savedOver: { done: 'Kept this tab’s work.', kept: 'The other tab’s work is kept as a restore point.' },
  lesson: { done: 'Opened the lesson.', kept: 'Your previous work is kept as a restore point.' },
  solution: { done: 'Loaded the solution.', kept: 'Your attempt is kept as a restore point.' },
};

/** A restore point's title in the list: whose work it is, and what replaced it. */
export const POINT_TITLE: Record<RestoreReason, string> = {
  new: 'Before “New”',
  example: 'Before an example was loaded',
  file: 'Before a file was opened',
  share: 'Before a shared link was opened',
  restore: 'Before a restore point was restored',
  otherTab: 'This tab’s work, before the other tab’s was loaded',
  savedOver: 'Another tab’s work, before this tab saved over it',
  lesson: 'Before a lesson was opened',
  solution: 'Your attempt, before the lesson’s solution was loaded',
};

/** The Share dialog in lesson mode. */
export function linkOpensLesson(title: string): string {
  return `Whoever opens it lands in the lesson “${title}” with this text, its predictions not yet answered.`;
}

export const LINK_PROBLEM: Record<LinkProblem, string> = {
  damaged:
    'This share link is damaged or incomplete — probably cut off or changed on its way — so nothing was opened. Your work is unchanged.',
  'newer-version': 'This share link was made by a newer version of Netpol Canvas, so nothing was opened. Your work is unchanged.',
  'too-large': 'This share link unpacks into far more text than the app accepts, so nothing was opened. Your work is unchanged.',
};

export const STATUS: Record<SaveStatus, { readonly label: string; readonly title: string }> = {
  saved: { label: 'Saved', title: 'Your work is saved in this browser.' },
  pending: { label: 'Saving…', title: 'Your latest changes are about to be saved in this browser.' },
  behind: { label: 'Not saved', title: 'Another tab saved different work: choose above which to keep.' },
  failed: { label: 'Not saved', title: 'The browser refused to save: see above.' },
};

export const BEHIND =
  'Another tab saved different work. This tab stopped saving, so neither overwrites the other: choose which to keep — the other becomes a restore point.';

export const OTHER_TAB =
  'Netpol Canvas is also open in another tab. Neither tab saves over the other’s changes: if they differ, you choose which to keep.';

export const failed = (why: string | null) =>
  `Your work is not being saved: the browser refused${why ? ` (${why})` : ''}. Download it to keep it.`;

export const pointsCount = (n: number) =>
  n === 0 ? 'No restore points yet' : `${n} restore ${n === 1 ? 'point' : 'points'}: work that something replaced`;

export const NO_POINTS = 'No restore points yet. New, an example, a file or a share link keep the work they replace here.';

export const POINTS_INTRO = (max: number) =>
  `The newest ${max} pieces of work that something replaced, kept in this browser. Restoring one keeps the current work as a restore point too.`;

export const linkTooLong = (length: number, limit: number) =>
  `This link would be ${length.toLocaleString('en')} characters long. Links over ${limit.toLocaleString('en')} characters get cut off by some browsers, chat tools and mail clients, so it was not copied. Download the YAML and send the file instead (it holds the text, not the layout).`;

export const LINK_COPIED = 'Link copied. It holds the whole text and layout: whoever opens it sees this work. Nothing is uploaded.';
export const LINK_NOT_COPIED = 'Copy the link below. It holds the whole text and layout: whoever opens it sees this work. Nothing is uploaded.';
