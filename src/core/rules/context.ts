/**
 * What a rule's check sees: one account of the workspace model, with its cadences and activity
 * already computed, at an explicit as-of date. Helpers shared by several checks live here too.
 */
import type { AccountActivity, PersonCadence } from '../analysis/cadence.js';
import type { Onboarding } from '../analysis/onboarding.js';
import type { Diagnostic, Range, Severity } from '../diagnostic.js';
import { t, type Locale } from '../i18n/catalogue.js';
import type { KeyplanDocument } from '../parse/document.js';
import type { DataPath } from '../parse/yaml-locate.js';
import type { Account, Person, Workspace } from '../model/workspace.js';
import type { Rule } from './define.js';

export interface AccountContext {
  ws: Workspace;
  account: Account;
  asOf: string;
  locale: Locale;
  /** The cadence of each person of this account. */
  cadences: PersonCadence[];
  activity: AccountActivity | undefined;
  /** Set while the account is onboarding (computed by accountFindings when not given). */
  onboarding?: Onboarding;
}

/** Where a finding goes: a key or value of a document's frontmatter. */
export const at = (doc: KeyplanDocument, path: DataPath, target: 'key' | 'value' = 'value'): { file: string; range: Range } => ({ file: doc.path, range: doc.locate(path, target) });

export const isActive = (p: Person) => p.data.status !== 'left';
/**
 * Whether every person file of the account could be used. The rules that judge the contacts as a
 * whole (single-threaded, EB, Coach) wait until it can: the file's own error says why.
 */
export const allPeopleSeen = (account: Account) => !account.peopleNotSeen?.length;
export const hasRole = (p: Person, role: string) => Array.isArray(p.data.roles) && p.data.roles.includes(role);
export const personName = (p: Person) => String(p.data.name ?? p.id);
export const accountName = (account: Account) => String(account.data?.name ?? account.id);

/**
 * A cadence finding goes where the person is and, when a current relationship plan names them,
 * on that plan's contact entry as well.
 */
export function onPersonAndContact(rule: Pick<Rule<string, 'default', AccountContext>, 'diagnostic'>, c: PersonCadence, locale: Locale, severity?: Severity): Diagnostic[] {
  const doc = c.person.doc;
  const data = { person: c.person.id, account: c.account.id, state: c.state };
  // The finding sits where the cadence in force is written: the plan's contact entry when the
  // relationship plan's cadence overrides the person's own (which it then mentions), the person's
  // `cadence:` when theirs applies, the person's name otherwise.
  const fromPlan = c.source === 'relationship-plan';
  const own = c.person.data.cadence as { ideal?: unknown; max?: unknown } | undefined;
  const overridden = fromPlan && own && typeof own === 'object' ? t(locale, 'cadence.overridden', { ideal: String(own.ideal ?? '?'), max: String(own.max ?? '?') }) : '';
  const params = { explanation: c.explanation + overridden };
  const personAt = own !== undefined && !fromPlan ? at(doc, ['cadence'], 'key') : at(doc, ['name']);
  const out = [rule.diagnostic(personAt, locale, 'default', params, data, severity)];
  if (c.contact) {
    const contactAt = fromPlan ? at(c.contact.plan, ['contacts', c.contact.index, 'cadence'], 'key') : at(c.contact.plan, ['contacts', c.contact.index, 'person']);
    out.push(rule.diagnostic(contactAt, locale, 'default', params, data, severity));
  }
  return out;
}
