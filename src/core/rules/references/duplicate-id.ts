/** `duplicate-id`: Two documents (or two objectives of one account) share an id. */
import { code, list } from '../../i18n/catalogue.js';
import { word } from '../../i18n/vocabulary.js';
import { defineRule } from '../define.js';

export const duplicateId = defineRule({
  id: 'duplicate-id',
  category: 'references',
  severity: 'error',
  summary: { en: 'Two documents (or two objectives of one account) share an id.', zh: '两个文档（或同一客户的两个目标）使用了相同的标识。' },
  messages: {
    /** Two objectives of one account plan. */
    default: {
      en: (p) => `Another ${word('kind', p.kind, 'en')} already uses the id ${code(p.id)} (${p.other}). Ids must be unique.`,
      zh: (p) => `另一个${word('kind', p.kind, 'zh-cn')}已使用标识 ${code(p.id)}（${p.other}）。标识必须唯一。`,
    },
    /** Two or more files: reported on every one of them; `other` lists the other files, `used` the one that is used. */
    files: {
      en: (p) => `The ${word('kind', p.kind, 'en')} id ${code(p.id)} is also defined in ${list(p.other)}. Ids must be unique; until this is fixed ${p.used} is used and findings about ${code(p.id)} may be incomplete.`
        + (p.paused ? ` Account ${code(p.paused)} is missing this contact meanwhile, so its contacts are not judged as a whole (single-threaded, economic buyer, Coach).` : ''),
      zh: (p) => `${word('kind', p.kind, 'zh-cn')}标识 ${code(p.id)} 也在 ${list(p.other, '、')} 中定义。标识必须唯一；修正之前使用 ${p.used}，与 ${code(p.id)} 有关的检查结果可能不完整。`
        + (p.paused ? `在此期间客户 ${code(p.paused)} 缺少这位联系人，因此暂不对其联系人整体做判断（单线联系、经济决策者、教练）。` : ''),
    },
  },
});
