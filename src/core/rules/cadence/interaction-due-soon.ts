/** `interaction-due-soon`: A contact past the ideal interval, not yet past the maximum. */
import { onPersonAndContact, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const interactionDueSoon = defineRule({
  id: 'interaction-due-soon',
  category: 'cadence',
  severity: 'info',
  summary: { en: 'A contact past the ideal interval, not yet past the maximum.', zh: '联系人已超过理想间隔，尚未超过最长间隔。' },
  // The message is the cadence engine's explanation of this person (analysis/cadence.ts).
  messages: { default: { en: (p) => String(p.explanation), zh: (p) => String(p.explanation) } },
  offersLogInteraction: true,
  check: ({ cadences, locale }: AccountContext, rule) => cadences.filter((c) => c.state === 'due-soon').flatMap((c) => onPersonAndContact(rule, c, locale)),
});
