/**
 * A bound of how deeply a YAML (or JSON) text nests, found by one pass over its characters without
 * parsing it, so that absurd nesting is refused at once: the `yaml` package's parser needs about
 * 10 µs per level, so 20 MB of `[` would hang the page for minutes. (The exact guard against the
 * composer's recursion is a measure of the parsed syntax tree, in yaml.ts.)
 *
 * The bound counts block levels and flow collections open at a point:
 * - a block level is a distinct, increasing indentation on a stack, as YAML reads them: every
 *   `- `, `? ` or `: ` that starts a line opens one at its column (`- - x` is two lists), the
 *   content after them another; a line closes the levels indented more than it is;
 * - each `[` and `{` opens one; so do constructs that YAML rejects but the `yaml` package still
 *   builds: `a: b: c` on one line, `a: ? b`, `[a: b: c]`, `[- a]`.
 * Blank lines, comments, quoted strings and the bodies of block scalars (`|`, `>`) open nothing.
 *
 * For YAML and JSON as people write them the bound is at least the real depth and close to it
 * (limits.test.ts checks both on random documents). Where the scan cannot tell cheaply it
 * overestimates, except in syntax errors crafted to make it read a quote or block scalar that
 * the parser does not: those are caught by the exact guard, only later. What it must get right
 * are the places where YAML reads plain text and a naive scan would see structure, and the other
 * way round: a quote starts a quoted string only where a value starts; a quoted string or block
 * scalar ends at the first line indented no more than its parent; a line that continues a plain
 * (unquoted) scalar starts no quote.
 */

export interface NestingBound {
  /** At least the deepest nesting of collections in the text. */
  readonly depth: number;
  /** Where `depth` is reached (0-based offset into the text). */
  readonly offset: number;
}

/** No block scalar, or no plain scalar, is open (real indentations are ≥ -1). */
const NONE = -2;

/**
 * Scans `text` once, in linear time. Stops as soon as the bound passes `stopAbove`, so `offset`
 * is then where the limit was passed.
 */
export function nestingBound(text: string, stopAbove = Infinity): NestingBound {
  /** Open block levels: 2×column for a node, 2×column+1 for a `-`/`?`/`:` indicator. */
  const levels: number[] = [];
  /** Levels opened inside the current line in block context (`a: b: c`). */
  let inline = 0;
  let colons = 0;
  /** Open flow collections; for each, the levels opened inside its current entry (`[a: b]`). */
  const flows: { map: boolean; colons: number; extra: number }[] = [];
  let flowExtra = 0;
  /** `"` or `'` while inside a quoted scalar. */
  let quote = '';
  /** A quoted scalar in block context ends at a line indented no more than this. */
  let quoteParent = -1;
  /** Inside a block scalar: lines indented more than this (and blank lines) belong to it. */
  let blockParent = NONE;
  /** The previous line ended inside a plain scalar whose parent is indented this much. */
  let plainParent = NONE;
  // Whether a value may start here; whether inside a plain scalar (and its parent's indentation);
  // the indentation of the parent of a value that starts here. Flow context keeps them across lines.
  let nodeStart = false;
  let plain = false;
  let plainStartParent = NONE;
  let parent = -1;
  let depth = 0;
  let offset = 0;

  /** Records the current depth at `at`; true when the scan can stop. */
  const reach = (at: number): boolean => {
    const now = levels.length + inline + flows.length + flowExtra;
    if (now > depth) {
      depth = now;
      offset = at;
    }
    return now > stopAbove;
  };
  let firstOfLine = true;
  /** A level the line opens; the line's first one closes the levels indented more. */
  const push = (entry: number): void => {
    if (firstOfLine) {
      while (levels.length > 0 && levels[levels.length - 1]! > entry) levels.pop();
      firstOfLine = false;
    }
    if (levels.length === 0 || levels[levels.length - 1]! < entry) levels.push(entry);
  };
  /** Levels opened inside the current entry of the innermost flow collection. */
  const flowNest = (count: number): void => {
    flows[flows.length - 1]!.extra += count;
    flowExtra += count;
  };

  for (let pos = 0; pos < text.length;) {
    const newline = text.indexOf('\n', pos);
    const next = newline < 0 ? text.length : newline + 1;
    const end = newline < 0 ? text.length : newline;
    let i = pos;
    while (i < end && isSpaceAt(text, i)) i++;
    const indent = i - pos;
    if (i === end || (i === end - 1 && text[i] === '\r')) {
      pos = next; // a blank line changes nothing, inside a scalar or not
      continue;
    }
    let start = i;
    if (indent === 0 && isDocumentMarker(text, pos, end)) {
      // `---` and `...` end whatever is open: the next document starts from nothing.
      levels.length = 0;
      flows.length = 0;
      flowExtra = inline = colons = 0;
      quote = '';
      blockParent = plainParent = NONE;
      if (text[pos] === '.') {
        pos = next;
        continue;
      }
      start = pos + 3;
      nodeStart = true;
      plain = false;
      parent = -1;
    } else if (blockParent !== NONE && indent > blockParent) {
      pos = next; // the body of a block scalar
      continue;
    } else {
      blockParent = NONE;
      if (quote && indent <= quoteParent) quote = ''; // where YAML ends the quoted scalar too
      if (!quote && flows.length === 0) {
        if (text[i] === '#') {
          plainParent = NONE; // a comment line ends a plain scalar
          pos = next;
          continue;
        }
        const continues = plainParent !== NONE && indent > plainParent;
        firstOfLine = true;
        inline = colons = 0;
        let j = i;
        while ((text[j] === '-' || text[j] === '?' || text[j] === ':') && isBlankAt(text, j + 1, end)) {
          push(2 * (j - pos) + 1);
          if (reach(j)) return { depth, offset };
          j++;
          while (j < end && isSpaceAt(text, j)) j++;
        }
        nodeStart = true;
        plain = false;
        if (j < end && text[j] !== '#') {
          push(2 * (j - pos));
          if (reach(j)) return { depth, offset };
          // A value starting here belongs to the level below this one.
          parent = levels.length > 1 ? levels[levels.length - 2]! >> 1 : -1;
          if (continues && j === i && '"\'|>'.includes(text[j]!)) {
            // `a: b` then `  "c`: the plain scalar `b "c`, no quote (nor block scalar).
            nodeStart = false;
            plain = true;
            plainStartParent = plainParent;
          }
        }
        start = j;
      }
    }

    const contentColumn = start - pos;
    /** A block scalar header on this line: its parent's indentation. */
    let header = NONE;
    /** The last character closed a quoted scalar or flow collection, so `:` may follow directly. */
    let closed = false;
    for (let k = start; k < end; k++) {
      const c = text[k]!;
      if (quote === '"') {
        if (c === '\\') k++;
        else if (c === '"') [quote, closed] = ['', true];
        continue;
      }
      if (quote === "'") {
        if (c === "'" && text[k + 1] === "'") k++;
        else if (c === "'") [quote, closed] = ['', true];
        continue;
      }
      if (isSpaceAt(text, k) || c === '\r') continue;
      const afterClose = closed;
      closed = false;
      if (c === '#' && (!plain || k === pos || isSpaceAt(text, k - 1))) {
        plain = false; // a comment ends a plain scalar: the next line does not continue it
        break;
      }
      const blankAfter = isBlankAt(text, k + 1, end);
      if (flows.length > 0) {
        // Flow context: brackets and commas are indicators, even right after plain text.
        if (c === '[' || c === '{') {
          flows.push({ map: c === '{', colons: 0, extra: 0 });
          if (reach(k)) return { depth, offset };
          nodeStart = true;
          plain = false;
        } else if (c === ']' || c === '}') {
          flowExtra -= flows.pop()!.extra;
          nodeStart = plain = false;
          closed = true;
        } else if (c === ',') {
          const flow = flows[flows.length - 1]!;
          flowExtra -= flow.extra;
          flow.extra = flow.colons = 0;
          nodeStart = true;
          plain = false;
        } else if (c === ':' && (blankAfter || !plain || isFlowIndicator(text[k + 1]))) {
          // A value: a flow mapping's own first one opens nothing, any other one a mapping.
          const flow = flows[flows.length - 1]!;
          if (++flow.colons > 1 || !flow.map) {
            flowNest(1);
            if (reach(k)) return { depth, offset };
          }
          nodeStart = true;
          plain = false;
        } else if (nodeStart && (c === '"' || c === "'")) {
          quote = c;
          quoteParent = -1; // in flow context, only the closing quote ends it
          nodeStart = false;
        } else if (nodeStart && (c === '&' || c === '!')) {
          while (k + 1 < end && !isSpaceAt(text, k + 1) && !isFlowIndicator(text[k + 1])) k++;
        } else if (nodeStart && (c === '-' || c === '?') && blankAfter) {
          // A block list or explicit key inside flow: invalid, but it nests a mapping and a list.
          flowNest(2);
          if (reach(k)) return { depth, offset };
        } else {
          nodeStart = false; // plain text (after a quoted scalar too: read as a second scalar)
          plain = true;
        }
        continue;
      }
      // Block context.
      if (c === ':' && (blankAfter || afterClose)) {
        // A mapping value (right after a quoted key too, as in JSON), whose parent is the mapping
        // of this line's content; a second one on the line is a mapping inside the value.
        if (++colons > 1) {
          inline++;
          if (reach(k)) return { depth, offset };
        }
        nodeStart = true;
        plain = false;
        parent = contentColumn;
        continue;
      }
      if (plain) continue;
      if (c === '[' || c === '{') {
        flows.push({ map: c === '{', colons: 0, extra: 0 });
        if (reach(k)) return { depth, offset };
        nodeStart = true;
        continue;
      }
      if (c === ']' || c === '}') nodeStart = false; // junk: no value starts after it
      if (!nodeStart) continue; // after a quoted scalar or a flow collection: nothing opens
      if (c === '"' || c === "'") {
        quote = c;
        quoteParent = parent;
        nodeStart = false;
      } else if (c === '|' || c === '>') {
        // The header's indicators; anything else after them is still read as YAML tokens.
        header = parent;
        while (k + 1 < end && /[0-9+-]/.test(text[k + 1]!)) k++;
        nodeStart = false;
      } else if (c === '&' || c === '!') {
        while (k + 1 < end && !isSpaceAt(text, k + 1)) k++; // an anchor or a tag
      } else if ((c === '-' || c === '?') && blankAfter) {
        // A list or explicit key where a value starts (`a: ? b`): invalid, but nested all the same.
        inline++;
        if (reach(k)) return { depth, offset };
      } else {
        nodeStart = false;
        plain = true;
        plainStartParent = parent;
      }
    }
    plainParent = !quote && flows.length === 0 && plain ? plainStartParent : NONE;
    if (header !== NONE && !quote && flows.length === 0) blockParent = header;
    pos = next;
  }
  return { depth, offset };
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

/** `---` or `...` at the start of a line, alone or followed by white space. */
function isDocumentMarker(text: string, pos: number, end: number): boolean {
  return (text.startsWith('---', pos) || text.startsWith('...', pos)) && isBlankAt(text, pos + 3, end);
}
