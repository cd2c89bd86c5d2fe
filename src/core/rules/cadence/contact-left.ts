/** `contact-left`: A person who left the company is still a contact in a current relationship plan. */
import { at, personName, type AccountContext } from '../context.js';
import { defineRule } from '../define.js';

export const contactLeft = defineRule({
  id: 'contact-left',
  category: 'cadence',
  severity: 'warning',
  summary: { en: 'A person who left the company is still a contact in a current relationship plan.', zh: '已离职人员仍是当前关系规划中的联系人。' },
  attention: { en: 'Contacts who left', zh: '已离职的联系人', rank: 7 },
  messages: {
    default: {
      en: (p) => `${p.name} has left the company (status: left) but is still a contact in ${p.plan}. Remove them from the plan or name who replaces them, and keep their file with \`status: left\`: do not delete it, old log entries mention them.`,
      zh: (p) => `${p.name} 已离职（status: left），但仍是 ${p.plan} 中的联系人。请从规划中移除或注明接替人选，并保留其人员文件（\`status: left\`）：不要删除，旧的互动记录仍提及此人。`,
    },
  },
  check: ({ cadences, locale }: AccountContext, rule) => cadences.flatMap((c) => {
    if (c.state !== 'left' || !c.contact) return [];
    const plan = c.contact.plan;
    const params = { name: personName(c.person), plan: plan.path };
    const data = { person: c.person.id, account: c.account.id };
    return [
      rule.diagnostic(at(plan, ['contacts', c.contact.index, 'person']), locale, 'default', params, data),
      rule.diagnostic(at(c.person.doc, ['status']), locale, 'default', params, data),
    ];
  }),
});
