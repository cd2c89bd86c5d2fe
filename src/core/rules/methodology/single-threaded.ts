/** `single-threaded`: Fewer than 3 active contacts, or only one covered more than briefly. */
import type { Coverage } from '../../model/types.js';
import { type AccountContext, accountName, allPeopleSeen, at, isActive } from '../context.js';

const DEEP: Coverage[] = ['multiple', 'in-depth'];
import { defineRule } from '../define.js';

export const singleThreaded = defineRule({
  id: 'single-threaded',
  category: 'methodology',
  severity: { A: 'warning', B: 'warning', C: 'info' },
  summary: { en: 'Fewer than 3 active contacts, or only one covered more than briefly.', zh: '在职联系人少于 3 位，或只有 1 位达到多次/深度覆盖。' },
  attention: { en: 'Single-threaded accounts', zh: '单线联系的客户', rank: 4 },
  messages: {
    count: {
      en: (p) => `${p.account} is single-threaded: only ${p.n} active contact${p.n === 1 ? '' : 's'} (at least 3 expected). If that person leaves, the relationship goes with them.`,
      zh: (p) => `${p.account} 是“单线联系”：只有 ${p.n} 位在职联系人（至少应有 3 位）。此人一旦离开，关系随之中断。`,
    },
    depth: {
      en: (p) => `${p.account} is single-threaded: only ${p.n} of ${p.total} contacts ${p.n === 1 ? 'is' : 'are'} covered more than briefly (coverage multiple or in-depth).`,
      zh: (p) => `${p.account} 是“单线联系”：${p.total} 位联系人中只有 ${p.n} 位达到多次或深度覆盖。`,
    },
  },
  check: ({ account, locale }: AccountContext, rule) => {
    if (!account.doc || !account.data || !account.tier || !allPeopleSeen(account)) return [];
    const active = account.people.filter(isActive);
    const where = at(account.doc, ['name']);
    const data = { account: account.id, tier: account.tier };
    if (active.length < 3) return [rule.diagnostic(where, locale, 'count', { account: accountName(account), n: active.length }, { ...data, contacts: active.length })];
    const deep = active.filter((p) => DEEP.includes(p.data.coverage as Coverage)).length;
    // Only when every contact's coverage is known: an unknown coverage might be deep.
    const allKnown = active.every((p) => p.data.coverage && p.data.coverage !== 'unknown');
    if (deep > 1 || !allKnown) return [];
    return [rule.diagnostic(where, locale, 'depth', { account: accountName(account), n: deep, total: active.length }, { ...data, contacts: active.length, deep })];
  },
});
