/**
 * What a key press means on the matrix. Pure, so that tests can check it without a browser.
 *  - on a marker: the arrow keys move it one step (stance left/right, influence up/down), Enter or
 *    Space opens the person, Escape leaves the marker (the selection is cleared, focus goes back
 *    to the plot, from where Tab goes on);
 *  - anywhere in the panel: Ctrl+Z (Cmd+Z on a Mac) undoes the last move made on the matrix,
 *    Ctrl+Shift+Z (Cmd+Shift+Z), or Ctrl+Y off a Mac, redoes it.
 */
export type KeyAction =
  | { type: 'move'; dx: number; dy: number }
  | { type: 'open' }
  | { type: 'leave' }
  | { type: 'undo' }
  | { type: 'redo' };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

/** Undo and redo, wherever the focus is in the panel. */
export function historyKey(e: KeyPress, mac: boolean): KeyAction | undefined {
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!mod || e.altKey) return undefined;
  const key = e.key.toLowerCase();
  if (key === 'z') return { type: e.shiftKey ? 'redo' : 'undo' };
  if (key === 'y' && !mac && !e.shiftKey) return { type: 'redo' };
  return undefined;
}

/** A key pressed on a focused marker. */
export function markerKey(e: KeyPress, mac: boolean): KeyAction | undefined {
  const history = historyKey(e, mac);
  if (history) return history;
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (ARROWS[e.key] && !e.shiftKey) return { type: 'move', dx: ARROWS[e.key][0], dy: ARROWS[e.key][1] };
  if (e.key === 'Enter' || e.key === ' ') return { type: 'open' };
  if (e.key === 'Escape') return { type: 'leave' };
  return undefined;
}
