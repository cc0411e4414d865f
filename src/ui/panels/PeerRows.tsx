/** A list of peers with what is allowed with each (peers.ts names them): long lists fold. */
import { useState } from 'react';
import type { PeerRow } from './peers';

/** How many rows show before "Show all": a hub can be reached by thousands. */
const FOLDED_ROWS = 12;

export function PeerRows({ rows, testId, none }: { rows: readonly PeerRow[]; testId: string; none: string }) {
  const [open, setOpen] = useState(false);
  if (rows.length === 0) return <p className="muted" data-testid={testId}>{none}</p>;
  const shown = open ? rows : rows.slice(0, FOLDED_ROWS);
  return (
    <>
      <table className="peer-rows" data-testid={testId}>
        <tbody>
          {shown.map((row) => (
            <tr key={row.peer}>
              <th scope="row">{row.name}</th>
              <td>{row.ports}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > FOLDED_ROWS && (
        <button type="button" className="link" onClick={() => setOpen(!open)}>
          {open ? 'Show fewer' : `Show all ${rows.length}`}
        </button>
      )}
    </>
  );
}
