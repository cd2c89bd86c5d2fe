/** `cooperation-shrinking` (合作减少): revenue of the latest period fell by `revenue_drop` or more on the previous period or the same period a year before. */
import { dropShare, percent, revenueComparison } from '../../analysis/value.js';
import { accountName, at, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const cooperationShrinking = defineRule({
  id: 'cooperation-shrinking',
  category: 'early-warning',
  severity: { A: 'warning', B: 'warning', C: 'info' },
  summary: { en: 'Revenue of the latest period fell by the configured share on the previous period or the same period a year before.', zh: '最近一期营收较上一期或去年同期下降超过设定比例（合作减少）。' },
  attention: { en: 'Cooperation shrinking', zh: '合作减少', rank: 14 },
  messages: {
    default: {
      en: (p) => `Cooperation with ${p.account} is shrinking: revenue ${p.latest} in ${p.period} against ${p.before} in ${p.beforePeriod} (${p.compared === 'previous' ? 'the previous period' : 'the same period a year before'}), down ${p.drop} % (the warning starts at ${p.threshold} %).`,
      zh: (p) => `${p.account} 合作减少：${p.period} 营收 ${p.latest}，${p.compared === 'previous' ? '上一期' : '去年同期'} ${p.beforePeriod} 为 ${p.before}，下降 ${p.drop} %（下降 ${p.threshold} % 即预警）。`,
    },
  },
  check: ({ ws, account, asOf, locale }: AccountContext, rule) => {
    if (!account.doc || !account.data || !account.tier) return [];
    const threshold = ws.config.earlyWarning.revenueDrop;
    const c = revenueComparison(account.data, asOf);
    if (!c) return [];
    // The bigger of the two falls speaks; one finding per account.
    const candidates = (['previous', 'lastYear'] as const)
      .map((compared) => ({ compared, entry: c[compared] }))
      .filter((x) => x.entry)
      .map((x) => ({ ...x, drop: dropShare(x.entry!.amount, c.latest.amount) }))
      .filter((x) => x.drop !== undefined && x.drop >= threshold)
      .sort((a, b) => b.drop! - a.drop!);
    if (!candidates.length) return [];
    const w = candidates[0];
    return [rule.diagnostic(at(account.doc, ['revenue', c.latest.index, 'amount']), locale, 'default',
      { account: accountName(account), latest: c.latest.amount, period: c.latest.label, before: w.entry!.amount, beforePeriod: w.entry!.label, compared: w.compared === 'previous' ? 'previous' : 'last-year', drop: percent(w.drop!), threshold: percent(threshold) },
      { account: account.id, tier: account.tier, period: c.latest.label, compared: w.entry!.label, latest: c.latest.amount, before: w.entry!.amount })];
  },
});
