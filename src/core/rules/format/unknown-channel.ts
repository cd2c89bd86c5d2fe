/** `unknown-channel`: An interaction channel that is not in the configured list. */
import { code, hint, list } from '../../i18n/catalogue.js';
import { defineRule } from '../define.js';

export const unknownChannel = defineRule({
  id: 'unknown-channel',
  category: 'format',
  severity: 'warning',
  summary: { en: 'An interaction channel that is not in the configured list.', zh: '不在配置列表中的互动方式。' },
  messages: {
    default: {
      en: (p) => `${code(p.value)} is not a configured interaction channel.${hint.en(p)} Allowed: ${list(p.allowed)}.`,
      zh: (p) => `${code(p.value)} 不是已配置的互动方式。${hint.zh(p)}可用方式：${list(p.allowed, '、')}。`,
    },
  },
});
