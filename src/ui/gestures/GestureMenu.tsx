/**
 * The graph's context menu (WAI-ARIA menu): opened at the pointer, or at the selection by keyboard
 * (Shift+F10, the context-menu key). Arrow keys move, Enter chooses, Escape and a click elsewhere
 * close it and give focus back.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useGestures } from './context';
import { menuItems, type GestureTarget, type MenuItem } from './menu';

const MARGIN = 8;

function targetName(target: GestureTarget): string {
  switch (target.kind) {
    case 'workload':
      return `${target.workload.namespace}/${target.workload.name}`;
    case 'namespace':
      return `namespace ${target.name}`;
    case 'outside':
    case 'edge':
      return target.name;
    case 'pane':
      return 'the graph';
  }
}

export function GestureMenu({ target, x, y, onClose }: { target: GestureTarget; x: number; y: number; onClose: (restoreFocus: boolean) => void }) {
  const gestures = useGestures();
  const items = menuItems(target);
  const menu = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState({ left: x, top: y });
  // Kept inside the window: a menu opened near its edge opens the other way.
  useLayoutEffect(() => {
    const { width, height } = menu.current!.getBoundingClientRect();
    setAt({
      left: Math.max(MARGIN, Math.min(x, window.innerWidth - width - MARGIN)),
      top: Math.max(MARGIN, Math.min(y, window.innerHeight - height - MARGIN)),
    });
    menu.current!.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [x, y]);
  useEffect(() => {
    const outside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose(false);
    };
    window.addEventListener('pointerdown', outside, true);
    return () => window.removeEventListener('pointerdown', outside, true);
  }, [onClose]);

  const choose = (item: MenuItem) => {
    onClose(false);
    if ('form' in item) gestures.openForm(item.form);
    else void gestures.plan(item.gesture);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const buttons = [...menu.current!.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const current = buttons.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => buttons[(to + buttons.length) % buttons.length]?.focus();
    if (event.key === 'ArrowDown') move(current + 1);
    else if (event.key === 'ArrowUp') move(current - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(buttons.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') onClose(true);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div
      ref={menu}
      className="gesture-menu"
      role="menu"
      aria-label={`Change ${targetName(target)}`}
      style={{ left: at.left, top: at.top }}
      onKeyDown={onKeyDown}
      data-testid="gesture-menu"
    >
      {items.map((item) => (
        <button key={item.label} type="button" role="menuitem" tabIndex={-1} onClick={() => choose(item)}>
          {item.label}
        </button>
      ))}
    </div>
  );
}
