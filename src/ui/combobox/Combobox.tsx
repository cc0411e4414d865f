/**
 * A searchable picker: a text field with a list of options under it (WAI-ARIA combobox, list
 * autocomplete). Typing filters and orders the options (`match.ts`), the first found is active,
 * arrows move, Enter chooses, Escape closes. The focus stays in the field; the list only shows
 * the rows in view (`listWindow.ts`), so thousands of options open at once.
 *
 * As a picker (`value`), the field shows the chosen option and the list opens on typing, arrows or
 * a click. With `alwaysOpen` (the search dialog) the list is always there and nothing stays chosen.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { listKey, type ListState } from './keys';
import { scrollToRow, visibleRows } from './listWindow';
import { indexForSearch, search, type Indexed, type Searchable } from './match';
import './combobox.css';

export interface ComboboxOption {
  /** Unique among the options. */
  readonly id: string;
  /** The row's main text. */
  readonly label: string;
  /** Muted text after it (kind, namespace, labels). */
  readonly detail?: string;
  /** A short tag before it (what kind of thing it is). */
  readonly tag?: string;
  /** What the field shows once the option is chosen (default `label`). */
  readonly chosenText?: string;
  /** What a query is matched against. */
  readonly searchable: Searchable;
}

export interface ComboboxProps<T extends ComboboxOption> {
  readonly label: string;
  /** The label is for assistive technology only (the dialog's title says it). */
  readonly labelHidden?: boolean;
  readonly options: readonly T[];
  readonly onChoose: (option: T) => void;
  /** The chosen option's id (a picker); undefined for a search. */
  readonly value?: string | null;
  readonly alwaysOpen?: boolean;
  readonly placeholder?: string;
  /** How many rows the list shows before it scrolls. */
  readonly rows?: number;
  /** Said when the query finds nothing. */
  readonly emptyText?: string;
  readonly testId: string;
}

/** One row's height in pixels: the list's windowing counts on every row having it (combobox.css). */
const ROW_HEIGHT = 32;
const CLOSED: ListState = { open: false, active: -1 };

export function Combobox<T extends ComboboxOption>(props: ComboboxProps<T>) {
  const { label, labelHidden, options, onChoose, value, alwaysOpen = false, placeholder, rows = 8, emptyText = 'No match', testId } = props;
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const list = useRef<HTMLDivElement>(null);
  /** The text typed since the field took the focus; null shows the chosen option's text. */
  const [query, setQuery] = useState<string | null>(alwaysOpen ? '' : null);
  const [state, setState] = useState<ListState>(alwaysOpen ? { open: true, active: 0 } : CLOSED);
  const [scrollTop, setScrollTop] = useState(0);
  /** Set when keys move the active option, so the list scrolls to it (the pointer's stays put). */
  const follow = useRef(false);

  // Indexed on the first query, not on every new set of options (a picker's follow each edit).
  const indexed = useRef<{ options: readonly T[]; index: Indexed<T>[] } | null>(null);
  const results = useMemo(() => {
    if (query === null) return options;
    if (indexed.current?.options !== options) indexed.current = { options, index: indexForSearch(options, (o) => o.searchable) };
    return search(indexed.current.index, query);
  }, [options, query]);
  const active = Math.min(state.active, results.length - 1);
  const open = alwaysOpen || state.open;
  const chosen = value == null ? undefined : options.find((o) => o.id === value);
  const viewRows = Math.max(1, Math.min(rows, results.length));

  useLayoutEffect(() => {
    const element = list.current;
    if (!follow.current || !element || active < 0) return;
    follow.current = false;
    const top = scrollToRow(active, element.scrollTop, element.clientHeight, ROW_HEIGHT);
    if (top !== element.scrollTop) {
      element.scrollTop = top;
      setScrollTop(top);
    }
  }, [active, open]);

  const scrollToStart = () => {
    if (list.current) list.current.scrollTop = 0;
    setScrollTop(0);
  };

  const choose = (at: number) => {
    const option = results[at];
    if (!option) return;
    if (!alwaysOpen) {
      setQuery(null);
      setState(CLOSED);
    }
    onChoose(option);
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    setQuery(event.target.value);
    setState({ open: true, active: 0 });
    scrollToStart();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    const outcome = listKey({ open, active }, event.key, {
      count: results.length,
      pageRows: rows,
      selected: chosen ? results.indexOf(chosen) : -1,
      alwaysOpen,
    });
    if (!outcome) return;
    if (outcome.handled) {
      event.preventDefault();
      // Escape closes this list only: the app's Escape (clear the selection) is for the graph.
      event.stopPropagation();
    }
    follow.current = true;
    setState(outcome.state);
    if (!outcome.state.open && !alwaysOpen) setQuery(null);
    if (outcome.choose !== undefined) choose(outcome.choose);
  };

  const onBlur = () => {
    if (alwaysOpen) return;
    setQuery(null);
    setState(CLOSED);
  };

  const onClick = () => {
    if (!open) {
      follow.current = true;
      setState({ open: true, active: chosen ? results.indexOf(chosen) : 0 });
    }
  };

  const { start, end } = visibleRows(scrollTop, viewRows * ROW_HEIGHT, ROW_HEIGHT, results.length);
  const shown: number[] = [];
  for (let i = start; i < end; i++) shown.push(i);
  // The active option stays in the page even when scrolled away: aria-activedescendant names it.
  if (active >= 0 && (active < start || active >= end)) shown.push(active);

  return (
    <div className={alwaysOpen ? 'combobox combobox-inline' : 'combobox'} data-testid={testId}>
      <label htmlFor={`${id}-input`} className={labelHidden ? 'visually-hidden' : 'combobox-label'}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        className="combobox-input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query ?? chosen?.chosenText ?? chosen?.label ?? ''}
        placeholder={placeholder}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        onClick={onClick}
        onFocus={(event) => event.target.select()}
      />
      <div
        ref={list}
        id={listId}
        role="listbox"
        aria-label={label}
        className="combobox-list"
        hidden={!open}
        style={{ height: results.length === 0 ? 0 : viewRows * ROW_HEIGHT }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        // Clicks in the list (its scrollbar too) leave the focus in the field.
        onMouseDown={(event) => event.preventDefault()}
      >
        {open && (
          <div role="none" className="combobox-rows" style={{ height: results.length * ROW_HEIGHT }}>
            {shown.map((at) => {
              const option = results[at]!;
              return (
                <div
                  key={option.id}
                  id={optionId(at)}
                  role="option"
                  aria-selected={at === active}
                  aria-posinset={at + 1}
                  aria-setsize={results.length}
                  data-option={option.id}
                  className={option.id === value ? 'combobox-option is-chosen' : 'combobox-option'}
                  style={{ top: at * ROW_HEIGHT, height: ROW_HEIGHT }}
                  onMouseMove={() => at !== active && setState({ open: true, active: at })}
                  onClick={() => choose(at)}
                >
                  {option.tag && <span className="combobox-tag">{option.tag}</span>}
                  <span className="combobox-option-label">{option.label}</span>
                  {option.detail && <span className="combobox-option-detail">{option.detail}</span>}
                </div>
              );
            })}
          </div>
        )}
      </div>
      {open && results.length === 0 && (
        <p className="combobox-empty muted" role="status">
          {emptyText}
        </p>
      )}
    </div>
  );
}
