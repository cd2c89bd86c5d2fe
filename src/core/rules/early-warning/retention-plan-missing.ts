/** `retention-plan-missing` (缺少挽留计划): a declining or high-risk A/B account without an open retention objective. */
import { accountName, at, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';
import { word, type Locale } from '../../i18n/catalogue.js';

const reasons = (p: unknown, locale: Locale, sep: string) => String(p ?? '').split('|').map((r) => word('retention', r, locale)).join(sep);

export const retentionPlanMissing = defineRule({
  id: 'retention-plan-missing',
  category: 'early-warning',
  severity: { A: 'warning', B: 'warning', C: 'off' },
  summary: { en: 'A declining or high-risk account without an open retention objective.', zh: '处于衰退期或高流失风险的客户没有未关闭的挽留目标。' },
  attention: { en: 'Retention plans missing', zh: '缺少挽留计划', rank: 16 },
  messages: {
    default: {
      en: (p) => `${p.account} needs a retention plan (${reasons(p.why, 'en', ', ')}) but has no open objective of kind retention: analyse the cause, choose a strategy for a ${p.tier}-tier account, act, and measure.`,
      zh: (p) => `${p.account} 需要挽留计划（${reasons(p.why, 'zh-cn', '、')}），但没有未关闭的 retention（挽留）目标：分析原因、按 ${p.tier} 类客户选择策略、行动并衡量效果。`,
    },
  },
  check: ({ account, locale }: AccountContext, rule) => {
    const doc = account.doc;
    const data = account.data;
    if (!doc || !data || !account.tier) return [];
    const why: string[] = [];
    let path: (string | number)[] | undefined;
    if (data.lifecycle === 'decline') { why.push('decline'); path ??= ['lifecycle']; }
    if (data.health?.churn_risk === 'high') { why.push('churn-risk'); path ??= ['health', 'churn_risk']; }
    if (data.label === 'churn-warning') { why.push('churn-warning'); path ??= ['label']; }
    if (!path) return [];
    const objectives = Array.isArray(data.objectives) ? data.objectives : [];
    if (objectives.some((o) => o && o.kind === 'retention' && o.status !== 'dropped' && o.status !== 'done')) return [];
    return [rule.diagnostic(at(doc, path), locale, 'default', { account: accountName(account), why: why.join('|'), tier: account.tier }, { account: account.id, tier: account.tier, reasons: why })];
  },
});
