/** `economic-buyer-not-supportive`: The economic buyer is neutral, skeptical, opposed or of unknown stance. */
import { word } from '../../i18n/vocabulary.js';
import { at, hasRole, isActive, personName, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const economicBuyerNotSupportive = defineRule({
  id: 'economic-buyer-not-supportive',
  category: 'methodology',
  severity: { A: 'warning', B: 'warning', C: 'info' },
  summary: { en: 'The economic buyer is neutral, skeptical, opposed or of unknown stance.', zh: '经济决策人立场为中立、怀疑、反对或未知。' },
  attention: { en: 'Economic buyer not supportive', zh: '经济决策者不支持', rank: 2 },
  messages: {
    default: {
      en: (p) => `The economic buyer ${p.name} is ${p.stance === 'unknown' ? 'of unknown stance' : word('stance', p.stance, 'en')} toward us. An EB who is not supportive is a red flag: plan how to win them over.`,
      zh: (p) => `经济决策人 ${p.name} 对我方的立场为${word('stance', p.stance, 'zh-cn')}。EB 不支持是危险信号：请制定争取策略。`,
    },
  },
  check: ({ account, locale }: AccountContext, rule) => account.people.filter((p) => isActive(p) && hasRole(p, 'EB')).flatMap((p) => {
    const stance = p.data.stance ?? 'unknown';
    if (stance === 'champion' || stance === 'supporter') return [];
    return [rule.diagnostic(at(p.doc, p.data.stance ? ['stance'] : ['roles']), locale, 'default',
      { name: personName(p), stance }, { person: p.id, account: account.id, stance })];
  }),
});
