/**
 * The influence–support matrix of one account, as data: who sits where, where they should get to,
 * where they were at the last commit, their buying role (colour) and temperature or coverage (size).
 * The webview and the SVG export both draw this, through the same layout.
 */
import type { CheckResult } from '../check/pipeline.js';
import { isValidDate } from '../dates.js';
import { currentContacts } from '../model/plans.js';
import { position, quadrant, type Position, type Quadrant } from '../model/placement.js';
import { cadenceOf } from '../analysis/cadence.js';
import { temperature } from '../analysis/temperature.js';
import { compareNames } from '../i18n/collate.js';

export type RoleColor = 'EB' | 'TB' | 'UB' | 'Coach' | 'other';
export type SizeBy = 'temperature' | 'coverage';

export interface MatrixPerson {
  id: string;
  name: string;
  title?: string;
  roles: string[];
  /** The role that picks the colour: EB first, then Coach, TB, UB. */
  color: RoleColor;
  /** Every buying role's colour, in that order (`color` first); `['other']` without a known role. A marker shows them all. */
  colors: RoleColor[];
  stance: string;
  influence?: number;
  coverage: string;
  position?: Position;
  quadrant: Quadrant;
  target?: Position;
  /** Position at the last commit, when known and different. */
  previous?: Position;
  /**
   * Earlier positions from the history (git), oldest first, at most TRAIL_LENGTH: each a move, the
   * last one different from the current position. `date`: the commit's date (YYYY-MM-DD).
   */
  trail?: { position: Position; date?: string }[];
  temperature?: number;
  temperatureBand?: string;
  cadenceState: string;
  lastInteraction?: string;
  explanation: string;
}

export interface MatrixModel {
  account: string;
  accountName: string;
  tier?: string;
  asOf: string;
  people: MatrixPerson[];
}

/** How many earlier positions a matrix trail shows. */
export const TRAIL_LENGTH = 4;

/** A person's positions over the history, oldest first (a trajectory's points). */
export type TrailPoints = readonly { stance?: unknown; influence?: unknown; date?: unknown }[];

/**
 * The trail of a person: the known positions of `points` without repeats, minus a last one at the
 * current position, the last `TRAIL_LENGTH` of them. Undefined when there is nothing to show.
 */
export function trailOf(points: TrailPoints | undefined, current: Position | undefined): MatrixPerson['trail'] {
  if (!points || !current) return undefined;
  const out: NonNullable<MatrixPerson['trail']> = [];
  for (const pt of points) {
    const pos = position(pt.stance, pt.influence);
    if (!pos) continue;
    const last = out[out.length - 1]?.position;
    if (last && last.x === pos.x && last.y === pos.y) {
      out.pop();
    }
    out.push({ position: pos, ...(typeof pt.date === 'string' && isValidDate(pt.date) ? { date: pt.date } : {}) });
  }
  const last = out[out.length - 1]?.position;
  if (last && last.x === current.x && last.y === current.y) out.pop();
  return out.length ? out.slice(-TRAIL_LENGTH) : undefined;
}

const COLOR_ORDER: RoleColor[] = ['EB', 'Coach', 'TB', 'UB'];

export function roleColor(roles: string[]): RoleColor {
  return roleColors(roles)[0];
}

/** The colours of all of a person's known buying roles, most important first; `['other']` when none is known. */
export function roleColors(roles: string[]): RoleColor[] {
  const known = COLOR_ORDER.filter((r) => roles.includes(r));
  return known.length ? known : ['other'];
}

export const COVERAGE_SCALE: Record<string, number> = { unknown: 0, none: 0.1, brief: 0.4, multiple: 0.7, 'in-depth': 1 };

/**
 * Builds the matrix of an account. `previous` maps person ids to their stance and influence at the
 * last commit, `trails` to their positions over the history (the editor reads both from git; the
 * CLI leaves them out).
 */
export function matrixModel(result: CheckResult, accountId: string, previous?: Map<string, { stance?: unknown; influence?: unknown }>, trails?: ReadonlyMap<string, TrailPoints>): MatrixModel | undefined {
  const account = result.workspace.accounts.get(accountId);
  if (!account?.data) return undefined;
  const contacts = currentContacts(account, result.asOf);
  const people: MatrixPerson[] = [];
  for (const p of account.people) {
    if (p.data.status === 'left') continue;
    const roles = Array.isArray(p.data.roles) ? p.data.roles : [];
    const pos = position(p.data.stance, p.data.influence);
    const contact = contacts.get(p.id)?.contact;
    const target = contact && (contact.target_stance || contact.target_influence) ? position(contact.target_stance ?? p.data.stance, contact.target_influence ?? p.data.influence) : undefined;
    const before = previous?.get(p.id);
    const prev = before ? position(before.stance, before.influence) : undefined;
    const cadence = cadenceOf(result.cadences, p);
    const trail = trailOf(trails?.get(p.id), pos);
    const temp = temperature(p, result.workspace.interactionsWith(p.id), result.asOf);
    people.push({
      id: p.id,
      name: String(p.data.name ?? p.id),
      title: p.data.title,
      roles,
      color: roleColor(roles),
      colors: roleColors(roles),
      stance: p.data.stance ?? 'unknown',
      influence: p.data.influence,
      coverage: p.data.coverage ?? 'unknown',
      position: pos,
      quadrant: quadrant(pos),
      target: target && pos && (target.x !== pos.x || target.y !== pos.y) ? target : undefined,
      previous: prev && pos && (prev.x !== pos.x || prev.y !== pos.y) ? prev : undefined,
      ...(trail ? { trail } : {}),
      temperature: temp.score,
      temperatureBand: temp.band,
      cadenceState: cadence?.state ?? 'unknown',
      lastInteraction: cadence?.last && isValidDate(cadence.last.date) ? `${cadence.last.date} ${cadence.last.channel}` : undefined,
      explanation: cadence?.explanation ?? '',
    });
  }
  people.sort((a, b) => compareNames(a.name, b.name) || compareNames(a.id, b.id));
  return { account: account.id, accountName: String(account.data.name ?? account.id), tier: account.tier, asOf: result.asOf, people };
}
