/** `cross-account-reference`: A reference to a person of another account. */
import { code } from '../../i18n/catalogue.js';
import { defineRule } from '../define.js';

export const crossAccountReference = defineRule({
  id: 'cross-account-reference',
  category: 'references',
  severity: 'warning',
  summary: { en: 'A reference to a person of another account.', zh: '引用了其他客户的人员。' },
  messages: {
    default: {
      en: (p) => `${code(p.id)} belongs to account ${code(p.other)}, not to ${code(p.account)}.`,
      zh: (p) => `${code(p.id)} 属于客户 ${code(p.other)}，而不是 ${code(p.account)}。`,
    },
  },
});
