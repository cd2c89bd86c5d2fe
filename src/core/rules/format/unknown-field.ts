/** `unknown-field`: A field the format does not know (often a typo). */
import { code, hint } from '../../i18n/catalogue.js';
import { defineRule } from '../define.js';

export const unknownField = defineRule({
  id: 'unknown-field',
  category: 'format',
  severity: 'error',
  summary: { en: 'A field the format does not know (often a typo).', zh: '格式中不存在的字段（通常是拼写错误）。' },
  messages: {
    default: {
      en: (p) => `${code(p.field)} is not a field of ${p.where}.${hint.en(p)}`,
      zh: (p) => `${code(p.field)} 不是 ${p.where} 的字段。${hint.zh(p)}`,
    },
  },
});
