/**
 * Message catalogue of the core, in English and Simplified Chinese. Every diagnostic message is
 * produced here, so the CLI and the editor say exactly the same thing.
 */
export type Locale = 'en' | 'zh-cn';

export function normalizeLocale(value: string | undefined | null): Locale {
  const v = (value ?? '').toLowerCase().replace('_', '-');
  return v.startsWith('zh') ? 'zh-cn' : 'en';
}

type Params = Record<string, string | number | undefined>;
type Entry = { en: (p: Params) => string; zh: (p: Params) => string };

const code = (s: unknown) => `\`${String(s)}\``;
const list = (values: unknown, sep = ', ') => (Array.isArray(values) ? values : String(values ?? '').split('|')).join(sep);
const hint = (p: Params, en = true) => (p.suggestion ? (en ? ` Did you mean ${code(p.suggestion)}?` : `是否应为 ${code(p.suggestion)}？`) : '');

export const messages = {
  // --- files and YAML
  'file.not-utf8': {
    en: () => 'This file is not valid UTF-8 text. Save it with UTF-8 encoding so Keyplan can read it.',
    zh: () => '该文件不是有效的 UTF-8 文本。请以 UTF-8 编码保存，Keyplan 才能读取。',
  },
  'yaml.unclosed': {
    en: () => 'The frontmatter has no closing `---` line. Add `---` on its own line after the last field.',
    zh: () => '文件头（frontmatter）缺少结束的 `---` 行。请在最后一个字段之后单独加一行 `---`。',
  },
  'yaml.empty': {
    en: () => 'The frontmatter is empty or is not a set of `key: value` fields.',
    zh: () => '文件头为空，或不是 `字段: 值` 的形式。',
  },
  'yaml.tab': {
    en: () => 'Tabs cannot be used to indent YAML. Indent with spaces.',
    zh: () => 'YAML 不能用 Tab 缩进，请改用空格。',
  },
  'yaml.duplicate-key': {
    en: (p) => `The field ${code(p.key)} appears twice in this block; keep one.`,
    zh: (p) => `字段 ${code(p.key)} 在同一层级出现了两次，请只保留一个。`,
  },
  'yaml.alias-bomb': {
    en: () => 'The frontmatter expands too many YAML aliases (`*name`) and was not read, to stay safe.',
    zh: () => '文件头中的 YAML 别名（`*name`）展开过多，为安全起见未读取。',
  },
  'yaml.too-deep': {
    en: () => 'The frontmatter is nested too deeply to be read.',
    zh: () => '文件头嵌套层级过深，无法读取。',
  },
  'yaml.colon-in-value': {
    en: (p) => `YAML could not read this line: ${p.detail}. If a value contains \`: \` (also after Chinese text), put the value in quotes.`,
    zh: (p) => `YAML 无法读取这一行：${p.detail}。如果值里含有 \`: \`（包括中文之后），请给整个值加引号。`,
  },
  'yaml.other': {
    en: (p) => `YAML syntax error: ${p.detail}.`,
    zh: (p) => `YAML 语法错误：${p.detail}。`,
  },
  'kind.unknown': {
    en: (p) => `${code(p.value)} is not a Keyplan document kind.${hint(p)} Known kinds: ${list(p.allowed)}.`,
    zh: (p) => `${code(p.value)} 不是 Keyplan 文档类型。${hint(p, false)}可用类型：${list(p.allowed, '、')}。`,
  },
  // --- schema
  'schema.required': {
    en: (p) => `Missing required field ${code(p.field)}${p.where ? ` in ${p.where}` : ''}${p.about ? ` (${p.about})` : ''}.`,
    zh: (p) => `${p.where ? `${p.where} 中` : ''}缺少必填字段 ${code(p.field)}${p.about ? `（${p.about}）` : ''}。`,
  },
  'schema.unknown-field': {
    en: (p) => `${code(p.field)} is not a field of ${p.where}.${hint(p)}`,
    zh: (p) => `${code(p.field)} 不是 ${p.where} 的字段。${hint(p, false)}`,
  },
  'schema.enum': {
    en: (p) => `${code(p.value)} is not an allowed value for ${code(p.field)}.${hint(p)} Allowed: ${list(p.allowed)}.`,
    zh: (p) => `${code(p.value)} 不是 ${code(p.field)} 的可用取值。${hint(p, false)}可用取值：${list(p.allowed, '、')}。`,
  },
  'schema.type': {
    en: (p) => `${code(p.field)} must be ${p.expected}; found ${p.found}.`,
    zh: (p) => `${code(p.field)} 应为${p.expectedZh}，实际是${p.foundZh}。`,
  },
  'schema.date': {
    en: (p) => `${code(p.value)} in ${code(p.field)} is not a valid date. Write dates as YYYY-MM-DD, e.g. 2026-11-20.`,
    zh: (p) => `${code(p.field)} 中的 ${code(p.value)} 不是有效日期。日期格式为 YYYY-MM-DD，例如 2026-11-20。`,
  },
  'schema.range': {
    en: (p) => `${code(p.field)} must be ${p.bound}; found ${p.value}.`,
    zh: (p) => `${code(p.field)} 应${p.boundZh}，实际为 ${p.value}。`,
  },
  'schema.id-pattern': {
    en: (p) => `${code(p.value)} is not a valid id for ${code(p.field)}: use lowercase letters, digits and single hyphens, e.g. ${code(p.example)}.`,
    zh: (p) => `${code(p.value)} 不是有效的 ${code(p.field)} 标识：只能用小写字母、数字和单个连字符，例如 ${code(p.example)}。`,
  },
  'schema.pattern': {
    en: (p) => `${code(p.value)} is not in the expected form for ${code(p.field)}${p.about ? ` (${p.about})` : ''}.`,
    zh: (p) => `${code(p.value)} 不符合 ${code(p.field)} 要求的格式${p.about ? `（${p.about}）` : ''}。`,
  },
  'schema.unique-items': {
    en: (p) => `${code(p.field)} lists ${code(p.value)} twice.`,
    zh: (p) => `${code(p.field)} 中 ${code(p.value)} 重复出现。`,
  },
  'schema.min-items': {
    en: (p) => `${code(p.field)} must list at least ${p.limit} item(s).`,
    zh: (p) => `${code(p.field)} 至少需要 ${p.limit} 项。`,
  },
  'schema.other': {
    en: (p) => `${code(p.field)}: ${p.detail}.`,
    zh: (p) => `${code(p.field)}：${p.detail}。`,
  },
  'cadence.max-below-ideal': {
    en: (p) => `The maximum interval (${p.max} days) is shorter than the ideal one (${p.ideal} days).`,
    zh: (p) => `最长间隔（${p.max} 天）短于理想间隔（${p.ideal} 天）。`,
  },
  'period.end-before-start': {
    en: (p) => `The period ends (${p.end}) before it starts (${p.start}).`,
    zh: (p) => `周期的结束日期（${p.end}）早于开始日期（${p.start}）。`,
  },
  // --- workspace model
  'model.duplicate-id': {
    en: (p) => `Another ${p.kind} already uses the id ${code(p.id)} (${p.other}). Ids must be unique.`,
    zh: (p) => `另一个${p.kindZh}已使用标识 ${code(p.id)}（${p.other}）。标识必须唯一。`,
  },
  'model.unknown-account': {
    en: (p) => `No account with the id ${code(p.id)} exists in this workspace.${hint(p)}`,
    zh: (p) => `工作区中没有标识为 ${code(p.id)} 的客户。${hint(p, false)}`,
  },
  'model.unknown-person': {
    en: (p) => `No person with the id ${code(p.id)} exists${p.account ? ` in account ${code(p.account)}` : ''}.${hint(p)}`,
    zh: (p) => `${p.account ? `客户 ${code(p.account)} 中` : ''}没有标识为 ${code(p.id)} 的人员。${hint(p, false)}`,
  },
  'model.cross-account': {
    en: (p) => `${code(p.id)} belongs to account ${code(p.other)}, not to ${code(p.account)}.`,
    zh: (p) => `${code(p.id)} 属于客户 ${code(p.other)}，而不是 ${code(p.account)}。`,
  },
  'model.reports-to-cycle': {
    en: (p) => `Reporting line loops back: ${p.cycle}. Someone in this chain must report to a person outside it.`,
    zh: (p) => `汇报关系形成了循环：${p.cycle}。链条中至少一人应向链外的人汇报。`,
  },
  'model.self-reference': {
    en: (p) => `${code(p.id)} cannot ${p.field === 'reports_to' ? 'report to' : 'influence'} themselves.`,
    zh: (p) => `${code(p.id)} 不能${p.field === 'reports_to' ? '向自己汇报' : '影响自己'}。`,
  },
  // --- interaction logs
  'log.malformed': {
    en: (p) => `This looks like an interaction entry but could not be read: ${p.problem}. Expected: \`- 2026-11-02 meeting @zhang-wei: what was discussed\`.`,
    zh: (p) => `这一行像是互动记录，但无法解析：${p.problem}。正确格式：\`- 2026-11-02 meeting @zhang-wei: 沟通内容\`。`,
  },
  'log.problem.date': { en: (p) => `${code(p.value)} is not a valid date (YYYY-MM-DD)`, zh: (p) => `${code(p.value)} 不是有效日期（YYYY-MM-DD）` },
  'log.problem.channel': { en: () => 'the channel is missing after the date', zh: () => '日期后缺少互动方式' },
  'log.problem.mention': { en: () => 'no @person is named before the colon', zh: () => '冒号前没有 @人员' },
  'log.problem.colon': { en: () => 'the `:` between the people and the summary is missing', zh: () => '人员与摘要之间缺少冒号 `:`' },
  'log.problem.summary': { en: () => 'the summary after `:` is empty', zh: () => '冒号后的摘要为空' },
  'log.unknown-channel': {
    en: (p) => `${code(p.value)} is not a configured interaction channel.${hint(p)} Allowed: ${list(p.allowed)}.`,
    zh: (p) => `${code(p.value)} 不是已配置的互动方式。${hint(p, false)}可用方式：${list(p.allowed, '、')}。`,
  },
  'log.future': {
    en: (p) => `This interaction is dated ${p.date}, after today (${p.asOf}). Log interactions once they have happened; plan future ones with \`next\` in the relationship plan.`,
    zh: (p) => `这条互动记录的日期 ${p.date} 晚于今天（${p.asOf}）。互动发生后再记录；未来的安排请写在关系规划的 \`next\` 中。`,
  },
} satisfies Record<string, Entry>;

export type MessageId = keyof typeof messages;

export function t(locale: Locale, id: MessageId, params: Params = {}): string {
  const entry: Entry = messages[id];
  return locale === 'zh-cn' ? entry.zh(params) : entry.en(params);
}
