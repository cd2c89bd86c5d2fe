/** `log-entry-in-future`: An interaction dated after today; it is not counted yet. */
import type { AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const logEntryInFuture = defineRule({
  id: 'log-entry-in-future',
  category: 'cadence',
  severity: 'warning',
  summary: { en: 'An interaction dated after today; it is not counted yet.', zh: '日期晚于今天的互动记录，暂不计入。' },
  messages: {
    default: {
      en: (p) => `This interaction is dated ${p.date}, after today (${p.asOf}); it is not counted until that day. Plan future meetings with \`next\` in the relationship plan.`,
      zh: (p) => `这条互动记录的日期 ${p.date} 晚于今天（${p.asOf}），在那天之前不计入。未来的安排请写在关系规划的 \`next\` 中。`,
    },
  },
  // Entries dated after as-of are not counted; say so where they are written.
  check: ({ account, asOf, locale }: AccountContext, rule) => {
    const out = [];
    for (const i of account.interactions) {
      if (i.date <= asOf) break; // newest first: the rest are in the past
      out.push(rule.diagnostic({ file: i.doc.path, range: i.doc.bodyRange(i.entry.start, i.entry.start + i.date.length) }, locale, 'default', { date: i.date, asOf }));
    }
    return out;
  },
});
