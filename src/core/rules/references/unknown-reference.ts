/** `unknown-reference`: A reference to an account or person that does not exist. */
import { code, hint } from '../../i18n/catalogue.js';
import { defineRule } from '../define.js';

export const unknownReference = defineRule({
  id: 'unknown-reference',
  category: 'references',
  severity: 'error',
  summary: { en: 'A reference to an account or person that does not exist.', zh: '引用了不存在的客户或人员。' },
  messages: {
    account: {
      en: (p) => `No account with the id ${code(p.id)} exists in this workspace.${hint.en(p)}`,
      zh: (p) => `工作区中没有标识为 ${code(p.id)} 的客户。${hint.zh(p)}`,
    },
    person: {
      en: (p) => `No person with the id ${code(p.id)} exists${p.account ? ` in account ${code(p.account)}` : ''}.${hint.en(p)}`,
      zh: (p) => `${p.account ? `客户 ${code(p.account)} 中` : ''}没有标识为 ${code(p.id)} 的人员。${hint.zh(p)}`,
    },
    self: {
      en: (p) => `${code(p.id)} cannot ${p.field === 'reports_to' ? 'report to' : 'influence'} themselves.`,
      zh: (p) => `${code(p.id)} 不能${p.field === 'reports_to' ? '向自己汇报' : '影响自己'}。`,
    },
  },
});
