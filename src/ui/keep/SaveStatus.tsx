/** "Saved" / "Saving…" / "Not saved" in the toolbar: where the work stands, at a glance. */
import { useKeepState } from './context';
import { STATUS } from './wording';
import './keep.css';

export function SaveStatus() {
  const status = useKeepState((s) => s.status);
  const savedAt = useKeepState((s) => s.savedAt);
  const { label, title } = STATUS[status];
  return (
    <span
      className={`save-status save-status-${status}`}
      title={title}
      role="status"
      data-testid="save-status"
      data-saved-at={savedAt ?? undefined}
    >
      {label}
    </span>
  );
}
