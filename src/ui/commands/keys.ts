/** Shortcut tests shared by the command files. */
import type { KeyInput } from './types';

/** Alt+Shift and a key by its layout-independent code: works while typing in the editor too. */
export const altShifted = (code: string) => (e: KeyInput) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === code;
