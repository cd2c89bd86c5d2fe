/** Which relationship plan is current, and each person's contact entry in it. */
import { isValidDate } from '../dates.js';
import type { KeyplanDocument } from '../parse/document.js';
import type { PlanContact, RelationshipPlanData } from './types.js';
import type { Account } from './workspace.js';

export interface ContactEntry {
  plan: KeyplanDocument;
  index: number;
  contact: PlanContact;
}

function period(doc: KeyplanDocument): { start?: string; end?: string } {
  const p = (doc.data as unknown as RelationshipPlanData).period;
  return { start: isValidDate(p?.start) ? p.start : undefined, end: isValidDate(p?.end) ? p.end : undefined };
}

/**
 * The plans in force on `asOf`: those whose period contains it, newest start first. When none
 * does, the most recently started plan still states the team's intent (plan-period-ended says it
 * has lapsed), so it is used rather than nothing.
 */
export function currentPlans(account: Account, asOf: string): KeyplanDocument[] {
  const started = account.plans
    .map((doc) => ({ doc, ...period(doc) }))
    .filter((p) => !p.start || p.start <= asOf)
    .sort((a, b) => ((b.start ?? '') < (a.start ?? '') ? -1 : (b.start ?? '') > (a.start ?? '') ? 1 : a.doc.path < b.doc.path ? -1 : 1));
  const running = started.filter((p) => !p.end || p.end >= asOf);
  if (running.length) return running.map((p) => p.doc);
  return started.length ? [started[0].doc] : [];
}

/** Contact entries of the current plans by person id (the newest plan wins when two list a person). */
export function currentContacts(account: Account, asOf: string): Map<string, ContactEntry> {
  const out = new Map<string, ContactEntry>();
  for (const plan of currentPlans(account, asOf)) {
    const contacts = (plan.data as unknown as RelationshipPlanData).contacts;
    if (!Array.isArray(contacts)) continue;
    contacts.forEach((contact, index) => {
      if (contact && typeof contact.person === 'string' && !out.has(contact.person)) out.set(contact.person, { plan, index, contact });
    });
  }
  return out;
}
