/** `review-overdue`: The account plan\'s next review date has passed. */
import { daysBetween, isValidDate } from '../../dates.js';
import { at, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const reviewOverdue = defineRule({
  id: 'review-overdue',
  category: 'methodology',
  severity: 'warning',
  summary: { en: 'The account plan\'s next review date has passed.', zh: '客户计划的下次评审日期已过。' },
  attention: { en: 'Plan reviews overdue', zh: '计划评审逾期', rank: 8 },
  messages: {
    default: {
      en: (p) => `The plan review was due on ${p.next} (${p.n} day${p.n === 1 ? '' : 's'} ago); review status is ${p.status}.`,
      zh: (p) => `计划评审应于 ${p.next} 进行（已过 ${p.n} 天）；当前评审状态为 ${p.status}。`,
    },
  },
  check: ({ account, asOf, locale }: AccountContext, rule) => {
    const next = account.data?.review?.next;
    if (!account.doc || !account.data || !account.tier || !isValidDate(next) || next >= asOf) return [];
    return [rule.diagnostic(at(account.doc, ['review', 'next']), locale, 'default',
      { next, n: daysBetween(next, asOf), status: account.data.review?.status ?? 'unknown' }, { account: account.id, tier: account.tier, next })];
  },
});
