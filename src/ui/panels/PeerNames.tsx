/** `a, b and 3 more` (all of them on a click): the peers a policy lets in or out, the workloads it selects. */
import { useState } from 'react';

const FOLDED_NAMES = 8;

export function PeerNames({ names, testId, none = 'nobody' }: { names: readonly string[]; testId: string; none?: string }) {
  const [open, setOpen] = useState(false);
  if (names.length === 0) return <span data-testid={testId}>{none}</span>;
  const folded = !open && names.length > FOLDED_NAMES;
  return (
    <span data-testid={testId}>
      {(folded ? names.slice(0, FOLDED_NAMES) : names).join(', ')}
      {folded && (
        <>
          {' and '}
          <button type="button" className="link" onClick={() => setOpen(true)}>
            {names.length - FOLDED_NAMES} more
          </button>
        </>
      )}
    </span>
  );
}
