/**
 * Entering or leaving presentation mode changes the text's size and the pane's width (the side
 * panel folds): the graph is fitted again once the pane has its new size, two frames later (the
 * first lays the page out, React Flow's resize observer reports in the second). While presenting,
 * the panel unfolding for a node just opened narrows the pane below what the graph needs at a
 * readable zoom: the view centres on that node instead (`centre`), and folding it fits again.
 */
import { useEffect, useRef } from 'react';

export function usePresentationFit(
  presentation: boolean,
  panelCollapsed: boolean,
  fit: () => void,
  centre: () => boolean,
): void {
  const shown = useRef({ presentation, panelCollapsed });
  useEffect(() => {
    const before = shown.current;
    shown.current = { presentation, panelCollapsed };
    const toggled = before.presentation !== presentation;
    const folded = presentation && before.panelCollapsed !== panelCollapsed;
    if (!toggled && !folded) return;
    const refit = () => {
      if (toggled || panelCollapsed || !centre()) fit();
    };
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(refit)));
    return () => cancelAnimationFrame(frame);
  }, [presentation, panelCollapsed, fit, centre]);
}
