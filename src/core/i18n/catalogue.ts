/**
 * Message catalogue of the core, in English and Simplified Chinese. Every diagnostic message is
 * produced here, so the CLI and the editor say exactly the same thing.
 */
export type Locale = 'en' | 'zh-cn';

export function normalizeLocale(value: string | undefined | null): Locale {
  const v = (value ?? '').toLowerCase().replace('_', '-');
  return v.startsWith('zh') ? 'zh-cn' : 'en';
}

export type Params = Record<string, string | number | undefined>;
/** A message in every locale: the one shape of translated text in Keyplan. */
export type Message = { en: (p: Params) => string; zh: (p: Params) => string };
/** A fixed text in every locale. */
export type Text = { en: string; zh: string };

export const code = (s: unknown) => `\`${String(s)}\``;
/** Chinese names of the built-in channels (互动方式); configured channels are shown as written. */
export const CHANNEL_ZH: Record<string, string> = {
  visit: '拜访', meeting: '会议', call: '电话', wechat: '微信', email: '邮件', event: '活动', 'executive-exchange': '高层互访', gift: '礼品', dinner: '宴请', other: '其他',
};
export const list = (values: unknown, sep = ', ') => (Array.isArray(values) ? values : String(values ?? '').split('|')).join(sep);
export const hint = (p: Params, en = true) => (p.suggestion ? (en ? ` Did you mean ${code(p.suggestion)}?` : `是否应为 ${code(p.suggestion)}？`) : '');

export const messages = {
  // --- files and YAML
  // --- schema
  // --- workspace model
  // --- interaction logs
  // --- cadence (explanations are full sentences; the diagnostics reuse them)
  'cadence.who': {
    en: (p) => `${p.name}${p.details ? ` (${p.details})` : ''}`,
    zh: (p) => `${p.name}${p.details ? `（${p.details}）` : ''}`,
  },
  'cadence.source.relationship-plan': { en: () => 'the relationship plan', zh: () => '关系规划' },
  'cadence.source.person': { en: () => 'their own cadence', zh: () => '本人的节奏设置' },
  'cadence.source.config': { en: (p) => `keyplan.yaml (${p.key})`, zh: (p) => `keyplan.yaml（${p.key}）` },
  'cadence.source.built-in': { en: (p) => `the tier-${p.tier} default${p.role ? ` for ${p.role}` : ''}`, zh: (p) => `${p.tier} 类客户${p.role ? ` ${p.role} ` : ''}默认值` },
  'cadence.last': {
    en: (p) => `last met ${p.date} by ${p.channel}, ${p.days} day${p.days === 1 ? '' : 's'} ago`,
    zh: (p) => `最近一次互动 ${p.date}（${Object.hasOwn(CHANNEL_ZH, String(p.channel)) ? CHANNEL_ZH[String(p.channel)] : p.channel}），已 ${p.days} 天`,
  },
  'cadence.none': { en: () => 'no interaction logged', zh: () => '没有任何互动记录' },
  'cadence.expects': {
    en: (p) => `${p.source} expects every ${p.ideal} days, at most ${p.max}`,
    zh: (p) => `${p.source}要求每 ${p.ideal} 天一次、最长 ${p.max} 天`,
  },
  'cadence.verdict.overdue': { en: (p) => `overdue by ${p.n} day${p.n === 1 ? '' : 's'}`, zh: (p) => `已逾期 ${p.n} 天` },
  'cadence.verdict.due-soon': {
    en: (p) => (p.n === 0 ? 'due soon: the maximum is reached today' : `due soon: ${p.n} day${p.n === 1 ? '' : 's'} left before the maximum`),
    zh: (p) => (p.n === 0 ? '即将到期：今天已达最长间隔' : `即将到期：距最长间隔还剩 ${p.n} 天`),
  },
  'cadence.verdict.ok': { en: (p) => `ok, next contact ideally within ${p.n} day${p.n === 1 ? '' : 's'}`, zh: (p) => `正常，理想情况下 ${p.n} 天内再次联系` },
  'cadence.verdict.never': { en: () => 'never met', zh: () => '从未互动' },
  'cadence.verdict.planned-missed': {
    en: (p) => `an interaction was planned for ${p.next} (${p.n} day${p.n === 1 ? '' : 's'} ago) and none has been logged since → planned interaction missed`,
    zh: (p) => `原计划 ${p.next} 互动（${p.n} 天前），之后没有任何互动记录 → 计划互动未完成`,
  },
  'cadence.sentence': {
    en: (p) => `${p.who}: ${p.last}; ${p.expects} → ${p.verdict}${p.owner ? `; owner ${p.owner}` : ''}.`,
    zh: (p) => `${p.who}：${p.last}；${p.expects} → ${p.verdict}${p.owner ? `；负责人 ${p.owner}` : ''}。`,
  },
  'cadence.left-state': { en: (p) => `${p.name} has left the company; no cadence applies.`, zh: (p) => `${p.name} 已离职，不再计算互动节奏。` },
  'cadence.unknown': {
    en: (p) => `${p.name}: no cadence can be computed because the account's tier is unknown.`,
    zh: (p) => `${p.name}：客户分级未知，无法计算互动节奏。`,
  },
  // --- methodology rules
  // --- shared outputs (CI formats, pull-request summaries)
  'redacted.sensitive': {
    en: (p) => `Problem in the personal-data field ${code(p.field)}. Its details are not shown in shared output because the field is sensitive; run \`keyplan check\` locally to see them.`,
    zh: (p) => `敏感个人信息字段 ${code(p.field)} 有问题。该字段属于敏感信息，详细内容不在共享输出中显示；请在本地运行 \`keyplan check\` 查看。`,
  },
} satisfies Record<string, Message>;

export type MessageId = keyof typeof messages;

export function t(locale: Locale, id: MessageId, params: Params = {}): string {
  return localize(messages[id], locale, params);
}

/** A message in the given locale: the one place that chooses between the languages. */
export function localize(message: Message, locale: Locale, params: Params = {}): string {
  return locale === 'zh-cn' ? message.zh(params) : message.en(params);
}

/** A fixed text in the given locale. */
export function localizeText(text: Text, locale: Locale): string {
  return locale === 'zh-cn' ? text.zh : text.en;
}
