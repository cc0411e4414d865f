/**
 * Codes of the problems that may have a quick fix (quick-fixes.ts): a repair, or a comment that
 * silences the note for its policy. A module of its own, importing only the engine's list of codes,
 * so the editor can ask only about these without loading the fixes' code.
 */
import { GOTCHA_CODES } from '../engine/messages';

/**
 * What `# netpol-canvas: ignore <code>` silences for the policies of its document: the gotchas, and
 * the engine's other notes on a policy that may be meant (a named port the pods do not define yet,
 * a policy for pods still to come).
 */
export const SILENCEABLE_CODES: ReadonlySet<string> = new Set([...GOTCHA_CODES, 'named-port-unresolved', 'policy-selects-nothing']);

export const FIXABLE_CODES: ReadonlySet<string> = new Set([
  'peers-split',
  'peers-joined',
  'namespace-defaulted',
  'egress-without-dns',
  'port-protocol-defaulted',
  'wrong-type',
  ...SILENCEABLE_CODES,
]);
