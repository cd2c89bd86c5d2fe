/** `yaml-syntax`: The frontmatter is not valid YAML. */
import { code } from '../../i18n/catalogue.js';
import { defineRule } from '../define.js';

export const yamlSyntax = defineRule({
  id: 'yaml-syntax',
  category: 'format',
  severity: 'error',
  summary: { en: 'The frontmatter is not valid YAML.', zh: '文件头不是有效的 YAML。' },
  messages: {
    unclosed: {
      en: () => 'The frontmatter has no closing `---` line. Add `---` on its own line after the last field.',
      zh: () => '文件头（frontmatter）缺少结束的 `---` 行。请在最后一个字段之后单独加一行 `---`。',
    },
    empty: {
      en: () => 'The frontmatter is empty or is not a set of `key: value` fields.',
      zh: () => '文件头为空，或不是 `字段: 值` 的形式。',
    },
    tab: {
      en: () => 'Tabs cannot be used to indent YAML. Indent with spaces.',
      zh: () => 'YAML 不能用 Tab 缩进，请改用空格。',
    },
    'duplicate-key': {
      en: (p) => `The field ${code(p.key)} appears twice in this block; keep one.`,
      zh: (p) => `字段 ${code(p.key)} 在同一层级出现了两次，请只保留一个。`,
    },
    'alias-bomb': {
      en: () => 'The frontmatter expands too many YAML aliases (`*name`) and was not read, to stay safe.',
      zh: () => '文件头中的 YAML 别名（`*name`）展开过多，为安全起见未读取。',
    },
    'too-deep': {
      en: () => 'The frontmatter is nested too deeply to be read.',
      zh: () => '文件头嵌套层级过深，无法读取。',
    },
    'colon-in-value': {
      en: (p) => `YAML could not read this line: ${p.detail}. If a value contains \`: \` (also after Chinese text), put the value in quotes.`,
      zh: (p) => `YAML 无法读取这一行：${p.detail}。如果值里含有 \`: \`（包括中文之后），请给整个值加引号。`,
    },
    other: {
      en: (p) => `YAML syntax error: ${p.detail}.`,
      zh: (p) => `YAML 语法错误：${p.detail}。`,
    },
  },
});
