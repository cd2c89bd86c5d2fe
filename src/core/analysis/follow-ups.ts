/**
 * Follow-ups: the `Next: …` step written in an interaction-log entry (`Next (2026-12-05): …` with a
 * due date) is a follow-up of the account's owner with the entry's participants (the people named
 * before the colon). It stays open until a later entry (dated after it, up to as-of) names one of
 * those people before its colon; if that entry writes a `Next:` of its own, that is the open step
 * from then on (write the same step again to keep it open). Entries dated after as-of count for
 * nothing yet.
 */
import { daysBetween } from '../dates.js';
import type { Account, Interaction, Workspace } from '../model/workspace.js';
import { compareNames } from '../i18n/collate.js';

export type FollowUpState = 'open' | 'due' | 'overdue' | 'closed';

export interface FollowUp {
  account: Account;
  /** The entry that wrote the step. */
  interaction: Interaction;
  /** Its participants (person ids before the colon). */
  people: string[];
  text: string;
  due?: string;
  /** The account's owner. */
  owner?: string;
  /** `open` (not yet due, or no due date), `due` (due today), `overdue` (due date passed), `closed`. */
  state: FollowUpState;
  /** Days past the due date (overdue). */
  overdueBy?: number;
  /** The entry that closed it. */
  closedBy?: Interaction;
}

/** Every follow-up of one account on `asOf`, oldest entry first. */
export function accountFollowUps(account: Account, asOf: string): FollowUp[] {
  const past = account.interactions.filter((i) => i.date <= asOf).reverse(); // oldest first
  // Per participant, the dates (ascending) of the entries that name them before the colon.
  const met = new Map<string, Interaction[]>();
  for (const i of past) for (const id of new Set(i.entry.people)) {
    const list = met.get(id);
    if (list) list.push(i);
    else met.set(id, [i]);
  }
  const owner = typeof account.data?.owner === 'string' ? account.data.owner : undefined;
  const out: FollowUp[] = [];
  for (const i of past) {
    if (!i.next) continue;
    const people = [...new Set(i.entry.people)];
    let closedBy: Interaction | undefined;
    for (const id of people) {
      const later = firstAfter(met.get(id) ?? [], i.date);
      if (later && (!closedBy || later.date < closedBy.date)) closedBy = later;
    }
    const { text, due } = i.next;
    let state: FollowUpState = 'open';
    let overdueBy: number | undefined;
    if (closedBy) state = 'closed';
    else if (due !== undefined && due === asOf) state = 'due';
    else if (due !== undefined && due < asOf) {
      state = 'overdue';
      overdueBy = daysBetween(due, asOf);
    }
    out.push({ account, interaction: i, people, text, due, owner, state, overdueBy, closedBy });
  }
  return out;
}

/** Every follow-up in the workspace on `asOf`. */
export function computeFollowUps(ws: Workspace, asOf: string): FollowUp[] {
  return [...ws.accounts.values()].flatMap((a) => accountFollowUps(a, asOf));
}

/** Open follow-ups that are due today or past due, most overdue first. */
export function dueFollowUps(ws: Workspace, asOf: string): FollowUp[] {
  return computeFollowUps(ws, asOf)
    .filter((f) => f.state === 'due' || f.state === 'overdue')
    .sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0) || compareNames(a.account.id, b.account.id) || (a.interaction.date < b.interaction.date ? -1 : 1));
}

/** The first of `list` (ascending by date) dated after `date`. */
function firstAfter(list: Interaction[], date: string): Interaction | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].date <= date) lo = mid + 1;
    else hi = mid;
  }
  return list[lo];
}
