/** `account-onboarding`: A new account: what to fill in next (the coverage warnings wait meanwhile). */
import { type AccountContext, accountName, at } from '../context.js';
import { defineRule } from '../define.js';

export const accountOnboarding = defineRule({
  id: 'account-onboarding',
  category: 'methodology',
  severity: 'info',
  summary: { en: 'A new account: what to fill in next (the coverage warnings wait meanwhile).', zh: '新客户建档期：接下来需要补充的内容（期间暂不报告覆盖类警告）。' },
  messages: {
    default: {
      en: (p) => `${p.account} is new (onboarding${p.daysLeft !== undefined ? `, ${p.daysLeft} day${p.daysLeft === 1 ? '' : 's'} of grace left` : ''}). Next: ${p.todo}. Coverage and dark-account warnings start once it has people and a first logged interaction${p.daysLeft !== undefined ? ', or when the grace period ends' : ''}.`,
      zh: (p) => `${p.account} 是新客户（建档期${p.daysLeft !== undefined ? `，宽限期还剩 ${p.daysLeft} 天` : ''}）。接下来：${p.todo}。有联系人且记录了第一次互动后${p.daysLeft !== undefined ? '（或宽限期结束后）' : ''}，开始报告覆盖类和失联警告。`,
    },
    people: { en: () => 'add people', zh: () => '添加联系人' },
    eb: { en: () => 'mark the Economic Buyer (EB)', zh: () => '标出经济决策者（EB）' },
    coach: { en: () => 'find a Coach', zh: () => '找到教练（Coach）' },
    interaction: { en: () => 'log a first interaction', zh: () => '记录第一次互动' },
    separator: { en: () => '; ', zh: () => '；' },
  },
  check: ({ account, locale, onboarding }: AccountContext, rule) => {
    if (!onboarding || !account.doc) return [];
    const todo = onboarding.todo.map((step) => rule.message(locale, step)).join(rule.message(locale, 'separator'));
    return [rule.diagnostic(at(account.doc, ['name']), locale, 'default', { account: accountName(account), todo, daysLeft: onboarding.daysLeft },
      { account: account.id, todo: onboarding.todo, done: onboarding.done, ...(onboarding.since ? { since: onboarding.since } : {}), ...(onboarding.daysLeft !== undefined ? { daysLeft: onboarding.daysLeft } : {}) })];
  },
});
