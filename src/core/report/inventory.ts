/**
 * The customer-asset inventory (客户资产盘点12问): the twelve questions answered from the account
 * plans (revenue series, labels, contracts, objectives, tiers) and the findings, per group (all
 * accounts, or per tier or owner), plus lifetime value per account and the old-customer revenue
 * formula. A question the data cannot answer is `undefined` ("not recorded"), never a guess.
 *
 * Definitions (docs/cli.md, "report --inventory"):
 * - closed customer: an account with revenue recorded (an amount above 0 in `revenue` or in
 *   `health.revenue`) or a customer label;
 *   not yet closed: neither.
 * - purchases of an account: the revenue entries with an amount above 0, each counting `orders`
 *   purchases when given (else one); repurchasing: more than one purchase.
 * - first-deal amount: the amount of the account's earliest period with revenue; repurchase
 *   amount: the mean of its later periods' amounts.
 * - key account: tier A or B; churn warning: label churn-warning, lifecycle decline, churn risk
 *   high or an early-warning signal (a finding of an early-warning rule);
 *   churned: label churned or a lost renewal.
 */
import type { CheckResult } from '../check/pipeline.js';
import type { Cadence, Tier } from '../parse/config.js';
import type { CustomerLabel } from '../model/types.js';
import type { Account } from '../model/workspace.js';
import { ruleInfo } from '../rules/index.js';
import { revenueSeries } from '../analysis/value.js';

export type InventoryGrouping = 'all' | 'tier' | 'owner';

export interface LifetimeValue {
  account: string;
  name: string;
  tier?: Tier;
  owner?: string;
  currency?: string;
  label?: CustomerLabel;
  /** Periods with revenue recorded, first and last. */
  periods: number;
  first?: string;
  last?: string;
  /** Sum of the recorded amounts (undefined when none). */
  revenue?: number;
  /** Sum of the recorded profits: the lifetime profit so far (CLP); undefined when no profit is recorded. */
  profit?: number;
  /** Periods whose profit is recorded (profit covers these only). */
  profitPeriods: number;
}

export interface InventoryGroup {
  /** `all`, a tier letter or an owner id. */
  key: string;
  accounts: number;
  /** Q1: customers with a closed deal, and in the database without one. */
  closed: number;
  notClosed: number;
  /** Closed customers whose revenue is recorded (the base of Q2–Q6). */
  withRevenue: number;
  /** Q2. */
  repurchasing?: number;
  /** Q3: repurchasing ÷ closed customers with revenue recorded. */
  repurchaseRate?: number;
  /** Q4. */
  avgFirstDeal?: number;
  /** Q5. */
  avgRepurchase?: number;
  /** Q6: avgRepurchase ÷ avgFirstDeal. */
  amountRepurchaseRate?: number;
  /** Q7: key accounts (tiers A and B) and their count per tier. */
  keyAccounts: number;
  byTier: Record<Tier, number>;
  /** Q9: churn warning, with the accounts. */
  churnWarning: string[];
  /** Q10: of those, the ones with an open retention objective, and the ones without. */
  recovering: string[];
  notRecovering: string[];
  /** Q11: churned, with the accounts. */
  churned: string[];
  /** Q12: of those, the ones with an open objective to win them back. */
  recalling: string[];
  /** Old-customer revenue = closed customers × repurchase rate × average repurchase amount. */
  oldCustomerRevenue?: number;
  /** Currencies of the revenue in the group: the sums mean something only when there is one. */
  currencies: string[];
}

export interface Inventory {
  version: number;
  asOf: string;
  locale: string;
  by: InventoryGrouping;
  /** Q8, the key-account operating strategy: the contact cadence per tier (three levels, three frequencies). */
  cadence: Record<Tier, { default: Cadence; EB?: Cadence }>;
  groups: InventoryGroup[];
  lifetime: LifetimeValue[];
}

export const INVENTORY_VERSION = 1;

interface AccountFacts {
  account: Account;
  closed: boolean;
  hasRevenue: boolean;
  purchases: number;
  firstDeal?: number;
  /** Mean of the later periods' amounts, when there are later periods with revenue. */
  repurchase?: number;
  churnWarning: boolean;
  churned: boolean;
  openRetention: boolean;
  openObjective: boolean;
  currency?: string;
  lifetime: LifetimeValue;
}

const OPEN = (status: unknown) => status !== 'done' && status !== 'dropped';

function facts(account: Account, warned: Set<string>, asOf: string): AccountFacts {
  const data = account.data!;
  const series = revenueSeries(data, asOf).filter((p) => p.amount > 0);
  const purchases = series.reduce((n, p) => n + (typeof p.orders === 'number' && p.orders >= 0 ? p.orders : 1), 0);
  const later = series.slice(1);
  const objectives = (Array.isArray(data.objectives) ? data.objectives : []).filter((o) => o && OPEN(o.status));
  const currency = typeof data.health?.currency === 'string' ? data.health.currency : undefined;
  const profits = series.filter((p) => typeof p.profit === 'number');
  const all = revenueSeries(data, asOf);
  return {
    account,
    closed: series.length > 0 || typeof data.label === 'string' || (typeof data.health?.revenue === 'number' && data.health.revenue > 0),
    hasRevenue: series.length > 0,
    purchases,
    firstDeal: series[0]?.amount,
    repurchase: later.length ? later.reduce((s, p) => s + p.amount, 0) / later.length : undefined,
    churnWarning: data.label === 'churn-warning' || data.lifecycle === 'decline' || data.health?.churn_risk === 'high' || warned.has(account.id),
    churned: data.label === 'churned' || data.contract?.renewal === 'lost',
    openRetention: objectives.some((o) => o.kind === 'retention'),
    openObjective: objectives.length > 0,
    currency,
    lifetime: {
      account: account.id, name: String(data.name ?? account.id), tier: account.tier, owner: data.owner, currency, label: data.label,
      periods: all.length, first: all[0]?.label, last: all[all.length - 1]?.label,
      revenue: all.length ? all.reduce((s, p) => s + p.amount, 0) : undefined,
      profit: profits.length ? profits.reduce((s, p) => s + p.profit!, 0) : undefined,
      profitPeriods: profits.length,
    },
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

function group(key: string, list: AccountFacts[]): InventoryGroup {
  const closed = list.filter((f) => f.closed);
  const withRevenue = closed.filter((f) => f.hasRevenue);
  const repurchasers = withRevenue.filter((f) => f.purchases > 1);
  const repurchaseRate = withRevenue.length ? repurchasers.length / withRevenue.length : undefined;
  const avgFirstDeal = mean(withRevenue.map((f) => f.firstDeal!));
  const avgRepurchase = mean(repurchasers.filter((f) => f.repurchase !== undefined).map((f) => f.repurchase!));
  const byTier: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  for (const f of list) if (f.account.tier) byTier[f.account.tier]++;
  const warn = list.filter((f) => f.churnWarning && !f.churned);
  const churned = list.filter((f) => f.churned);
  const ids = (xs: AccountFacts[]) => xs.map((f) => f.account.id);
  return {
    key,
    accounts: list.length,
    closed: closed.length,
    notClosed: list.length - closed.length,
    withRevenue: withRevenue.length,
    repurchasing: withRevenue.length ? repurchasers.length : undefined,
    repurchaseRate,
    avgFirstDeal,
    avgRepurchase,
    amountRepurchaseRate: avgFirstDeal && avgRepurchase !== undefined ? avgRepurchase / avgFirstDeal : undefined,
    keyAccounts: byTier.A + byTier.B,
    byTier,
    churnWarning: ids(warn),
    recovering: ids(warn.filter((f) => f.openRetention)),
    notRecovering: ids(warn.filter((f) => !f.openRetention)),
    churned: ids(churned),
    recalling: ids(churned.filter((f) => f.openObjective)),
    oldCustomerRevenue: repurchaseRate !== undefined && avgRepurchase !== undefined ? closed.length * repurchaseRate * avgRepurchase : undefined,
    currencies: [...new Set(withRevenue.map((f) => f.currency).filter((c): c is string => !!c))].sort(),
  };
}

export function buildInventory(result: CheckResult, by: InventoryGrouping = 'all'): Inventory {
  const warned = new Set<string>();
  for (const d of result.diagnostics) {
    // The signals; retention-plan-missing follows from the others and goes away with the plan.
    if (ruleInfo(d.rule)?.category === 'early-warning' && d.rule !== 'retention-plan-missing' && typeof d.data?.account === 'string') warned.add(d.data.account);
  }
  const list = [...result.workspace.accounts.values()].filter((a) => a.doc && a.data).map((a) => facts(a, warned, result.asOf));
  list.sort((a, b) => a.account.id.localeCompare(b.account.id));
  const groups: InventoryGroup[] = [group('all', list)];
  if (by !== 'all') {
    const keyOf = (f: AccountFacts) => (by === 'tier' ? f.account.tier ?? '?' : String(f.account.data?.owner ?? '?'));
    const keys = [...new Set(list.map(keyOf))].sort();
    for (const k of keys) groups.push(group(k, list.filter((f) => keyOf(f) === k)));
  }
  const c = result.config.cadence;
  const cadence = Object.fromEntries((['A', 'B', 'C'] as const).map((t) => [t, { default: c[t].default, ...(c[t].EB ? { EB: c[t].EB } : {}) }])) as Inventory['cadence'];
  return { version: INVENTORY_VERSION, asOf: result.asOf, locale: result.locale, by, cadence, groups, lifetime: list.map((f) => f.lifetime) };
}
