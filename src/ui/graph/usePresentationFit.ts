/**
 * Entering or leaving presentation mode changes the text's size and the pane's width (the side
 * panel folds): the graph is fitted again once the pane has its new size, two frames later (the
 * first lays the page out, React Flow's resize observer reports in the second).
 */
import { useEffect, useRef } from 'react';

export function usePresentationFit(presentation: boolean, fit: () => void): void {
  const shown = useRef(presentation);
  useEffect(() => {
    if (shown.current === presentation) return;
    shown.current = presentation;
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(fit)));
    return () => cancelAnimationFrame(frame);
  }, [presentation, fit]);
}
