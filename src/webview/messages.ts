/** Messages between the matrix webview and the extension. The extension validates every message it receives. */
import type { Locale } from '../core/i18n/catalogue.js';
import { isValidPlacement } from '../core/language/placement-edit.js';
import type { MatrixModel, SizeBy } from '../core/matrix/model.js';

export interface MatrixStrings {
  legendTitle: string;
  roles: Record<string, string>;
  /** The legend's entry for a marker split between several roles. */
  severalRoles: string;
  sizeBy: string;
  temperature: string;
  coverage: string;
  unplaced: string;
  lastInteraction: string;
  cadence: string;
  influence: string;
  stance: string;
  coverageLabel: string;
  target: string;
  previous: string;
  hint: string;
  empty: string;
  /** The link to the account's decision-chain map. */
  openMap: string;
  /** The toggle of the history trails (earlier positions from git). */
  historyTrail: string;
  /** The date slider: its label, its last stop (the files as they are now), and the note shown at a past commit. */
  timeline: string;
  now: string;
  past: string;
}

/**
 * The date slider: the commits that changed the account, oldest first, and the one shown (`at`;
 * `revisions.length` is now: the files as they are). At a past commit the matrix is read-only.
 */
export interface Timeline {
  revisions: { date: string; subject: string }[];
  at: number;
}

/** `trail`: whether the history trails are shown; absent when there is no history to show (no git, Restricted Mode). */
export type ToWebview = { type: 'model'; model: MatrixModel; locale: Locale; sizeBy: SizeBy; strings: MatrixStrings; trail?: boolean; timeline?: Timeline };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'open'; person: string }
  | { type: 'move'; person: string; stance: string; influence: number }
  | { type: 'sizeBy'; value: SizeBy }
  /** Show or hide the history trails. */
  | { type: 'trail'; value: boolean }
  /** Show the matrix at one of the timeline's commits (its index; the last stop is now). */
  | { type: 'at'; index: number }
  /** Open the account's decision-chain map. */
  | { type: 'openMap' }
  /** Undo or redo the last move made on this matrix (Ctrl+Z / Ctrl+Shift+Z in the panel). */
  | { type: 'undo' }
  | { type: 'redo' };

/**
 * Checks a message from the webview against the people currently shown; anything else (an unknown
 * person, a stance or influence out of range, an unknown type) is rejected.
 */
export function validateMessage(message: unknown, people: ReadonlySet<string>): FromWebview | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'open':
      return typeof m.person === 'string' && people.has(m.person) ? { type: 'open', person: m.person } : undefined;
    case 'move':
      return typeof m.person === 'string' && people.has(m.person) && isValidPlacement(m.stance, m.influence)
        ? { type: 'move', person: m.person, stance: m.stance as string, influence: m.influence as number }
        : undefined;
    case 'undo':
    case 'redo':
    case 'openMap':
      return { type: m.type };
    case 'sizeBy':
      return m.value === 'temperature' || m.value === 'coverage' ? { type: 'sizeBy', value: m.value } : undefined;
    case 'at':
      return typeof m.index === 'number' && Number.isInteger(m.index) && m.index >= 0 && m.index <= 10_000 ? { type: 'at', index: m.index } : undefined;
    case 'trail':
      return typeof m.value === 'boolean' ? { type: 'trail', value: m.value } : undefined;
    default:
      return undefined;
  }
}
