/**
 * Comment directives: `# netpol-canvas: ignore <code> [<code> …]` anywhere in a document silences
 * those gotcha codes for the NetworkPolicies of that document (codes separated by spaces, tabs or
 * commas). Comments are read from the text, as the YAML tree keeps no comments. One pattern reads
 * them and places a code added to one (the quick fix), within its line: a comment ends there.
 */
const DIRECTIVE = String.raw`#[ \t]*netpol-canvas:[ \t]*ignore[ \t]+([a-z0-9][a-z0-9, \t-]*)`;
const DIRECTIVES = new RegExp(DIRECTIVE, 'g');

/** The codes a document's text silences, in order of appearance, without repeats. */
export function silencedCodes(text: string): string[] {
  if (!text.includes('netpol-canvas:')) return [];
  const codes = [...text.matchAll(DIRECTIVES)].flatMap((m) => m[1]!.split(/[\s,]+/).filter((code) => code !== ''));
  return [...new Set(codes)];
}

/** Just after the last code of the first directive of `text`: where another code joins it. None without one. */
export function directiveEnd(text: string): number | undefined {
  const match = new RegExp(DIRECTIVE).exec(text);
  return match ? match.index + match[0].trimEnd().length : undefined;
}
