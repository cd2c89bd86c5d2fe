/**
 * Cadence changes of an account's contacts at the same as-of date: who became overdue or
 * planned-missed, who is back on track, whose expected cadence changed.
 */
import type { PersonCadence } from '../analysis/cadence.js';
import type { AccountContext } from './context.js';
import type { CadenceChange } from './model.js';
import { CADENCE_RANK, nameOf, ranked } from './values.js';
import { compareNames } from '../i18n/collate.js';

/** Cadences by account, then by person (computed once per revision). */
export function cadencesByAccount(list: readonly PersonCadence[]): Map<string, Map<string, PersonCadence>> {
  const out = new Map<string, Map<string, PersonCadence>>();
  for (const c of list) {
    let m = out.get(c.account.id);
    if (!m) out.set(c.account.id, (m = new Map()));
    m.set(c.person.id, c);
  }
  return out;
}

export function cadenceChanges(accountId: string, ctx: AccountContext): CadenceChange[] {
  const before = ctx.baseCadences.get(accountId) ?? new Map<string, PersonCadence>();
  const after = ctx.headCadences.get(accountId) ?? new Map<string, PersonCadence>();
  const out: CadenceChange[] = [];
  const state = (c: PersonCadence) => ({ state: c.state, expected: c.expected, source: c.source, overdueBy: c.overdueBy });
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was || now.state === 'left' || was.state === 'left') continue;
    const expectedChanged = JSON.stringify(was.expected ?? null) !== JSON.stringify(now.expected ?? null);
    if (was.state === now.state && !expectedChanged) continue;
    out.push({ person: id, name: nameOf(now.person, id), from: state(was), to: state(now), direction: ranked(CADENCE_RANK, was.state, now.state), explanation: now.explanation });
  }
  const order = { worsened: 0, improved: 1, changed: 2 };
  return out.sort((a, b) => order[a.direction] - order[b.direction] || compareNames(a.name, b.name));
}
