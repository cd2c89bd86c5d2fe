/** `complaints-rising` (投诉增加): complaints logged in the last window rose by `complaints_rise` or more on the window before. */
import { complaintCounts, percent } from '../../analysis/value.js';
import { accountName, at, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const complaintsRising = defineRule({
  id: 'complaints-rising',
  category: 'early-warning',
  severity: { A: 'warning', B: 'warning', C: 'info' },
  summary: { en: 'Complaints logged in the last window rose by the configured share on the window before.', zh: '最近窗口内记录的投诉较上一窗口增加超过设定比例（投诉增加）。' },
  attention: { en: 'Complaints rising', zh: '投诉增加', rank: 13 },
  messages: {
    default: {
      en: (p) => `Complaints at ${p.account} are rising: ${p.recent} in the last ${p.days} days (since ${p.recentFrom}) against ${p.before} in the ${p.days} days before${p.rise === undefined ? '' : `, up ${p.rise} %`} (the warning starts at ${p.threshold} % and ${p.min} complaints). Complaints are log entries on ${p.channels} or tagged #complaint.`,
      zh: (p) => `${p.account} 投诉增加：最近 ${p.days} 天（自 ${p.recentFrom} 起）${p.recent} 次，之前 ${p.days} 天 ${p.before} 次${p.rise === undefined ? '' : `，上升 ${p.rise} %`}（上升 ${p.threshold} % 且至少 ${p.min} 次即预警）。投诉指渠道为 ${p.channels} 或带 #投诉 标签的互动记录。`,
    },
  },
  check: ({ ws, account, asOf, locale }: AccountContext, rule) => {
    if (!account.doc || !account.data || !account.tier) return [];
    const cfg = ws.config.earlyWarning;
    const w = complaintCounts(account, cfg, asOf);
    if (w.recent < cfg.complaintsMin || w.recent <= w.before || w.recent < w.before * (1 + cfg.complaintsRise)) return [];
    const rise = w.before > 0 ? percent((w.recent - w.before) / w.before) : undefined;
    return [rule.diagnostic(at(account.doc, ['name']), locale, 'default',
      { account: accountName(account), recent: w.recent, before: w.before, days: w.days, recentFrom: w.recentFrom, rise, threshold: percent(cfg.complaintsRise), min: cfg.complaintsMin, channels: cfg.complaintChannels.join(', ') || '—' },
      { account: account.id, tier: account.tier, recent: w.recent, before: w.before, windowDays: w.days })];
  },
});
