/** `missing-economic-buyer`: An A or B account without an active economic buyer (EB). */
import { type AccountContext, accountName, allPeopleSeen, at, hasRole, isActive } from '../context.js';
import { defineRule } from '../define.js';

export const missingEconomicBuyer = defineRule({
  id: 'missing-economic-buyer',
  category: 'methodology',
  severity: { A: 'warning', B: 'warning', C: 'off' },
  summary: { en: 'An A or B account without an active economic buyer (EB).', zh: 'A/B 类客户没有在职的经济决策人（EB）。' },
  attention: { en: 'No economic buyer', zh: '没有经济决策者', rank: 1 },
  messages: {
    default: {
      en: (p) => `${p.account} (tier ${p.tier}) has no active economic buyer (EB): nobody is recorded as the person who releases the money and can veto. Identify them and add \`EB\` to their \`roles\`.`,
      zh: (p) => `${p.account}（${p.tier} 类）没有在职的经济决策人（EB）：没有记录谁批准预算、拥有否决权。请识别此人，并在其 \`roles\` 中加入 \`EB\`。`,
    },
  },
  // Emitted for every tier: the per-tier default (C: off) decides where it shows, so keyplan.yaml
  // `rules:` can turn it on elsewhere.
  check: ({ account, locale }: AccountContext, rule) => {
    if (!account.doc || !account.data || !account.tier || !allPeopleSeen(account) || account.people.some((p) => isActive(p) && hasRole(p, 'EB'))) return [];
    return [rule.diagnostic(at(account.doc, ['tier']), locale, 'default', { account: accountName(account), tier: account.tier }, { account: account.id, tier: account.tier })];
  },
});
