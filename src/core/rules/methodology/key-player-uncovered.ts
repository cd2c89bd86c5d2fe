/** `key-player-uncovered`: Influence 4 or 5 with coverage unknown or none. */
import { at, isActive, personName, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';
import { word } from '../../i18n/vocabulary.js';

export const keyPlayerUncovered = defineRule({
  id: 'key-player-uncovered',
  category: 'methodology',
  severity: { A: 'warning', B: 'warning', C: 'info' },
  summary: { en: 'Influence 4 or 5 with coverage unknown or none.', zh: '影响力 4–5 但覆盖度未知或未接触。' },
  attention: { en: 'Key players nobody knows', zh: '无人了解的关键人物', rank: 5 },
  messages: {
    default: {
      en: (p) => `${p.name} has influence ${p.influence} of 5 but coverage ${word('coverage', p.coverage, 'en')}: a key player nobody really knows yet.`,
      zh: (p) => `${p.name} 的影响力为 ${p.influence}/5，但覆盖度为${word('coverage', p.coverage, 'zh-cn')}：这位关键人物我们还不了解。`,
    },
  },
  check: ({ account, locale }: AccountContext, rule) => account.people.filter(isActive).flatMap((p) => {
    const coverage = p.data.coverage ?? 'unknown';
    if (typeof p.data.influence !== 'number' || p.data.influence < 4 || (coverage !== 'unknown' && coverage !== 'none')) return [];
    return [rule.diagnostic(at(p.doc, p.data.coverage ? ['coverage'] : ['influence']), locale, 'default',
      { name: personName(p), influence: p.data.influence, coverage }, { person: p.id, account: account.id })];
  }),
});
