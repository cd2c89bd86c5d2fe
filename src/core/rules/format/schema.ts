/** `schema`: A field is missing, has the wrong type, or has a value outside its allowed set. */
import { code, hint, list, type Message } from '../../i18n/catalogue.js';
import { word } from '../../i18n/vocabulary.js';
import { defineRule } from '../define.js';

/** What a value of the wrong type is: `foundType` is its JSON type (`null` for nothing), `found` the value as written. */
const found: Message = {
  en: (p) => ({ null: 'nothing', array: 'a list', object: 'a group of fields', number: `the number ${p.found}`, boolean: `\`${p.found}\`` } as Record<string, string>)[String(p.foundType)] ?? `the text "${p.found}"`,
  zh: (p) => ({ null: '空值', array: '列表', object: '字段组', number: `数字 ${p.found}`, boolean: `\`${p.found}\`` } as Record<string, string>)[String(p.foundType)] ?? `文本“${p.found}”`,
};
/** The bound a number broke: `minimum` and/or `maximum`, and `type` (`integer` or `number`). */
const bound: Message = {
  en: (p) => (p.minimum !== undefined && p.maximum !== undefined ? `${p.type === 'integer' ? 'a whole number' : 'a number'} from ${p.minimum} to ${p.maximum}` : p.minimum !== undefined ? `at least ${p.minimum}` : `at most ${p.maximum}`),
  zh: (p) => (p.minimum !== undefined && p.maximum !== undefined ? `为 ${p.minimum} 到 ${p.maximum} 之间的${p.type === 'integer' ? '整数' : '数'}` : p.minimum !== undefined ? `不小于 ${p.minimum}` : `不大于 ${p.maximum}`),
};

export const schema = defineRule({
  id: 'schema',
  category: 'format',
  severity: 'error',
  summary: { en: 'A field is missing, has the wrong type, or has a value outside its allowed set.', zh: '字段缺失、类型错误或取值不在允许范围内。' },
  messages: {
    required: {
      en: (p) => `Missing required field ${code(p.field)}${p.where ? ` in ${p.where}` : ''}${p.about ? ` (${p.about})` : ''}.`,
      zh: (p) => `${p.where ? `${p.where} 中` : ''}缺少必填字段 ${code(p.field)}${p.about ? `（${p.about}）` : ''}。`,
    },
    enum: {
      en: (p) => `${code(p.value)} is not an allowed value for ${code(p.field)}.${hint.en(p)} Allowed: ${list(p.allowed)}.`,
      zh: (p) => `${code(p.value)} 不是 ${code(p.field)} 的可用取值。${hint.zh(p)}可用取值：${list(p.allowed, '、')}。`,
    },
    type: {
      en: (p) => `${code(p.field)} must be ${String(p.expected).split('|').map((x) => word('type', x, 'en')).join(' or ')}; found ${found.en(p)}.`,
      zh: (p) => `${code(p.field)} 应为${String(p.expected).split('|').map((x) => word('type', x, 'zh-cn')).join('或')}，实际是${found.zh(p)}。`,
    },
    date: {
      en: (p) => `${code(p.value)} in ${code(p.field)} is not a valid date. Write dates as YYYY-MM-DD, e.g. 2026-11-20.`,
      zh: (p) => `${code(p.field)} 中的 ${code(p.value)} 不是有效日期。日期格式为 YYYY-MM-DD，例如 2026-11-20。`,
    },
    range: {
      en: (p) => `${code(p.field)} must be ${bound.en(p)}; found ${p.value}.`,
      zh: (p) => `${code(p.field)} 应${bound.zh(p)}，实际为 ${p.value}。`,
    },
    'id-pattern': {
      en: (p) => `${code(p.value)} is not a valid id for ${code(p.field)}: use lowercase letters, digits and single hyphens, e.g. ${code(p.example)}.`,
      zh: (p) => `${code(p.value)} 不是有效的 ${code(p.field)} 标识：只能用小写字母、数字和单个连字符，例如 ${code(p.example)}。`,
    },
    pattern: {
      en: (p) => `${code(p.value)} is not in the expected form for ${code(p.field)}${p.about ? ` (${p.about})` : ''}.`,
      zh: (p) => `${code(p.value)} 不符合 ${code(p.field)} 要求的格式${p.about ? `（${p.about}）` : ''}。`,
    },
    'unique-items': {
      en: (p) => `${code(p.field)} lists ${code(p.value)} twice.`,
      zh: (p) => `${code(p.field)} 中 ${code(p.value)} 重复出现。`,
    },
    'min-items': {
      en: (p) => `${code(p.field)} must list at least ${p.limit} item(s).`,
      zh: (p) => `${code(p.field)} 至少需要 ${p.limit} 项。`,
    },
    other: {
      en: (p) => `${code(p.field)}: ${p.detail}.`,
      zh: (p) => `${code(p.field)}：${p.detail}。`,
    },
    'config-not-mapping': {
      en: (p) => `keyplan.yaml must be a group of settings (\`key: value\` lines); found ${found.en(p)}.`,
      zh: (p) => `keyplan.yaml 必须是一组设置（\`键: 值\` 形式）；实际为${found.zh(p)}。`,
    },
    'alias-unknown-channel': {
      en: (p) => `The alias ${code(p.alias)} names ${code(p.value)}, which is not a configured channel.${hint.en(p)} Allowed: ${list(p.allowed)}.`,
      zh: (p) => `别名 ${code(p.alias)} 指向的 ${code(p.value)} 不是已配置的互动方式。${hint.zh(p)}可用取值：${list(p.allowed, '、')}。`,
    },
    'alias-not-token': {
      en: (p) => `The alias ${code(p.alias)} cannot be written in an interaction-log entry: an alias is a single token without spaces, \`@\` or colons.`,
      zh: (p) => `别名 ${code(p.alias)} 无法写入互动记录条目：别名必须是不含空格、\`@\` 或冒号的单个词。`,
    },
    'alias-is-channel': {
      en: (p) => `${code(p.alias)} is a channel itself and cannot also be an alias.`,
      zh: (p) => `${code(p.alias)} 本身就是互动方式，不能再作为别名。`,
    },
    'max-below-ideal': {
      en: (p) => `The maximum interval (${p.max} days) is shorter than the ideal one (${p.ideal} days).`,
      zh: (p) => `最长间隔（${p.max} 天）短于理想间隔（${p.ideal} 天）。`,
    },
    'end-before-start': {
      en: (p) => `The period ends (${p.end}) before it starts (${p.start}).`,
      zh: (p) => `周期的结束日期（${p.end}）早于开始日期（${p.start}）。`,
    },
  },
});
