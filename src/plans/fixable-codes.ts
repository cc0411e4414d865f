/**
 * Codes of the problems that may have a quick fix (quick-fixes.ts). A module of its own, importing
 * nothing, so the editor can ask only about these without loading the fixes' code.
 */
export const FIXABLE_CODES: ReadonlySet<string> = new Set([
  'peers-split',
  'peers-joined',
  'namespace-defaulted',
  'egress-without-dns',
  'port-protocol-defaulted',
  'wrong-type',
]);
