/**
 * The tokens of the nesting scan (nesting.ts), read one line at a time: which characters are YAML
 * structure and which are text, and what each structural one opens (nesting-levels.ts counts it).
 */
import { OpenLevels } from './nesting-levels';

/**
 * Where the scan stands between tokens:
 * - `value`: a value may start here (at the start of a line, after `- `, `: `, `[` or `,`), so a
 *   quote, a bracket or a block scalar header is structure;
 * - `plain`: inside a plain (unquoted) scalar, where they are text, and so is `#` right after text;
 * - `closed`: right after a quoted scalar or a flow collection closed, where a mapping's `:` needs
 *   no space after it (`"a":1`);
 * - `other`: nothing starts here (after a block scalar header, or junk such as a second scalar).
 */
type Place = 'value' | 'plain' | 'closed' | 'other';

/** No block scalar, or no plain scalar, is open (real indentations are ≥ -1). */
const NONE = -2;

export class NestingScanner {
  readonly open: OpenLevels;
  private place: Place = 'other';
  /** The indentation of the parent of a value that starts here (-1 at the top). */
  private parent = -1;
  /** `"` or `'` while inside a quoted scalar, else ''. */
  private quote = '';
  /** A quoted scalar in block context ends at a line indented no more than this. */
  private quoteParent = -1;
  /** Inside a block scalar: lines indented more than this (and blank lines) belong to it. */
  private blockParent = NONE;
  /** The indentation of the parent of the plain scalar being read; a line indented more continues it. */
  private plainParent = NONE;

  constructor(
    private readonly text: string,
    stopAbove: number,
  ) {
    this.open = new OpenLevels(stopAbove);
  }

  /** Reads the line from `pos` to `end` (its `\n`, or the end of the text). */
  scanLine(pos: number, end: number): void {
    const { text } = this;
    let i = pos;
    while (i < end && isSpaceAt(text, i)) i++;
    const indent = i - pos;
    if (i === end || (i === end - 1 && text[i] === '\r')) return; // blank, inside a scalar or not
    let start = i;
    if (indent === 0 && isDocumentMarker(text, pos, end)) {
      this.startDocument();
      if (text[pos] === '.') return;
      start = pos + 3;
      this.place = 'value';
      this.parent = -1;
    } else if (this.blockParent !== NONE && indent > this.blockParent) {
      return; // the body of a block scalar
    } else {
      this.blockParent = NONE;
      if (this.quote && indent <= this.quoteParent) this.quote = ''; // where YAML ends it too
      if (!this.quote && !this.open.inFlow) {
        if (text[i] === '#') {
          this.plainParent = NONE; // a comment line ends a plain scalar
          return;
        }
        start = this.startBlockLine(pos, i, end);
        if (this.open.stopped) return;
      }
    }
    this.scanTokens(pos, start, end);
    this.endLine();
  }

  /** `---` and `...` end whatever is open. */
  private startDocument(): void {
    this.open.startDocument();
    this.quote = '';
    this.blockParent = this.plainParent = NONE;
  }

  /**
   * A line in block context, its first character at `i`: every `- `, `? ` or `: ` at its start
   * opens a level at its column (`- - x` is two lists), the content after them another. Returns
   * where the content starts.
   */
  private startBlockLine(pos: number, i: number, end: number): number {
    const { text, open } = this;
    const continuesPlain = this.plainParent !== NONE && i - pos > this.plainParent;
    open.startBlockLine();
    let j = i;
    while ((text[j] === '-' || text[j] === '?' || text[j] === ':') && isBlankAt(text, j + 1, end)) {
      open.openBlock(2 * (j - pos) + 1, j);
      if (open.stopped) return j;
      j++;
      while (j < end && isSpaceAt(text, j)) j++;
    }
    this.place = 'value';
    if (j < end && text[j] !== '#') {
      open.openBlock(2 * (j - pos), j);
      this.parent = open.parentColumn(); // a value starting here belongs to the level below
      if (continuesPlain && j === i && isScalarStart(text[j])) {
        // `a: b` then `  "c`: the plain scalar `b "c`, no quote (nor block scalar), same parent.
        this.place = 'plain';
      }
    }
    return j;
  }

  /** The tokens from `start` to the end of the line that starts at `pos`. */
  private scanTokens(pos: number, start: number, end: number): void {
    const { text, open } = this;
    const contentColumn = start - pos;
    for (let k = start; k < end && !open.stopped; k++) {
      if (this.quote) {
        k = this.quotedEnd(k, end);
        if (k < end) {
          this.quote = '';
          this.place = 'closed';
        }
        continue;
      }
      const c = text[k]!;
      if (c === ' ' || c === '\t' || c === '\r') continue;
      const afterClose = this.place === 'closed';
      if (afterClose) this.place = 'other';
      if (c === '#' && (this.place !== 'plain' || k === pos || isSpaceAt(text, k - 1))) {
        if (this.place === 'plain') this.place = 'other'; // the next line does not continue it
        return;
      }
      k = open.inFlow ? this.flowToken(c, k, end) : this.blockToken(c, k, end, afterClose, contentColumn);
    }
  }

  /** Where the quoted scalar being read closes on this line, or `end` if it goes on. */
  private quotedEnd(k: number, end: number): number {
    const { text } = this;
    if (this.quote === '"') {
      for (; k < end; k++) {
        if (text[k] === '\\') k++;
        else if (text[k] === '"') return k;
      }
    } else {
      // `''` is an escaped quote.
      for (; k < end; k++) {
        if (text[k] === "'" && text[k + 1] === "'") k++;
        else if (text[k] === "'") return k;
      }
    }
    return end;
  }

  /** One token in flow context, where brackets and commas are structure even right after text. */
  private flowToken(c: string, k: number, end: number): number {
    const { text, open } = this;
    if (c === '[' || c === '{') {
      open.openFlow(c === '{', k);
      this.place = 'value';
    } else if (c === ']' || c === '}') {
      open.closeFlow();
      this.place = 'closed';
    } else if (c === ',') {
      open.nextFlowEntry();
      this.place = 'value';
    } else if (
      c === ':' &&
      // Inside plain text only `: ` or a `:` before an indicator is one (`a:b` and `http://x` are text).
      (this.place !== 'plain' || isBlankAt(text, k + 1, end) || isFlowIndicator(text[k + 1]))
    ) {
      open.flowValue(k);
      this.place = 'value';
    } else if (this.place !== 'value') {
      this.place = 'plain'; // text (after a quoted scalar too: read as a second scalar)
    } else if (c === '"' || c === "'") {
      this.quote = c;
      this.quoteParent = -1; // in flow context, only the closing quote ends it
      this.place = 'other';
    } else if (c === '&' || c === '!') {
      while (k + 1 < end && !isSpaceAt(text, k + 1) && !isFlowIndicator(text[k + 1])) k++; // anchor, tag
    } else if ((c === '-' || c === '?') && isBlankAt(text, k + 1, end)) {
      open.nestInFlowEntry(2, k); // a block list or key inside flow: invalid, but a mapping and a list
    } else {
      this.place = 'plain';
    }
    return k;
  }

  /** One token in block context; `afterClose` when a quoted scalar or flow collection just closed. */
  private blockToken(c: string, k: number, end: number, afterClose: boolean, contentColumn: number): number {
    const { text, open } = this;
    if (c === ':' && (afterClose || isBlankAt(text, k + 1, end))) {
      // A mapping value (right after a quoted key too, as in JSON), a child of this line's content.
      open.blockValue(k);
      this.place = 'value';
      this.parent = contentColumn;
    } else if (this.place === 'plain') {
      k = plainTextEnd(text, k, end);
    } else if (c === '[' || c === '{') {
      open.openFlow(c === '{', k);
      this.place = 'value';
    } else if (c === ']' || c === '}' || this.place !== 'value') {
      this.place = 'other'; // junk, or after a quoted scalar or a flow collection: nothing opens
    } else if (c === '"' || c === "'") {
      this.quote = c;
      this.quoteParent = this.parent;
      this.place = 'other';
    } else if (c === '|' || c === '>') {
      // A block scalar header: its indicators; anything else after them is still read as tokens.
      this.blockParent = this.parent;
      while (k + 1 < end && isHeaderIndicator(text[k + 1])) k++;
      this.place = 'other';
    } else if (c === '&' || c === '!') {
      while (k + 1 < end && !isSpaceAt(text, k + 1)) k++; // an anchor or a tag
    } else if ((c === '-' || c === '?') && isBlankAt(text, k + 1, end)) {
      open.openInline(k);
    } else {
      this.place = 'plain';
      this.plainParent = this.parent;
      k = plainTextEnd(text, k, end);
    }
    return k;
  }

  /**
   * A plain scalar still open in block context goes on to the next line, if indented more than its
   * parent; a block scalar header takes effect only outside quotes and flow collections.
   */
  private endLine(): void {
    if (this.quote || this.open.inFlow) this.blockParent = this.plainParent = NONE;
    else if (this.place !== 'plain') this.plainParent = NONE;
  }
}

/**
 * The last character from `k` on that is surely text of a plain scalar in block context, where
 * brackets and quotes are text: only a `:` or a `#` can end it. (Most of a manifest is such text.)
 */
function plainTextEnd(text: string, k: number, end: number): number {
  while (k + 1 < end) {
    const next = text.charCodeAt(k + 1);
    if (next === 58 /* : */ || next === 35 /* # */) break;
    k++;
  }
  return k;
}

/** Space or tab, YAML's white space. */
function isSpaceAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 32 || code === 9;
}

/** The end of the line, white space or a carriage return. */
function isBlankAt(text: string, at: number, end: number): boolean {
  return at >= end || isSpaceAt(text, at) || text.charCodeAt(at) === 13;
}

function isFlowIndicator(c: string | undefined): boolean {
  return c === ',' || c === '[' || c === ']' || c === '{' || c === '}';
}

/** A quote or a block scalar header, where a value starts. */
function isScalarStart(c: string | undefined): boolean {
  return c === '"' || c === "'" || c === '|' || c === '>';
}

/** The chomping and indentation indicators after `|` or `>`. */
function isHeaderIndicator(c: string | undefined): boolean {
  return c === '+' || c === '-' || (c !== undefined && c >= '0' && c <= '9');
}

/** `---` or `...` at the start of a line, alone or followed by white space. */
function isDocumentMarker(text: string, pos: number, end: number): boolean {
  return (text.startsWith('---', pos) || text.startsWith('...', pos)) && isBlankAt(text, pos + 3, end);
}
