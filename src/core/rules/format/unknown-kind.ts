/** `unknown-kind`: A `kind:` that is almost, but not quite, a Keyplan kind. */
import { code, hint, list } from '../../i18n/catalogue.js';
import { defineRule } from '../define.js';

export const unknownKind = defineRule({
  id: 'unknown-kind',
  category: 'format',
  severity: 'error',
  summary: { en: 'A `kind:` that is almost, but not quite, a Keyplan kind.', zh: '`kind:` 的取值与 Keyplan 文档类型相近但不一致。' },
  messages: {
    default: {
      en: (p) => `${code(p.value)} is not a Keyplan document kind.${hint.en(p)} Known kinds: ${list(p.allowed)}.`,
      zh: (p) => `${code(p.value)} 不是 Keyplan 文档类型。${hint.zh(p)}可用类型：${list(p.allowed, '、')}。`,
    },
  },
});
