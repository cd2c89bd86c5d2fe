/** `no-path-to-economic-buyer`: No chain of reporting or influence lines leads from someone on our side to the economic buyer. */
import { decisionPaths } from '../../analysis/decision-chain.js';
import { at, personName, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const noPathToEconomicBuyer = defineRule({
  id: 'no-path-to-economic-buyer',
  category: 'methodology',
  severity: { A: 'warning', B: 'warning', C: 'info' },
  summary: {
    en: 'No chain of reporting or influence lines leads from a champion, supporter or Coach to the economic buyer.',
    zh: '没有任何汇报或影响关系链能从坚定支持者、支持者或教练通向经济决策人。',
  },
  attention: { en: 'No way to the economic buyer', zh: '无法触达经济决策人', rank: 2.5 },
  messages: {
    default: {
      en: (p) => `Nobody on our side (a champion, supporter or Coach) can reach the economic buyer ${p.name} through reporting or influence lines. Find who can take us there: record \`reports_to\` and \`influences\`, or win over someone close to them.`,
      zh: (p) => `我方没有任何人（坚定支持者、支持者或教练）能通过汇报或影响关系触达经济决策人 ${p.name}。请找出能带我们接触 TA 的人：补充 \`reports_to\` 与 \`influences\`，或争取 TA 身边的人。`,
    },
  },
  check: ({ account, locale }: AccountContext, rule) => decisionPaths(account).flatMap((path) => {
    if (path.reason !== 'economic-buyer' || path.from !== undefined) return [];
    const p = account.people.find((x) => x.id === path.target)!;
    return [rule.diagnostic(at(p.doc, ['roles']), locale, 'default', { name: personName(p) }, { person: p.id, account: account.id })];
  }),
});
