/** `missing-coach`: An A account without a Coach. */
import { type AccountContext, accountName, allPeopleSeen, at, hasRole, isActive } from '../context.js';
import { defineRule } from '../define.js';

export const missingCoach = defineRule({
  id: 'missing-coach',
  category: 'methodology',
  severity: { A: 'warning', B: 'off', C: 'off' },
  summary: { en: 'An A account without a Coach.', zh: 'A 类客户没有教练（Coach）。' },
  attention: { en: 'No coach', zh: '没有教练', rank: 3 },
  messages: {
    default: {
      en: (p) => `${p.account} (tier ${p.tier}) has no Coach: nobody guides us inside the account. Strategic accounts need one.`,
      zh: (p) => `${p.account}（${p.tier} 类）没有教练（Coach）：客户内部无人为我们指路。战略客户必须有教练。`,
    },
  },
  check: ({ account, locale }: AccountContext, rule) => {
    if (!account.doc || !account.data || !account.tier || !allPeopleSeen(account) || account.people.some((p) => isActive(p) && hasRole(p, 'Coach'))) return [];
    return [rule.diagnostic(at(account.doc, ['tier']), locale, 'default', { account: accountName(account), tier: account.tier }, { account: account.id, tier: account.tier })];
  },
});
