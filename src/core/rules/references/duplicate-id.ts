/** `duplicate-id`: Two documents (or two objectives of one account) share an id. */
import { code } from '../../i18n/catalogue.js';
import { word } from '../../i18n/vocabulary.js';
import { defineRule } from '../define.js';

export const duplicateId = defineRule({
  id: 'duplicate-id',
  category: 'references',
  severity: 'error',
  summary: { en: 'Two documents (or two objectives of one account) share an id.', zh: '两个文档（或同一客户的两个目标）使用了相同的标识。' },
  messages: {
    default: {
      en: (p) => `Another ${word('kind', p.kind, 'en')} already uses the id ${code(p.id)} (${p.other}). Ids must be unique.`,
      zh: (p) => `另一个${word('kind', p.kind, 'zh-cn')}已使用标识 ${code(p.id)}（${p.other}）。标识必须唯一。`,
    },
  },
});
