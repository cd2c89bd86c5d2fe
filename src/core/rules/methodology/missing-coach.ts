/** `missing-coach`: An account of a tier that needs a Coach (A unless keyplan.yaml says more) has none. */
import { type AccountContext, accountName, allPeopleSeen, at, hasRole, isActive } from '../context.js';
import { defineRule, tiersChecked } from '../define.js';

/** `A`, `A and B`, `A, B and C` / `A`、`A 和 B`. */
const tierList = (tiers: unknown, and: string, sep: string) => {
  const all = String(tiers).split('|');
  return all.length < 2 ? all.join('') : `${all.slice(0, -1).join(sep)}${and}${all[all.length - 1]}`;
};

export const missingCoach = defineRule({
  id: 'missing-coach',
  category: 'methodology',
  severity: { A: 'warning', B: 'off', C: 'off' },
  summary: { en: 'An A account without a Coach.', zh: 'A 类客户没有教练（Coach）。' },
  attention: { en: 'No coach', zh: '没有教练', rank: 3 },
  messages: {
    default: {
      en: (p) => `${p.account} (tier ${p.tier}) has no Coach: nobody guides us inside the account. Tier ${tierList(p.tiers, ' and ', ', ')} accounts need one.`,
      zh: (p) => `${p.account}（${p.tier} 类）没有教练（Coach）：客户内部无人为我们指路。${tierList(p.tiers, ' 和 ', '、')} 类客户必须有教练。`,
    },
  },
  check: ({ ws, account, locale }: AccountContext, rule) => {
    if (!account.doc || !account.data || !account.tier || !allPeopleSeen(account) || account.people.some((p) => isActive(p) && hasRole(p, 'Coach'))) return [];
    return [rule.diagnostic(at(account.doc, ['tier']), locale, 'default', { account: accountName(account), tier: account.tier, tiers: tiersChecked(ws.config.rules, rule).join('|') }, { account: account.id, tier: account.tier })];
  },
});
