/**
 * The toolbar's way into the search: a magnifier icon button (the toolbar has room for no more at
 * 1280 pixels), named and with its shortcut in the tooltip, as the theme and help buttons are.
 */
import { useActionManager } from '../commands/context';
import { openSearch } from '../commands/actions';

export function SearchButton() {
  const manager = useActionManager();
  return (
    <button
      type="button"
      className="button button-icon search-button"
      title={`${openSearch.label} (${openSearch.shortcut})`}
      aria-label="Search"
      aria-keyshortcuts="Control+K Meta+K"
      onClick={() => manager.execute(openSearch.name)}
      data-testid="search-button"
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <circle cx="6.5" cy="6.5" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M10 10l4.5 4.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    </button>
  );
}
