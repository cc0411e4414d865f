/** An import waiting for the user's choice: what was accepted, what was refused, what each choice makes. */
import { joinFiles, type NamedText } from './join';
import { planImport, type ImportMode, type ImportPlan } from './plan';
import { isRefused, type RefusedFile, type ScreenedFile } from './screen';

export interface PendingImport {
  /** Names of the files that will be imported, in order. */
  readonly accepted: readonly string[];
  readonly refused: readonly RefusedFile[];
  /** What replacing and adding make; `null` when no file was accepted, so there is no choice. */
  readonly plans: Readonly<Record<ImportMode, ImportPlan>> | null;
}

/**
 * Screened files against the current text. Both choices are planned up front, so one that would
 * go over the size limit is shown as unavailable (and why) before anyone picks it.
 */
export function prepareImport(current: string, files: readonly ScreenedFile[]): PendingImport {
  const refused = files.filter(isRefused);
  const accepted = files.filter((f): f is NamedText => !isRefused(f));
  if (accepted.length === 0) return { accepted: [], refused, plans: null };
  const joined = joinFiles(accepted);
  return {
    accepted: accepted.map((f) => f.name),
    refused,
    plans: { replace: planImport(current, joined, 'replace'), add: planImport(current, joined, 'add') },
  };
}
