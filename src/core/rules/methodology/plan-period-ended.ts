/** `plan-period-ended`: The account plan or relationship plan period has ended and no newer plan covers today. */
import { daysBetween, isValidDate } from '../../dates.js';
import { word } from '../../i18n/vocabulary.js';
import { currentPlans } from '../../model/plans.js';
import type { RelationshipPlanData } from '../../model/types.js';
import { at, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const planPeriodEnded = defineRule({
  id: 'plan-period-ended',
  category: 'methodology',
  severity: 'warning',
  summary: { en: 'The account plan or relationship plan period has ended and no newer plan covers today.', zh: '客户计划或关系规划的周期已结束，且没有覆盖今天的新规划。' },
  attention: { en: 'Plans that ended', zh: '已结束的规划', rank: 9 },
  messages: {
    default: {
      en: (p) => `This ${word('plan', p.plan, 'en')} ended on ${p.end} (${p.n} day${p.n === 1 ? '' : 's'} ago) and no newer one covers ${p.asOf}. Start the next period's plan.`,
      zh: (p) => `本${word('plan', p.plan, 'zh-cn')}已于 ${p.end} 结束（${p.n} 天前），且没有覆盖 ${p.asOf} 的新规划。请制定下一周期的规划。`,
    },
  },
  check: ({ account, asOf, locale }: AccountContext, rule) => {
    const out = [];
    const base = { account: account.id, tier: account.tier };
    const end = account.data?.period?.end;
    if (account.doc && account.data && account.tier && isValidDate(end) && end < asOf) {
      out.push(rule.diagnostic(at(account.doc, ['period', 'end']), locale, 'default', { plan: 'account', end, n: daysBetween(end, asOf), asOf }, { ...base, end }));
    }
    // A lapsed relationship plan matters only when no newer plan has taken over.
    const current = currentPlans(account, asOf);
    for (const plan of account.plans) {
      const planEnd = (plan.data as unknown as RelationshipPlanData).period?.end;
      if (isValidDate(planEnd) && planEnd < asOf && current[0] === plan) {
        out.push(rule.diagnostic(at(plan, ['period', 'end']), locale, 'default', { plan: 'relationship-plan', end: planEnd, n: daysBetween(planEnd, asOf), asOf }, { ...base, end: planEnd }));
      }
    }
    return out;
  },
});
