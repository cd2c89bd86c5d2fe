/** `planned-interaction-missed`: A planned interaction date passed without an interaction. */
import { describeWho } from '../../analysis/cadence.js';
import { at, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const plannedInteractionMissed = defineRule({
  id: 'planned-interaction-missed',
  category: 'cadence',
  severity: 'warning',
  summary: { en: 'A planned interaction date passed without an interaction.', zh: '计划的互动日期已过，但没有互动记录。' },
  messages: {
    default: {
      en: (p) => `${p.who}: an interaction was planned for ${p.next} (${p.n} day${p.n === 1 ? '' : 's'} ago) and none has been logged since${p.owner ? `; owner ${p.owner}` : ''}.`,
      zh: (p) => `${p.who}：原计划 ${p.next} 互动（${p.n} 天前），之后没有任何互动记录${p.owner ? `；负责人 ${p.owner}` : ''}。`,
    },
  },
  offersLogInteraction: true,
  // Placed on the plan's `next:` date, the promise that was not kept.
  check: ({ cadences, locale }: AccountContext, rule) => cadences.flatMap((c) => {
    if (!c.missedPlan || !c.contact) return [];
    return [rule.diagnostic(at(c.contact.plan, ['contacts', c.contact.index, 'next']), locale, 'default',
      { who: describeWho(c.person, c.tier, locale), next: c.missedPlan.next, n: c.missedPlan.daysAgo, owner: c.owner }, { person: c.person.id, account: c.account.id, next: c.missedPlan.next })];
  }),
});
