/** `objective-overdue`: An objective past its due date that is not done or dropped. */
import { daysBetween, isValidDate } from '../../dates.js';
import { at, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';
import { word } from '../../i18n/catalogue.js';

export const objectiveOverdue = defineRule({
  id: 'objective-overdue',
  category: 'methodology',
  severity: 'warning',
  summary: { en: 'An objective past its due date that is not done or dropped.', zh: '已过截止日期且未完成（或未放弃）的目标。' },
  attention: { en: 'Objectives overdue', zh: '逾期目标', rank: 10 },
  messages: {
    default: {
      en: (p) => `Objective ${p.id} “${p.title}” was due on ${p.due} (${p.n} day${p.n === 1 ? '' : 's'} ago) and is ${p.status}.`,
      zh: (p) => `目标 ${p.id}“${p.title}”应于 ${p.due} 完成（已过 ${p.n} 天），当前状态为${word('objective_status', p.status, 'zh-cn')}（${p.status}）。`,
    },
  },
  check: ({ account, asOf, locale }: AccountContext, rule) => {
    const doc = account.doc;
    const data = account.data;
    if (!doc || !data || !account.tier) return [];
    return (Array.isArray(data.objectives) ? data.objectives : []).flatMap((o, i) => {
      if (!o || !isValidDate(o.due) || o.due >= asOf || o.status === 'done' || o.status === 'dropped') return [];
      return [rule.diagnostic(at(doc, ['objectives', i, 'due']), locale, 'default',
        { id: o.id ?? `#${i + 1}`, title: o.title ?? '', due: o.due, n: daysBetween(o.due, asOf), status: o.status ?? 'not-started' }, { account: account.id, tier: account.tier, objective: o.id })];
    });
  },
});
