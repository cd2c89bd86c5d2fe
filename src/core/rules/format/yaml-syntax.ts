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
    'full-width-colon': {
      en: (p) => `A full-width colon ： is used here; YAML needs an ASCII colon : (and a space) after the field ${code(p.key)}.`,
      zh: (p) => `这里用了全角冒号 ：；YAML 需要半角冒号 :（后面加一个空格）跟在字段 ${code(p.key)} 之后。`,
    },
    'full-width-space': {
      en: () => 'A full-width space 　 (U+3000) is used here; YAML indents and separates with ASCII spaces only.',
      zh: () => '这里用了全角空格　（U+3000）；YAML 只能用半角空格缩进和分隔。',
    },
    'full-width-bracket': {
      en: (p) => `Full-width brackets ${p.chars} are used here; YAML reads them as text. A list needs ASCII brackets [ ], a group of fields braces { }: ${p.ascii}.`,
      zh: (p) => `这里用了全角括号 ${p.chars}；YAML 会把它当作普通文字。列表需要半角方括号 [ ]，字段组需要半角花括号 { }：${p.ascii}。`,
    },
    'full-width-quote': {
      en: (p) => `Chinese quotes ${p.chars} are used around this value; YAML keeps them as part of the text. Quote with ASCII quotes ${p.ascii}, or leave the quotes out.`,
      zh: (p) => `这个值用了中文引号 ${p.chars}；YAML 会把引号当作值的一部分。请改用半角引号 ${p.ascii}，或去掉引号。`,
    },
    other: {
      en: (p) => `YAML syntax error: ${p.detail}.`,
      zh: (p) => `YAML 语法错误：${p.detail}。`,
    },
  },
});
