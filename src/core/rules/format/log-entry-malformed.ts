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
    'next-due': {
      en: (p) => `The follow-up's due date ${code(p.value)} is not a date written YYYY-MM-DD, as in \`Next (2026-12-05): …\`. The entry counts; the follow-up has no due date until this is fixed.`,
      zh: (p) => `后续行动的截止日期 ${code(p.value)} 不是 YYYY-MM-DD 格式的日期，正确写法如 \`Next (2026-12-05): …\`。该条记录仍然计入；在修正之前，该后续行动没有截止日期。`,
    },
    'problem.date': { en: (p) => `${code(p.value)} is not a valid date (YYYY-MM-DD)`, zh: (p) => `${code(p.value)} 不是有效日期（YYYY-MM-DD）` },
    'problem.channel': { en: () => 'the channel is missing after the date', zh: () => '日期后缺少互动方式' },
    'problem.mention': { en: () => 'no @person is named before the colon', zh: () => '冒号前没有 @人员' },
    'problem.colon': { en: () => 'the `:` between the people and the summary is missing', zh: () => '人员与摘要之间缺少冒号 `:`' },
    'problem.summary': { en: () => 'the summary after `:` is empty', zh: () => '冒号后的摘要为空' },
    'problem.too-deep': {
      en: (p) => `this line is nested more than ${p.value} columns deep (indentation, list markers or \`>\`), beyond the limit Keyplan reads exactly; this part of the log was read line by line, where only list items at the start of a line are entries`,
      zh: (p) => `这一行的嵌套超过 ${p.value} 列（缩进、列表符号或 \`>\`），超出 Keyplan 精确解析的上限；这一部分已按行读取，只有从行首开始的列表项才算记录`,
    },
    'problem.budget': {
      en: (p) => `from here on, the parts of this log that need full Markdown reading (code blocks, quotes, nested lists) add up to more than ${p.value} characters, beyond what Keyplan reads exactly in one log; the rest was read line by line, so entries inside code blocks or quotes may be counted`,
      zh: (p) => `从这里开始，本日志中需要完整 Markdown 解析的部分（代码块、引用、嵌套列表）累计超过 ${p.value} 个字符，超出 Keyplan 对单个日志精确解析的上限；其余部分已按行读取，代码块或引用中的内容可能被当作记录`,
    },
    'problem.too-large': {
      en: (p) => `the part of the log starting here is longer than ${p.value} characters without a blank line or a top-level entry to split it, beyond the limit Keyplan reads exactly; it was read line by line, so entries inside code blocks or quotes may be counted`,
      zh: (p) => `从这里开始的这一部分超过 ${p.value} 个字符，中间没有空行或顶层记录可以分隔，超出 Keyplan 精确解析的上限；已按行读取，代码块或引用中的内容可能被当作记录`,
    },
  },
});
