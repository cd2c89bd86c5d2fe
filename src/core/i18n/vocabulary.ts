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
  /** A band of the relationship thermometer (关系温度计). */
  band: {
    cold: { en: 'cold', zh: '冷淡' }, cooling: { en: 'cooling', zh: '降温' }, warm: { en: 'warm', zh: '温暖' }, hot: { en: 'hot', zh: '火热' },
  },
  /** Why an account needs a retention plan (客户挽留). */
  retention: {
    decline: { en: 'lifecycle decline', zh: '处于衰退期' }, 'churn-risk': { en: 'churn risk high', zh: '流失风险高' }, 'churn-warning': { en: 'label churn-warning', zh: '标签为流失预警' },
  },
  /** A position of the attraction–barrier model (吸引力-阻挡力). */
  loyalty: {
    loyal: { en: 'loyal', zh: '忠诚' }, captive: { en: 'captive', zh: '被锁定' }, 'free-to-leave': { en: 'free to leave', zh: '随时可走' }, 'at-risk': { en: 'at risk', zh: '流失中' },
  },
  /** A customer label (客户标签). */
  label: {
    'new-signed': { en: 'new-signed', zh: '新签' }, 'in-use': { en: 'in use', zh: '使用期' }, 'to-develop': { en: 'to develop', zh: '待二次开发' },
    'churn-warning': { en: 'churn warning', zh: '流失预警' }, churned: { en: 'churned', zh: '已流失' },
  },
  /** Who holds a whitespace cell (白区状态). */
  whitespace: {
    ours: { en: 'ours', zh: '我方' }, competitor: { en: 'competitor', zh: '竞争对手' }, open: { en: 'open', zh: '空白' }, 'not-a-fit': { en: 'not a fit', zh: '不适用' },
  },
  /** A competitor's strength (强弱). */
  strength: {
    weak: { en: 'weak', zh: '弱' }, medium: { en: 'medium', zh: '中' }, strong: { en: 'strong', zh: '强' },
  },
  /** A renewal status (续约状态). */
  renewal: {
    'not-started': { en: 'not started', zh: '未启动' }, 'in-progress': { en: 'in progress', zh: '进行中' }, renewed: { en: 'renewed', zh: '已续约' }, lost: { en: 'lost', zh: '未续约' },
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
