/** `reports-to-cycle`: Reporting lines that loop back on themselves. */
import { defineRule } from '../define.js';

export const reportsToCycle = defineRule({
  id: 'reports-to-cycle',
  category: 'references',
  severity: 'error',
  summary: { en: 'Reporting lines that loop back on themselves.', zh: '汇报关系形成循环。' },
  messages: {
    default: {
      en: (p) => `Reporting line loops back: ${p.cycle}. Someone in this chain must report to a person outside it.`,
      zh: (p) => `汇报关系形成了循环：${p.cycle}。链条中至少一人应向链外的人汇报。`,
    },
  },
});
