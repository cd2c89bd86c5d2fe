/** `interaction-never`: A contact with no interaction logged at all (info for people who are not key players). */
import { onPersonAndContact, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const interactionNever = defineRule({
  id: 'interaction-never',
  category: 'cadence',
  severity: 'warning',
  summary: { en: 'A contact with no interaction logged at all (info for people who are not key players).', zh: '联系人没有任何互动记录（非关键人物为提示级）。' },
  // The message is the cadence engine's explanation of this person (analysis/cadence.ts).
  messages: { default: { en: (p) => String(p.explanation), zh: (p) => String(p.explanation) } },
  offersLogInteraction: true,
  // A warning for key players; for everyone else a hint.
  check: ({ cadences, locale }: AccountContext, rule) => cadences.filter((c) => c.state === 'never').flatMap((c) => onPersonAndContact(rule, c, locale, c.keyPlayer ? 'warning' : 'info')),
});
