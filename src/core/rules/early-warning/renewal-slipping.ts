/** `renewal-slipping` (续约延误): the contract ended more than `renewal_grace_days` ago and the renewal is not done. */
import { addDays, daysBetween, isValidDate } from '../../dates.js';
import { accountName, at, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const renewalSlipping = defineRule({
  id: 'renewal-slipping',
  category: 'early-warning',
  severity: { A: 'warning', B: 'warning', C: 'info' },
  summary: { en: 'The contract ended more than `renewal_grace_days` ago and the renewal is not done.', zh: '合同到期超过 `renewal_grace_days` 天仍未续约（续约延误）。' },
  attention: { en: 'Renewals slipping', zh: '续约延误', rank: 15 },
  messages: {
    default: {
      en: (p) => `The renewal at ${p.account} is slipping: the contract ended on ${p.end}, ${p.days} days ago, and the renewal is ${p.status}; a renewal is expected within ${p.grace} days of the end (by ${p.by}). Mark it renewed or lost in contract.renewal.`,
      zh: (p) => `${p.account} 续约延误：合同已于 ${p.end} 到期（${p.days} 天前），续约状态为 ${p.status}；应在到期后 ${p.grace} 天内（${p.by} 前）完成续约。请在 contract.renewal 中标记为 renewed 或 lost。`,
    },
  },
  check: ({ ws, account, asOf, locale }: AccountContext, rule) => {
    const doc = account.doc;
    const contract = account.data?.contract;
    if (!doc || !account.tier || !contract || !isValidDate(contract.end)) return [];
    if (contract.renewal === 'renewed' || contract.renewal === 'lost') return [];
    const grace = ws.config.earlyWarning.renewalGraceDays;
    const days = daysBetween(contract.end, asOf);
    if (days <= grace) return [];
    return [rule.diagnostic(at(doc, ['contract', 'end']), locale, 'default',
      { account: accountName(account), end: contract.end, days, status: contract.renewal ?? 'not-started', grace, by: addDays(contract.end, grace) },
      { account: account.id, tier: account.tier, end: contract.end, daysPastEnd: days })];
  },
});
