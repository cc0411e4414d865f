/**
 * Comment directives: `# netpol-canvas: ignore <code> [<code> …]` anywhere in a document silences
 * those gotcha codes for the NetworkPolicies of that document (codes separated by spaces or commas).
 * Comments are read from the text, as the YAML tree keeps no comments.
 */
const DIRECTIVE = /#\s*netpol-canvas:\s*ignore\s+([a-z0-9][a-z0-9, -]*)/g;

/** The codes a document's text silences, in order of appearance, without repeats. */
export function silencedCodes(text: string): string[] {
  if (!text.includes('netpol-canvas:')) return [];
  const codes = [...text.matchAll(DIRECTIVE)].flatMap((m) => m[1]!.split(/[\s,]+/).filter((code) => code !== ''));
  return [...new Set(codes)];
}
