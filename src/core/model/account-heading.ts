/**
 * What an account plan alone says of its account (id, name, plan, tier, owner), and the portfolio's
 * order: the rows the report, the Portfolio view and its listing before the first check share.
 */
import type { Tier } from '../parse/config.js';
import { compareNames } from '../i18n/collate.js';
import type { Account } from './workspace.js';

export interface AccountHeading {
  id: string;
  name: string;
  file?: string;
  tier?: Tier;
  owner?: string;
}

/** The heading of an account with an account plan: its id, name (the id when it has none), plan, tier and owner. */
export function accountHeading(account: Account): AccountHeading {
  return { id: account.id, name: String(account.data?.name ?? account.id), file: account.doc?.path, tier: account.tier, owner: account.data?.owner };
}

/** The portfolio's order: by tier (none last), then name, then id. */
export const compareAccounts = (a: AccountHeading, b: AccountHeading): number => (a.tier ?? 'Z').localeCompare(b.tier ?? 'Z') || compareNames(a.name, b.name) || compareNames(a.id, b.id);
