/** `log-entry-malformed`: A line that looks like an interaction entry but cannot be read. */
import { code } from '../../i18n/catalogue.js';
import { defineRule } from '../define.js';

export const logEntryMalformed = defineRule({
  id: 'log-entry-malformed',
  category: 'format',
  severity: 'error',
  summary: { en: 'A line that looks like an interaction entry but cannot be read.', zh: '看似互动记录但无法解析的行。' },
  messages: {
    default: {
      en: (p) => `This looks like an interaction entry but could not be read: ${p.problem}. Expected: \`- 2026-11-02 meeting @zhang-wei: what was discussed\`.`,
      zh: (p) => `这一行像是互动记录，但无法解析：${p.problem}。正确格式：\`- 2026-11-02 meeting @zhang-wei: 沟通内容\`。`,
    },
    'problem.date': { en: (p) => `${code(p.value)} is not a valid date (YYYY-MM-DD)`, zh: (p) => `${code(p.value)} 不是有效日期（YYYY-MM-DD）` },
    'problem.channel': { en: () => 'the channel is missing after the date', zh: () => '日期后缺少互动方式' },
    'problem.mention': { en: () => 'no @person is named before the colon', zh: () => '冒号前没有 @人员' },
    'problem.colon': { en: () => 'the `:` between the people and the summary is missing', zh: () => '人员与摘要之间缺少冒号 `:`' },
    'problem.summary': { en: () => 'the summary after `:` is empty', zh: () => '冒号后的摘要为空' },
  },
});
