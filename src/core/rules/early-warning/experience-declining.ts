/** `experience-declining` (体验下滑): a survey score fell by `survey_drop` or more on the previous survey of its kind. */
import { higherIsBetter, SURVEY_KINDS, surveyChange } from '../../analysis/value.js';
import { accountName, at, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

const NAMES = { nps: 'NPS', csat: 'CSAT', ces: 'CES' } as const;

export const experienceDeclining = defineRule({
  id: 'experience-declining',
  category: 'early-warning',
  severity: { A: 'warning', B: 'warning', C: 'info' },
  summary: { en: 'A survey score (NPS, CSAT, CES) fell by the configured margin on the previous survey.', zh: '调研得分（NPS、CSAT、CES）较上一次下降超过设定幅度（体验下滑）。' },
  attention: { en: 'Experience declining', zh: '体验下滑', rank: 12 },
  messages: {
    default: {
      en: (p) => `Experience at ${p.account} is declining: ${p.metric} went from ${p.previous} (${p.previousDate}) to ${p.latest} (${p.latestDate}), ${p.lower ? 'up' : 'down'} ${p.delta} point${p.delta === 1 ? '' : 's'}${p.lower ? ' (lower is better)' : ''}; the warning starts at ${p.margin}.`,
      zh: (p) => `${p.account} 体验下滑：${p.metric} 从 ${p.previous}（${p.previousDate}）变为 ${p.latest}（${p.latestDate}），${p.lower ? '上升' : '下降'} ${p.delta} 分${p.lower ? '（越低越好）' : ''}；变化达到 ${p.margin} 分即预警。`,
    },
  },
  check: ({ ws, account, asOf, locale }: AccountContext, rule) => {
    if (!account.doc || !account.data || !account.tier) return [];
    const margins = ws.config.earlyWarning.surveyDrop;
    return SURVEY_KINDS.flatMap((kind) => {
      const c = surveyChange(account.data, kind, asOf);
      if (!c) return [];
      const worse = (higherIsBetter(kind) ? c.previous.score - c.latest.score : c.latest.score - c.previous.score);
      const delta = Math.round(worse * 10) / 10;
      if (delta < margins[kind]) return [];
      return [rule.diagnostic(at(account.doc!, ['surveys', c.latest.index, 'score']), locale, 'default',
        { account: accountName(account), metric: NAMES[kind], previous: c.previous.score, previousDate: c.previous.date, latest: c.latest.score, latestDate: c.latest.date, delta, margin: margins[kind], lower: higherIsBetter(kind) ? 0 : 1 },
        { account: account.id, tier: account.tier, kind, previous: c.previous.score, latest: c.latest.score })];
    });
  },
});
