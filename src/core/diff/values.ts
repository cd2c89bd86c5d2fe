/**
 * Comparing one value in two revisions: the orders that tell whether a change is better or worse
 * for the relationship (coverage, stage, review, objective status, churn risk, relationship
 * level, health band, cadence state), and the field-change helper every part of the diff uses.
 */
import type { Person } from '../model/workspace.js';
import type { Direction, FieldChange, Value } from './model.js';

// --- orders used for directions ------------------------------------------------------------

export const COVERAGE_RANK: Record<string, number> = { none: 0, brief: 1, multiple: 2, 'in-depth': 3 };
export const STAGE_RANK: Record<string, number> = { awareness: 0, recognition: 1, purchase: 2, advocacy: 3 };
export const REVIEW_RANK: Record<string, number> = { rejected: 0, draft: 1, submitted: 2, approved: 3 };
export const OBJECTIVE_RANK: Record<string, number> = { 'at-risk': 0, 'not-started': 1, 'on-track': 2, done: 3 };
export const CHURN_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };
export const LEVEL_RANK: Record<string, number> = { transactional: 0, partnership: 1, ecosystem: 2 };
export const LABEL_RANK: Record<string, number> = { churned: 0, 'churn-warning': 1, 'new-signed': 2, 'in-use': 2, 'to-develop': 2 };
export const RENEWAL_RANK: Record<string, number> = { lost: 0, 'not-started': 1, 'in-progress': 2, renewed: 3 };
export const WHITESPACE_RANK: Record<string, number> = { competitor: 0, open: 1, ours: 2 };
/** A competitor getting stronger is worse for us. */
export const STRENGTH_RANK: Record<string, number> = { strong: 0, medium: 1, weak: 2 };
export const BAND_RANK: Record<string, number> = { red: 0, amber: 1, green: 2 };
/** Cadence states from worst to best (a move up the list is a worsening). */
export const CADENCE_RANK: Record<string, number> = { overdue: 0, never: 1, 'planned-missed': 1, 'due-soon': 2, ok: 3 };
/** Roles whose arrival or departure is a headline: the economic buyer and the coach. */
export const KEY_ROLES = ['EB', 'Coach'];

export function ranked(rank: Record<string, number>, from: unknown, to: unknown): Direction {
  const a = typeof from === 'string' ? rank[from] : undefined;
  const b = typeof to === 'string' ? rank[to] : undefined;
  if (a === undefined || b === undefined || a === b) return 'changed';
  return b > a ? 'improved' : 'worsened';
}

export function numeric(from: unknown, to: unknown, higherIsBetter = true): Direction {
  if (typeof from !== 'number' || typeof to !== 'number' || from === to) return 'changed';
  return to > from === higherIsBetter ? 'improved' : 'worsened';
}

// --- small value helpers -------------------------------------------------------------------

function value(v: unknown): Value | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x)));
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('ideal' in o && 'max' in o) return `${o.ideal}/${o.max}`;
    if ('start' in o && 'end' in o) return `${o.start}…${o.end}`;
    return JSON.stringify(v);
  }
  return String(v);
}

export const same = (a: unknown, b: unknown) => JSON.stringify(value(a) ?? null) === JSON.stringify(value(b) ?? null);

export function field(out: FieldChange[], name: string, from: unknown, to: unknown, direction?: (a: unknown, b: unknown) => Direction): void {
  if (same(from, to)) return;
  const change: FieldChange = { field: name, from: value(from), to: value(to) };
  const d = direction?.(from, to);
  if (d && d !== 'changed') change.direction = d;
  out.push(change);
}

/** A person's name, or the id when the person is unknown in that revision. */
export const nameOf = (p: Person | undefined, id: string) => String(p?.data.name ?? id);
