/**
 * The twelve answers of one inventory group and the lifetime-value rows, as lines of text in the
 * output's language, with every value from the plans passed through `esc` first (terminal-safe for
 * text, Markdown-escaped for Markdown). Shared by the text and Markdown formats.
 */
import { percent } from '../../../core/analysis/value.js';
import { inventoryText, type InventoryMessageId } from '../../../core/i18n/inventory.js';
import type { Locale } from '../../../core/i18n/catalogue.js';
import { word } from '../../../core/i18n/catalogue.js';
import type { Inventory, InventoryGroup, LifetimeValue } from '../../../core/report/inventory.js';

/** A plain number, at most two decimals. */
export const amount = (x: number) => String(Math.round(x * 100) / 100);

export function groupTitle(inv: Inventory, g: InventoryGroup, locale: Locale, esc: (s: string) => string): string {
  const id: InventoryMessageId = g.key === 'all' ? 'group.all' : inv.by === 'tier' ? 'group.tier' : 'group.owner';
  return inventoryText(locale, id, { key: esc(g.key), n: g.accounts });
}

export function answers(inv: Inventory, g: InventoryGroup, locale: Locale, esc: (s: string) => string): string[] {
  const t = (id: InventoryMessageId, p: Record<string, string | number | undefined> = {}) => inventoryText(locale, id, p);
  const missing = t('not-recorded');
  const cur = g.currencies.length === 1 ? ` ${esc(g.currencies[0])}` : '';
  const money = (x: number | undefined) => (x === undefined ? missing : `${amount(x)}${cur}`);
  const pct = (x: number | undefined) => (x === undefined ? missing : `${percent(x)} %`);
  const ids = (xs: string[]) => xs.map(esc).join(', ');
  const cadence = (['A', 'B', 'C'] as const).map((tier) => {
    const c = inv.cadence[tier];
    return t('q8.tier', { tier, ideal: c.default.ideal, max: c.default.max, eb: c.EB?.ideal });
  }).join(t('list.sep'));
  const lines = [
    t('q1', { closed: g.closed, notClosed: g.notClosed }),
    t('q2', { value: g.repurchasing === undefined ? missing : t('q2.of', { n: g.repurchasing, of: g.withRevenue }) }),
    t('q3', { value: g.repurchaseRate === undefined ? missing : `${pct(g.repurchaseRate)} (${g.repurchasing} ÷ ${g.withRevenue})` }),
    t('q4', { value: money(g.avgFirstDeal) }),
    t('q5', { value: money(g.avgRepurchase) }),
    t('q6', { value: g.amountRepurchaseRate === undefined ? missing : `${pct(g.amountRepurchaseRate)} (${amount(g.avgRepurchase!)} ÷ ${amount(g.avgFirstDeal!)})` }),
    t('q7', { n: g.keyAccounts, a: g.byTier.A, b: g.byTier.B, c: g.byTier.C }),
    t('q8', { value: cadence }),
    t('q9', { n: g.churnWarning.length, list: ids(g.churnWarning) }),
    t('q10', { n: g.recovering.length, of: g.churnWarning.length, without: ids(g.notRecovering) }),
    t('q11', { n: g.churned.length, list: ids(g.churned) }),
    t('q12', { n: g.recalling.length, of: g.churned.length }),
  ].map((l, i) => `${i + 1}. ${l}`);
  const formula = g.oldCustomerRevenue === undefined ? missing
    : `${g.closed} × ${percent(g.repurchaseRate!)} % × ${amount(g.avgRepurchase!)} = ${money(g.oldCustomerRevenue)}`;
  lines.push(t('formula', { value: formula }));
  if (g.currencies.length > 1) lines.push(t('currencies', { list: ids(g.currencies) }));
  return lines;
}

export function lifetimeHeader(locale: Locale): string[] {
  return (['col.account', 'col.tier', 'col.owner', 'col.label', 'col.periods', 'col.revenue', 'col.profit'] as const).map((id) => inventoryText(locale, id));
}

export function lifetimeCells(l: LifetimeValue, locale: Locale, esc: (s: string) => string): string[] {
  const missing = inventoryText(locale, 'not-recorded');
  const cur = l.currency ? ` ${esc(l.currency)}` : '';
  const profit = l.profit === undefined ? missing
    : l.profitPeriods < l.periods ? inventoryText(locale, 'profit.partial', { value: `${amount(l.profit)}${cur}`, n: l.profitPeriods, of: l.periods }) : `${amount(l.profit)}${cur}`;
  return [
    `${esc(l.name)} (${esc(l.account)})`, l.tier ?? '?', esc(l.owner ?? '?'), l.label ? word('label', l.label, locale) : missing,
    l.periods ? `${l.periods} (${l.first === l.last ? esc(l.first!) : `${esc(l.first!)}–${esc(l.last!)}`})` : missing,
    l.revenue === undefined ? missing : `${amount(l.revenue)}${cur}`, profit,
  ];
}
