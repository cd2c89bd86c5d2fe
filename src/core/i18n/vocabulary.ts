/**
 * Value words: what a closed vocabulary value (a stance, a quadrant, a buying role, a channel, a
 * kind of thing with an id, a kind of plan, a JSON type) is called in each locale. Messages take
 * the neutral value as a parameter and look its word up here, so no caller passes translated words.
 */
import { localizeText, type Locale, type Text } from './locale.js';

export const VOCABULARY = {
  /** A person's stance toward us (态度). */
  stance: {
    champion: { en: 'champion', zh: '拥护' }, supporter: { en: 'supporter', zh: '支持' }, neutral: { en: 'neutral', zh: '中立' },
    skeptic: { en: 'skeptic', zh: '怀疑' }, opponent: { en: 'opponent', zh: '反对' }, unknown: { en: 'unknown', zh: '未知' },
  },
  /** A quadrant of the influence–support matrix, and `axis` for a person on one of its axes. */
  quadrant: {
    champions: { en: 'Champions', zh: '核心支持者' }, blockers: { en: 'Blockers', zh: '关键阻力' },
    fans: { en: 'Fans', zh: '外围支持者' }, naysayers: { en: 'Naysayers', zh: '外围反对者' },
    axis: { en: 'On an axis', zh: '坐标轴上' },
  },
  /** A buying role as a legend names it: its code and what it means. */
  role: {
    EB: { en: 'EB economic buyer', zh: 'EB 经济决策者' }, TB: { en: 'TB technical buyer', zh: 'TB 技术把关者' },
    UB: { en: 'UB user buyer', zh: 'UB 使用者' }, Coach: { en: 'Coach', zh: 'Coach 教练' }, other: { en: 'other', zh: '其他' },
  },
  /** The built-in channels (互动方式); a channel keyplan.yaml adds is shown as written. */
  channel: {
    visit: { en: 'visit', zh: '拜访' }, meeting: { en: 'meeting', zh: '会议' }, call: { en: 'call', zh: '电话' },
    wechat: { en: 'wechat', zh: '微信' }, email: { en: 'email', zh: '邮件' }, event: { en: 'event', zh: '活动' },
    'executive-exchange': { en: 'executive-exchange', zh: '高层互访' }, gift: { en: 'gift', zh: '礼品' },
    dinner: { en: 'dinner', zh: '宴请' }, other: { en: 'other', zh: '其他' },
  },
  /** A kind of thing that carries an id (a document kind, or an account's objective). */
  kind: {
    account: { en: 'account', zh: '客户' }, person: { en: 'person', zh: '人员' }, objective: { en: 'objective', zh: '目标' },
  },
  /** A kind of plan, by the document kind that holds it. */
  plan: {
    account: { en: 'account plan', zh: '客户计划' }, 'relationship-plan': { en: 'relationship plan', zh: '关系规划' },
  },
  /** A JSON Schema type, as a field's expected value. */
  type: {
    string: { en: 'text', zh: '文本' }, integer: { en: 'a whole number', zh: '整数' }, number: { en: 'a number', zh: '数字' },
    boolean: { en: 'true or false', zh: 'true 或 false' }, array: { en: 'a list', zh: '列表' },
    object: { en: 'a group of fields', zh: '字段组' }, null: { en: 'empty', zh: '空值' },
  },
} satisfies Record<string, Record<string, Text>>;

export type Vocabulary = keyof typeof VOCABULARY;

/** The word for a value in a locale; a value the vocabulary does not know is shown as written. */
export function word(vocabulary: Vocabulary, value: unknown, locale: Locale): string {
  const words: Record<string, Text> = VOCABULARY[vocabulary];
  const key = String(value);
  return Object.hasOwn(words, key) ? localizeText(words[key], locale) : key;
}

/** The values a vocabulary knows, in its order (for legends and lists). */
export function values(vocabulary: Vocabulary): string[] {
  return Object.keys(VOCABULARY[vocabulary]);
}
