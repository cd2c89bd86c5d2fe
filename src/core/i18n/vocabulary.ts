/**
 * Value words: what a closed vocabulary value (a stance, a quadrant, a buying role, a channel, a
 * kind of thing with an id, a kind of plan, a JSON type) is called in each locale. Messages take
 * the neutral value as a parameter and look its word up here, so no caller passes translated words.
 */
import { localizeText, type Locale, type Text } from './locale.js';

export const VOCABULARY = {
  /**
   * The names of the domain's terms themselves: what a field or a concept is called wherever it is
   * shown (hover, tooltips, axis labels, the brief, the diff). One name per term: `stance` is 立场,
   * never another word (test/unit/vocabulary.test.ts looks for the other translations everywhere).
   */
  term: {
    stance: { en: 'stance', zh: '立场' }, 'target-stance': { en: 'target stance', zh: '目标立场' },
    influence: { en: 'influence', zh: '影响力' }, coverage: { en: 'coverage', zh: '覆盖度' },
    roles: { en: 'roles', zh: '角色' }, quadrant: { en: 'quadrant', zh: '象限' },
    matrix: { en: 'influence–support matrix', zh: '支持度-影响力矩阵' },
  },
  /** A person's stance toward us (立场). */
  stance: {
    champion: { en: 'champion', zh: '坚定支持者' }, supporter: { en: 'supporter', zh: '支持者' }, neutral: { en: 'neutral', zh: '中立' },
    skeptic: { en: 'skeptic', zh: '怀疑者' }, opponent: { en: 'opponent', zh: '反对者' }, unknown: { en: 'unknown', zh: '未知' },
  },
  /**
   * A quadrant of the influence–support matrix, `axis` for a person on its vertical axis (a neutral
   * stance) and `unplaced` for a person whose stance or influence is unknown.
   */
  quadrant: {
    champions: { en: 'Champions', zh: '核心支持者' }, blockers: { en: 'Blockers', zh: '关键阻力' },
    fans: { en: 'Fans', zh: '外围支持者' }, naysayers: { en: 'Naysayers', zh: '外围反对者' },
    axis: { en: 'On an axis', zh: '坐标轴上' }, unplaced: { en: 'Unplaced', zh: '未定位' },
  },
  /** How well we cover a person (覆盖度). */
  coverage: {
    unknown: { en: 'unknown', zh: '未知' }, none: { en: 'none', zh: '未接触' }, brief: { en: 'brief', zh: '浅层接触' },
    multiple: { en: 'multiple', zh: '多次接触' }, 'in-depth': { en: 'in-depth', zh: '深度接触' },
  },
  /** A relationship stage (关系阶段). */
  stage: {
    awareness: { en: 'awareness', zh: '认知' }, recognition: { en: 'recognition', zh: '认同' },
    purchase: { en: 'purchase', zh: '认购' }, advocacy: { en: 'advocacy', zh: '推荐' },
  },
  /** A health band and the parts of the health score. */
  health: {
    red: { en: 'red', zh: '红' }, amber: { en: 'amber', zh: '黄' }, green: { en: 'green', zh: '绿' },
    relationship: { en: 'relationship', zh: '关系' }, experience: { en: 'experience', zh: '体验' }, business: { en: 'business', zh: '业务' },
  },
  /** A contact's cadence state. */
  cadence: {
    ok: { en: 'ok', zh: '正常' }, 'due-soon': { en: 'due soon', zh: '即将到期' }, overdue: { en: 'overdue', zh: '逾期' },
    never: { en: 'never met', zh: '从未互动' }, 'planned-missed': { en: 'planned interaction missed', zh: '错过计划互动' },
    left: { en: 'left', zh: '已离职' }, unknown: { en: 'unknown', zh: '未知' },
  },
  /** A person's temperature band (关系温度). */
  temperature: { cold: { en: 'cold', zh: '冷' }, cooling: { en: 'cooling', zh: '降温' }, warm: { en: 'warm', zh: '温' }, hot: { en: 'hot', zh: '热' } },
  /** What an influence of 1–5 means, as completion offers it. */
  influence: {
    1: { en: 'little or no influence', zh: '几乎没有影响' }, 2: { en: 'some influence', zh: '有一定影响' },
    3: { en: 'is heard in the decision', zh: '有发言权' }, 4: { en: 'strong influence', zh: '影响较大' }, 5: { en: 'decisive', zh: '起决定作用' },
  },
  /** A buying role explained in one line (role pickers, completion). */
  'role-meaning': {
    EB: { en: 'Economic buyer: releases the money and can veto', zh: '经济决策者：掌握预算，拥有否决权' },
    TB: { en: 'Technical buyer: screens suppliers against specifications; can say no, not yes', zh: '技术把关者：按技术规格筛选供应商；能否决，不能拍板' },
    UB: { en: 'User buyer: judges the offer by its effect on their daily work', zh: '使用者：以对日常工作的影响评判方案' },
    Coach: { en: 'Coach: guides us inside the account, tells how decisions are really made', zh: '教练：在客户内部为我方指路，告知真实的决策方式' },
  },
  /** A person's status (在职状态). */
  person_status: { active: { en: 'active', zh: '在职' }, left: { en: 'left', zh: '已离职' } },
  /** An account plan's review status. */
  review_status: {
    draft: { en: 'draft', zh: '草稿' }, submitted: { en: 'submitted', zh: '已提交' }, approved: { en: 'approved', zh: '已批准' }, rejected: { en: 'rejected', zh: '已驳回' },
  },
  /** An objective's status. */
  objective_status: {
    'not-started': { en: 'not started', zh: '未开始' }, 'on-track': { en: 'on track', zh: '正常推进' }, 'at-risk': { en: 'at risk', zh: '有风险' },
    done: { en: 'done', zh: '已完成' }, dropped: { en: 'dropped', zh: '已放弃' },
  },
  /** Churn risk. */
  churn_risk: { low: { en: 'low', zh: '低' }, medium: { en: 'medium', zh: '中' }, high: { en: 'high', zh: '高' } },
  /** An account's lifecycle stage. */
  lifecycle: {
    exploration: { en: 'exploration', zh: '考察期' }, formation: { en: 'formation', zh: '形成期' },
    stability: { en: 'stability', zh: '稳定期' }, decline: { en: 'decline', zh: '衰退期' },
  },
  /** The relationship level. */
  relationship_level: { transactional: { en: 'transactional', zh: '交易层' }, partnership: { en: 'partnership', zh: '关系层' }, ecosystem: { en: 'ecosystem', zh: '生态层' } },
  /** A relationship layer. */
  layer: { key: { en: 'key', zh: '关键（点）' }, general: { en: 'general', zh: '普遍（面）' }, organizational: { en: 'organizational', zh: '组织（线）' } },
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
