/** Two panes and a separator the user can drag or move with the arrow keys. */
import { useCallback, useRef, useState, type ReactNode, type KeyboardEvent, type PointerEvent } from 'react';

const MIN = 20;
const MAX = 75;

export function SplitPane({ left, right, initial = 40 }: { left: ReactNode; right: ReactNode; initial?: number }) {
  const [percent, setPercent] = useState(initial);
  const container = useRef<HTMLDivElement>(null);
  const clamp = (p: number) => Math.min(MAX, Math.max(MIN, p));

  const onPointerDown = useCallback((event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
  }, []);
  const onPointerMove = useCallback((event: PointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    const box = container.current!.getBoundingClientRect();
    setPercent(clamp(((event.clientX - box.left) / box.width) * 100));
  }, []);
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 10 : 2;
    if (event.key === 'ArrowLeft') setPercent((p) => clamp(p - step));
    else if (event.key === 'ArrowRight') setPercent((p) => clamp(p + step));
    else return;
    event.preventDefault();
  }, []);

  return (
    <div className="split" ref={container} style={{ gridTemplateColumns: `${percent}% auto 1fr` }}>
      <div className="split-pane">{left}</div>
      <div
        className="split-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize editor and graph"
        aria-valuemin={MIN}
        aria-valuemax={MAX}
        aria-valuenow={Math.round(percent)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
        data-testid="split-handle"
      />
      <div className="split-pane">{right}</div>
    </div>
  );
}
