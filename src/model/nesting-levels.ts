/**
 * What the nesting scan (nesting.ts) counts as open at a point of the text, and the deepest point
 * so far. It knows levels, not characters: nesting-scanner.ts decides which token opens what.
 */

/** A flow collection (`[` or `{`) that is open, and what its current entry opened inside it. */
interface Flow {
  /** A `{`: its entries' first `:` is the mapping's own, and opens nothing. */
  readonly map: boolean;
  /** The `:` seen in the current entry. */
  colons: number;
  /** Levels opened inside the current entry (`[a: b]`, `[- a]`); a `,` or the bracket closes them. */
  extra: number;
}

export class OpenLevels {
  /**
   * Block levels, innermost last, with strictly increasing keys: 2×column for a node and
   * 2×column+1 for a `-`, `?` or `:` indicator, so that an indicator counts as inside a node at
   * its own column (`a:` then `- b` at the same column is a list inside `a`).
   */
  private readonly block: number[] = [];
  /** Levels opened on the current line after its indentation says (`a: b: c`, `a: - b`). */
  private inline = 0;
  /** The `:` seen on the current line in block context. */
  private colons = 0;
  private readonly flows: Flow[] = [];
  /** The sum of the flows' `extra`, so that counting stays O(1). */
  private flowExtra = 0;

  /** The deepest count so far, and where it was reached. */
  depth = 0;
  offset = 0;
  /** The count passed `stopAbove`: the scan can stop, `offset` is where the limit was passed. */
  stopped = false;

  constructor(private readonly stopAbove: number) {}

  get inFlow(): boolean {
    return this.flows.length > 0;
  }

  /** `---` or `...`: the next document starts from nothing. */
  startDocument(): void {
    this.block.length = 0;
    this.flows.length = 0;
    this.flowExtra = this.inline = this.colons = 0;
  }

  /** A line in block context starts: what its predecessor opened inline is closed. */
  startBlockLine(): void {
    this.inline = this.colons = 0;
  }

  /**
   * A block level keyed `key` (see `block`) opens at `at`. The line's first one closes the levels
   * keyed more than it; the later ones of the line are keyed more than it, so they close nothing.
   */
  openBlock(key: number, at: number): void {
    const { block } = this;
    while (block.length > 0 && block[block.length - 1]! > key) block.pop();
    if (block.length === 0 || block[block.length - 1]! < key) block.push(key);
    this.reach(at);
  }

  /** The column of the block level below the innermost one: the parent of a value there, or -1. */
  parentColumn(): number {
    const { block } = this;
    return block.length > 1 ? block[block.length - 2]! >> 1 : -1;
  }

  /** A list or explicit key where a block value starts (`a: ? b`): invalid, but nested all the same. */
  openInline(at: number): void {
    this.inline++;
    this.reach(at);
  }

  /**
   * A block mapping's `:`. The line's first one belongs to the level its indentation opened; a
   * second one (`a: b: c`, which YAML rejects) is a mapping inside the value.
   */
  blockValue(at: number): void {
    if (++this.colons > 1) this.openInline(at);
  }

  openFlow(map: boolean, at: number): void {
    this.flows.push({ map, colons: 0, extra: 0 });
    this.reach(at);
  }

  closeFlow(): void {
    this.flowExtra -= this.flows.pop()!.extra;
  }

  /** A `,`: the next entry of the innermost flow collection starts with nothing open inside it. */
  nextFlowEntry(): void {
    const flow = this.flows[this.flows.length - 1]!;
    this.flowExtra -= flow.extra;
    flow.extra = flow.colons = 0;
  }

  /** A flow `:`. A flow mapping's own first one opens nothing; any other one opens a mapping. */
  flowValue(at: number): void {
    const flow = this.flows[this.flows.length - 1]!;
    if (++flow.colons > 1 || !flow.map) this.nestInFlowEntry(1, at);
  }

  /** `count` levels open inside the current entry of the innermost flow collection. */
  nestInFlowEntry(count: number, at: number): void {
    this.flows[this.flows.length - 1]!.extra += count;
    this.flowExtra += count;
    this.reach(at);
  }

  /** Records the count at `at` if it is the deepest so far. */
  private reach(at: number): void {
    const now = this.block.length + this.inline + this.flows.length + this.flowExtra;
    if (now > this.depth) {
      this.depth = now;
      this.offset = at;
    }
    if (now > this.stopAbove) this.stopped = true;
  }
}
