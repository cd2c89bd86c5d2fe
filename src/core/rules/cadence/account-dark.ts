/** `account-dark`: Nobody at the account has been met for longer than `dark_after` days. */
import { accountName, at, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const accountDark = defineRule({
  id: 'account-dark',
  category: 'cadence',
  severity: 'warning',
  summary: { en: 'Nobody at the account has been met for longer than `dark_after` days.', zh: '客户超过 `dark_after` 天无人互动（失联）。' },
  attention: { en: 'Dark accounts', zh: '失联客户', rank: 6 },
  messages: {
    default: {
      en: (p) => (p.date
        ? `Nobody at ${p.account} has been met for ${p.days} days (last: ${p.date} with ${p.people}); an account goes dark after ${p.darkAfter} days without interaction${p.owner ? `. Owner ${p.owner}` : ''}.`
        : `No interaction with anyone at ${p.account} has been logged; an account goes dark after ${p.darkAfter} days without interaction${p.owner ? `. Owner ${p.owner}` : ''}.`),
      zh: (p) => (p.date
        ? `${p.account} 已 ${p.days} 天无人拜访（最近一次：${p.date}，${p.people}）；超过 ${p.darkAfter} 天无互动即视为“失联”${p.owner ? `。负责人 ${p.owner}` : ''}。`
        : `${p.account} 没有任何互动记录；超过 ${p.darkAfter} 天无互动即视为“失联”${p.owner ? `。负责人 ${p.owner}` : ''}。`),
    },
  },
  check: ({ ws, activity: a, locale }: AccountContext, rule) => {
    if (!a?.dark || !a.account.doc) return [];
    const people = a.last ? a.last.people.map((id) => String(ws.people.get(id)?.data.name ?? id)).join(', ') : undefined;
    return [rule.diagnostic(at(a.account.doc, ['name']), locale, 'default',
      { account: accountName(a.account), days: a.daysSince, date: a.last?.date, people, darkAfter: ws.config.darkAfter, owner: a.account.data?.owner }, { account: a.account.id, daysSince: a.daysSince })];
  },
});
