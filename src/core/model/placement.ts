/**
 * Influence–support placement (支持度-影响力矩阵): x = stance −2…+2, y = influence 1…5, and the
 * quadrant. This is the data the matrix webview and the SVG export draw.
 */
import type { Stance } from './types.js';

export type Quadrant = 'champions' | 'blockers' | 'fans' | 'naysayers' | 'axis' | 'unplaced';

export const STANCE_X: Record<Exclude<Stance, 'unknown'>, number> = { opponent: -2, skeptic: -1, neutral: 0, supporter: 1, champion: 2 };
/**
 * The influence on the horizontal line of the matrix. A person drawn on it (3: "is heard") counts
 * with the high-influence quadrants: with a definite stance they lean to the quadrant of their
 * stance (a supportive person at 3 is a champion, an opposed one a blocker). docs/rules.md.
 */
export const INFLUENCE_MIDPOINT = 3;

export interface Position {
  x: number;
  y: number;
}

export function stanceX(stance: unknown): number | undefined {
  return typeof stance === 'string' && Object.hasOwn(STANCE_X, stance) ? STANCE_X[stance as keyof typeof STANCE_X] : undefined;
}

export function influenceY(influence: unknown): number | undefined {
  return Number.isInteger(influence) && (influence as number) >= 1 && (influence as number) <= 5 ? (influence as number) : undefined;
}

/** The position of a stance and influence, or undefined when either is unknown (nothing is guessed). */
export function position(stance: unknown, influence: unknown): Position | undefined {
  const x = stanceX(stance);
  const y = influenceY(influence);
  return x === undefined || y === undefined ? undefined : { x, y };
}

/**
 * The one placement rule every output uses (matrix, report, diff, the editor's views): a neutral
 * stance is on the vertical axis; otherwise the stance's side, and influence 3 or more is high
 * (a person drawn on the horizontal line leans to the quadrant of their stance).
 */
export function quadrant(pos: Position | undefined): Quadrant {
  if (!pos) return 'unplaced';
  if (pos.x === 0) return 'axis';
  if (pos.y >= INFLUENCE_MIDPOINT) return pos.x > 0 ? 'champions' : 'blockers';
  return pos.x > 0 ? 'fans' : 'naysayers';
}

export function stanceAt(x: number): Exclude<Stance, 'unknown'> {
  return (Object.entries(STANCE_X).find(([, v]) => v === x)?.[0] ?? 'neutral') as Exclude<Stance, 'unknown'>;
}
