/** `interaction-overdue`: A contact not met for longer than the maximum interval. */
import { onPersonAndContact, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const interactionOverdue = defineRule({
  id: 'interaction-overdue',
  category: 'cadence',
  severity: 'warning',
  summary: { en: 'A contact not met for longer than the maximum interval.', zh: '联系人超过最长间隔未互动。' },
  // The message is the cadence engine's explanation of this person (analysis/cadence.ts).
  messages: { default: { en: (p) => String(p.explanation), zh: (p) => String(p.explanation) } },
  offersLogInteraction: true,
  check: ({ cadences, locale }: AccountContext, rule) => cadences.filter((c) => c.state === 'overdue').flatMap((c) => onPersonAndContact(rule, c, locale)),
});
