/**
 * The influence–support matrix of one account, as data: who sits where, where they should get to,
 * where they were at the last commit, their buying role (colour) and temperature or coverage (size).
 * The webview and the SVG export both draw this, through the same layout.
 */
import type { CheckResult } from '../check/pipeline.js';
import { isValidDate } from '../dates.js';
import { currentContacts } from '../model/plans.js';
import { position, quadrant, type Position, type Quadrant } from '../model/placement.js';
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
 * last commit (the editor reads it from git; the CLI leaves it out).
 */
export function matrixModel(result: CheckResult, accountId: string, previous?: Map<string, { stance?: unknown; influence?: unknown }>): MatrixModel | undefined {
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
    const cadence = result.cadences.find((c) => c.person === p);
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
