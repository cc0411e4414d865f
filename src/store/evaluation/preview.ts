/**
 * What a proposed text would change before it is written (the Review change dialog): both texts
 * evaluated from scratch, beside the session's incremental state (which a preview must not touch),
 * and compared pair by pair with the engine's connectivity diff. In one address space: when only
 * one of them names IPv6 addresses, the other is evaluated with the IPv6 space carved too, so those
 * addresses are compared instead of listed as endpoints added.
 */
import { connectivityDiff, connectivityDiffLines, type PairChange } from '../../engine';
import { parseManifests } from '../../model';
import type { Diagnostic } from '../../model/source';
import type { ClusterResources } from '../../model/types';
import { comparableAnalyses } from '../../plans';

/** Changed pairs a preview lists, at most; it counts them all. */
export const PREVIEW_PAIRS_LISTED = 200;

export interface Preview {
  /** In the diff's order; at most PREVIEW_PAIRS_LISTED. */
  readonly changes: readonly PairChange[];
  /** Every pair whose allowed connections change. */
  readonly changedPairs: number;
  readonly endpointsAdded: readonly string[];
  readonly endpointsRemoved: readonly string[];
  /** The change in sentences (`Allows: a → b TCP 5432. Nothing else changes.`), of the listed pairs. */
  readonly lines: readonly string[];
  /** Errors of the proposed text that the current one does not have: what the change would break. */
  readonly newErrors: readonly string[];
}

interface Side {
  readonly resources: ClusterResources;
  readonly errors: readonly Diagnostic[];
}

function read(text: string, file: string): Side {
  const { resources, diagnostics } = parseManifests([{ file, text }]);
  return { resources, errors: diagnostics.filter((d) => d.severity === 'error') };
}

/** What changes from `current` to `proposed` (both whole texts of the editor's stream). */
export function previewChange(current: string, proposed: string, file: string): Preview {
  const before = read(current, file);
  const after = read(proposed, file);
  const diff = connectivityDiff(...comparableAnalyses(before.resources, after.resources));
  const changes = diff.changes.slice(0, PREVIEW_PAIRS_LISTED);
  const known = new Set(before.errors.map((d) => d.message));
  return {
    changes,
    changedPairs: diff.changes.length,
    endpointsAdded: diff.endpointsAdded,
    endpointsRemoved: diff.endpointsRemoved,
    lines: connectivityDiffLines({ ...diff, changes }),
    newErrors: after.errors.filter((d) => !known.has(d.message)).map((d) => d.message),
  };
}
