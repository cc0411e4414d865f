/**
 * The truth table, virtualised both ways: one scroller whose canvas has the whole table's size,
 * holding only the cells, headers and namespace bands in view (layout.ts). The column headers
 * stick to the top and the row headers to the left, so they scroll with the cells on the
 * compositor, never a frame behind. Clicks, hovers and keys are read once, at the scroller.
 */
import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { VERDICT_SYMBOLS, VERDICT_WORDS, type CellVerdict, type TruthTable } from '../../engine';
import type { Endpoint } from '../../engine/types';
import {
  CELL,
  COL_BAND,
  COL_HEADER,
  ROW_BAND,
  ROW_HEADER,
  clampWindow,
  gridWindow,
  keepWindow,
  runs,
  scrollToCell,
  type GridWindow,
  type Span,
  type Viewport,
} from './layout';
import type { MatrixHighlight } from './selection';
import { groupTitle, pairText, rangeLabel } from './words';

interface GridProps {
  readonly table: TruthTable;
  readonly highlight: MatrixHighlight;
  /** A cell with a verdict was chosen (clicked, or Enter). */
  readonly onCell: (row: number, col: number) => void;
  /** A row or column header was clicked: its endpoint's index. */
  readonly onEndpoint: (index: number) => void;
  /** The traffic the cells are about, in words. */
  readonly traffic: string;
}

type Cell = readonly [number, number];

const NO_VIEWPORT: Viewport = { top: 0, left: 0, width: 0, height: 0 };
/** The tooltip's width, and about its height, in pixels. */
const TOOLTIP_WIDTH = 300;
const TOOLTIP_HEIGHT = 64;
/** The sizes matrix.css lays the parts out with: one source, layout.ts. */
const SIZES = {
  '--matrix-cell': `${CELL}px`,
  '--matrix-row-header': `${ROW_HEADER}px`,
  '--matrix-row-band': `${ROW_BAND}px`,
  '--matrix-col-header': `${COL_HEADER}px`,
  '--matrix-col-band': `${COL_BAND}px`,
  '--matrix-tooltip': `${TOOLTIP_WIDTH}px`,
} as CSSProperties;

function readViewport(element: HTMLElement): Viewport {
  return { top: element.scrollTop, left: element.scrollLeft, width: element.clientWidth, height: element.clientHeight };
}

const cellId = (row: number, col: number) => `matrix-cell-${row}-${col}`;

interface RowProps {
  readonly table: TruthTable;
  readonly row: number;
  readonly cols: Span;
  /** First indexes of the groups: a thicker line before them. */
  readonly groupStarts: ReadonlySet<number>;
}

/**
 * One row of cells in view: the row is placed, its cells follow one another in it (no style per
 * cell, so a scroll step writes little). Memoised: rows that stay in view are not rendered again.
 */
const CellRow = memo(function CellRow({ table, row, cols, groupStarts }: RowProps) {
  const { endpoints } = table;
  const cells = [];
  for (let col = cols.start; col < cols.end; col++) {
    const verdict = table.cell(row, col);
    const edges = `${groupStarts.has(row) ? ' matrix-group-top' : ''}${groupStarts.has(col) ? ' matrix-group-left' : ''}`;
    cells.push(
      <div
        key={col}
        id={cellId(row, col)}
        role="gridcell"
        aria-label={`${pairText(endpoints[row]!, endpoints[col]!)}: ${verdict ? VERDICT_WORDS[verdict] : 'not decided'}`}
        className={`matrix-cell matrix-${verdict ?? 'none'}${edges}`}
        data-col={col}
      >
        {verdict ? VERDICT_SYMBOLS[verdict] : ''}
      </div>,
    );
  }
  return (
    <div
      role="row"
      aria-rowindex={row + 2}
      className="matrix-row"
      style={{ top: COL_HEADER + row * CELL, left: ROW_HEADER + cols.start * CELL }}
      data-row={row}
    >
      {cells}
    </div>
  );
});

/** The rows in view. */
const Cells = memo(function Cells({ table, inView, groupStarts }: Omit<RowProps, 'row' | 'cols'> & { inView: GridWindow }) {
  const rows = [];
  for (let row = inView.rows.start; row < inView.rows.end; row++) {
    rows.push(<CellRow key={row} table={table} row={row} cols={inView.cols} groupStarts={groupStarts} />);
  }
  return <>{rows}</>;
});

/** An endpoint's header text: its name (the band names the namespace); a row's also its kind (a column has no room). */
function EndpointLabel({ endpoint, kind }: { endpoint: Endpoint; kind: boolean }) {
  if (endpoint.type === 'external') return <span className="matrix-name">{rangeLabel(endpoint)}</span>;
  return (
    <>
      <span className="matrix-name">{endpoint.name}</span>
      {kind && <span className="matrix-kind"> {endpoint.kind}</span>}
    </>
  );
}

interface HeadersProps {
  readonly table: TruthTable;
  readonly span: Span;
  readonly axis: 'row' | 'col';
  /** Indexes highlighted by the selection. */
  readonly lit: ReadonlySet<number>;
  /** The index under the pointer. */
  readonly pointed?: number;
}

/** Headers and namespace bands along one axis, for the indexes in view. Memoised: a scroll along the other axis leaves them. */
const Headers = memo(function Headers({ table, span, axis, lit, pointed }: HeadersProps) {
  const place = (at: number, size: number) =>
    axis === 'row' ? { top: at * CELL, height: size * CELL } : { left: ROW_HEADER + at * CELL, width: size * CELL };
  const bands = table.groups.filter((g) => g.start < span.end && g.start + g.count > span.start);
  const headers = [];
  for (let i = span.start; i < span.end; i++) {
    const endpoint = table.endpoints[i]!;
    const state = `${lit.has(i) ? ' is-lit' : ''}${pointed === i ? ' is-pointed' : ''}`;
    headers.push(
      <div key={i} className={`matrix-header matrix-${axis}-header${state}`} style={place(i, 1)} title={endpoint.id} data-endpoint={i}>
        <EndpointLabel endpoint={endpoint} kind={axis === 'row'} />
      </div>,
    );
  }
  return (
    <>
      {bands.map((g) => (
        <div
          key={g.start}
          className={`matrix-band matrix-${axis}-band`}
          style={place(g.start, g.count)}
          title={groupTitle(table.endpoints[g.start]!)}
        >
          <span className="matrix-band-label">{table.endpoints[g.start]!.type === 'external' ? <i>outside</i> : g.name}</span>
        </div>
      ))}
      {headers}
    </>
  );
});

/** Translucent bars over the highlighted rows (or columns) in view, and a box around the selected cell. */
function Highlights({ highlight, inView, count }: { highlight: MatrixHighlight; inView: GridWindow; count: number }) {
  return (
    <>
      {runs(highlight.rows, inView.rows).map((r) => (
        <div
          key={`r${r.start}`}
          className="matrix-lit"
          style={{ top: COL_HEADER + r.start * CELL, left: ROW_HEADER, width: count * CELL, height: (r.end - r.start) * CELL }}
        />
      ))}
      {runs(highlight.cols, inView.cols).map((c) => (
        <div
          key={`c${c.start}`}
          className="matrix-lit"
          style={{ left: ROW_HEADER + c.start * CELL, top: COL_HEADER, height: count * CELL, width: (c.end - c.start) * CELL }}
        />
      ))}
      {highlight.cell && <CellBox cell={highlight.cell} className="matrix-selected" testId="matrix-selected" />}
    </>
  );
}

function CellBox({ cell, className, testId }: { cell: Cell; className: string; testId: string }) {
  const [row, col] = cell;
  const style = { top: COL_HEADER + row * CELL, left: ROW_HEADER + col * CELL };
  return <div className={className} style={style} data-testid={testId} data-row={row} data-col={col} />;
}

/** The pair under the pointer (or the keyboard's cell) and its verdict, beside it. */
function Tooltip({ table, cell, viewport, traffic }: { table: TruthTable; cell: Cell; viewport: Viewport; traffic: string }) {
  const [row, col] = cell;
  const verdict: CellVerdict | undefined = table.cell(row, col);
  // Under the cell (over it near the bottom of the view), kept inside the view's width.
  const [x, y] = [ROW_HEADER + col * CELL, COL_HEADER + row * CELL];
  const left = Math.max(viewport.left + 4, Math.min(x, viewport.left + viewport.width - TOOLTIP_WIDTH - 4));
  const above = y + CELL + TOOLTIP_HEIGHT > viewport.top + viewport.height;
  const style = above ? { left, top: y - 4, transform: 'translateY(-100%)' } : { left, top: y + CELL + 4 };
  return (
    // Hidden from screen readers: the cell's own label says the same (aria-activedescendant).
    <div className="matrix-tooltip" style={style} aria-hidden="true" data-testid="matrix-tooltip">
      <div className="matrix-tooltip-pair">{pairText(table.endpoints[row]!, table.endpoints[col]!)}</div>
      <div className={`matrix-tooltip-verdict matrix-text-${verdict ?? 'none'}`}>
        {verdict
          ? `${VERDICT_SYMBOLS[verdict]} ${VERDICT_WORDS[verdict]}: ${traffic}`
          : 'not decided: an endpoint and itself, or two outside ranges'}
      </div>
    </div>
  );
}

/** The cell under the mouse, or moved to with the arrow keys (it scrolls into view; the mouse's does not need to). */
interface Pointed {
  readonly cell: Cell;
  readonly by: 'mouse' | 'keys';
}

export function MatrixGrid({ table, highlight, onCell, onEndpoint, traffic }: GridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = table.endpoints.length;
  const [measured, setInView] = useState<GridWindow>(() => gridWindow(NO_VIEWPORT, count));
  // A new table may be shorter than the window measured for the last one, until it is measured again.
  const inView = clampWindow(measured, count);
  const [pointedState, setPointed] = useState<Pointed | null>(null);
  const pointed = pointedState && Math.max(...pointedState.cell) < count ? pointedState : null;
  const groupStarts = useMemo(() => new Set(table.groups.map((g) => g.start)), [table.groups]);

  // A scroll step re-renders only when other cells come into view, and only what they change.
  const measure = useCallback(() => {
    const next = gridWindow(readViewport(scroller.current!), count);
    setInView((previous) => keepWindow(previous, next));
  }, [count]);
  useLayoutEffect(() => {
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller.current!);
    return () => observer.disconnect();
  }, [measure]);
  const onScroll = () => {
    measure();
    // The mouse's cell scrolled away from under it.
    if (pointed?.by === 'mouse') setPointed(null);
  };

  const scrollTo = useCallback((row: number | undefined, col: number | undefined) => {
    const element = scroller.current!;
    const { top, left } = scrollToCell(readViewport(element), row, col);
    element.scrollTo({ top, left });
  }, []);

  // A new selection is scrolled into view (its cell, else its first row and column); typing does not move it.
  const [first, firstCol] = highlight.cell ?? [Math.min(...highlight.rows), Math.min(...highlight.cols)];
  const target = Number.isFinite(first) && Number.isFinite(firstCol) ? `${first} ${firstCol}` : '';
  useLayoutEffect(() => {
    if (!target) return;
    const [row, col] = target.split(' ').map(Number);
    scrollTo(row, col);
  }, [target, scrollTo]);

  const cellAt = (event: MouseEvent): Cell | undefined => {
    const cell = (event.target as Element).closest<HTMLElement>('[data-col]');
    const row = cell?.parentElement?.dataset.row;
    return cell && row !== undefined ? [Number(row), Number(cell.dataset.col)] : undefined;
  };
  const onClick = (event: MouseEvent) => {
    const header = (event.target as Element).closest<HTMLElement>('[data-endpoint]');
    if (header) return onEndpoint(Number(header.dataset.endpoint));
    const cell = cellAt(event);
    if (cell && table.cell(...cell)) onCell(...cell);
  };
  const onMouseMove = (event: MouseEvent) => {
    const cell = cellAt(event);
    if (cell?.[0] === pointed?.cell[0] && cell?.[1] === pointed?.cell[1]) return;
    setPointed(cell ? { cell, by: 'mouse' } : null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, Cell> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (move) {
      const [row, col] = pointed?.cell ?? highlight.cell ?? [inView.rows.start, inView.cols.start];
      const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
      const next: Cell = [clamp(row + move[0]), clamp(col + move[1])];
      setPointed({ cell: next, by: 'keys' });
      scrollTo(...next);
    } else if ((event.key === 'Enter' || event.key === ' ') && pointed && table.cell(...pointed.cell)) {
      onCell(...pointed.cell);
    } else return;
    event.preventDefault();
  };

  return (
    <div
      ref={scroller}
      className="matrix-scroller"
      onScroll={onScroll}
      onClick={onClick}
      onMouseMove={onMouseMove}
      onMouseLeave={() => setPointed(null)}
      onKeyDown={onKeyDown}
      onBlur={() => setPointed(null)}
      tabIndex={0}
      role="grid"
      aria-label={`Truth table of ${traffic}: sources by row, destinations by column`}
      aria-rowcount={count + 1}
      aria-activedescendant={pointed ? cellId(...pointed.cell) : undefined}
      data-testid="matrix-grid"
    >
      <div className="matrix-canvas" style={{ ...SIZES, width: ROW_HEADER + count * CELL, height: COL_HEADER + count * CELL }}>
        <Cells table={table} inView={inView} groupStarts={groupStarts} />
        <Highlights highlight={highlight} inView={inView} count={count} />
        {pointed && <CellBox cell={pointed.cell} className="matrix-pointed" testId="matrix-pointed" />}
        <div className="matrix-col-headers" style={{ width: ROW_HEADER + count * CELL, height: COL_HEADER }} aria-hidden="true">
          <div className="matrix-corner" style={{ width: ROW_HEADER, height: COL_HEADER }}>
            <span className="matrix-corner-to">destination →</span>
            <span className="matrix-corner-from">↓ source</span>
          </div>
          <Headers table={table} span={inView.cols} axis="col" lit={highlight.cols} pointed={pointed?.cell[1]} />
        </div>
        <div className="matrix-row-headers" style={{ width: ROW_HEADER, height: count * CELL }} aria-hidden="true">
          <Headers table={table} span={inView.rows} axis="row" lit={highlight.rows} pointed={pointed?.cell[0]} />
        </div>
        {pointed && <Tooltip table={table} cell={pointed.cell} viewport={readViewport(scroller.current!)} traffic={traffic} />}
      </div>
    </div>
  );
}
