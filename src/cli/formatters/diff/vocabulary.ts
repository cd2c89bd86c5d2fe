/**
 * The vocabulary of `keyplan diff`: Chinese names of the closed vocabularies' values, field names
 * in both languages, and which fields hold vocabulary and which hold plan text.
 */

export const ZH_VALUES: Record<string, string> = {
  // stance
  champion: '坚定支持者', supporter: '支持者', neutral: '中立', skeptic: '怀疑者', opponent: '反对者', unknown: '未知',
  // coverage
  none: '未接触', brief: '浅层接触', multiple: '多次接触', 'in-depth': '深度接触',
  // stage
  awareness: '认知', recognition: '认同', purchase: '认购', advocacy: '推荐',
  // quadrants
  champions: '拥护者', blockers: '阻碍者', fans: '追随者', naysayers: '唱反调者', axis: '轴线上', unplaced: '未定位',
  // health bands and parts
  red: '红', amber: '黄', green: '绿', relationship: '关系', experience: '体验', business: '业务',
  // cadence states
  ok: '正常', 'due-soon': '即将到期', overdue: '逾期', never: '从未互动', 'planned-missed': '错过计划互动', left: '已离职', active: '在职',
  // review, objectives, churn
  draft: '草稿', submitted: '已提交', approved: '已批准', rejected: '已驳回',
  'not-started': '未开始', 'on-track': '正常推进', 'at-risk': '有风险', done: '已完成', dropped: '已放弃',
  low: '低', medium: '中', high: '高',
  // lifecycle, level, layer
  exploration: '考察期', formation: '形成期', stability: '稳定期', decline: '衰退期',
  transactional: '交易层', partnership: '关系层', ecosystem: '生态层',
  key: '关键（点）', general: '普遍（面）', organizational: '组织（线）',
  // channels
  visit: '拜访', meeting: '会议', call: '电话', wechat: '微信', email: '邮件', event: '活动', 'executive-exchange': '高层互访', gift: '礼品', dinner: '宴请', other: '其他',
};

export const EN_QUADRANT: Record<string, string> = { axis: 'on an axis', unplaced: 'unplaced' };

export const FIELD_NAMES: Record<string, [string, string]> = {
  // Sensitive personal fields: shown only with --include-sensitive.
  needs: ['needs', '诉求'], career: ['career', '职业发展'], preferences: ['preferences', '个人偏好'], communication_style: ['communication style', '沟通风格'],
  name: ['name', '名称'], tier: ['tier', '分级'], owner: ['owner', '负责人'], team: ['team', '团队'], industry: ['industry', '行业'],
  lifecycle: ['lifecycle', '发展阶段'], relationship_level: ['relationship level', '关系境界'], period: ['period', '计划周期'],
  'review.status': ['review status', '评审状态'], 'review.reviewers': ['reviewers', '评审人'], 'review.next': ['next review', '下次评审'],
  'value.financial': ['financial value', '财务价值'], 'value.strategic': ['strategic value', '战略价值'], 'value.structural': ['structural value', '结构价值'],
  'value.current': ['current value', '当前价值'], 'value.potential': ['potential value', '潜在价值'],
  'health.nps': ['NPS', 'NPS'], 'health.csat': ['CSAT', 'CSAT'], 'health.revenue': ['revenue', '营收'], 'health.currency': ['currency', '币种'],
  'health.churn_risk': ['churn risk', '流失风险'],
  title: ['title', '职务'], reports_to: ['reports to', '汇报对象'], influences: ['influences', '影响'], channels: ['channels', '互动方式'],
  cadence: ['cadence', '拜访频率'], status: ['status', '状态'], due: ['due', '截止日期'], target: ['target', '目标值'], measure: ['measure', '衡量指标'],
  layer: ['layer', '关系层次'], stage: ['stage', '关系阶段'], target_stage: ['target stage', '目标阶段'], target_stance: ['target stance', '目标立场'],
  target_influence: ['target influence', '目标影响力'], next: ['next interaction', '下次计划互动'], content: ['content', '互动内容'],
};

/** Fields whose values come from a closed vocabulary (translated in Chinese output). */
export const VOCABULARY_FIELDS = new Set(['lifecycle', 'relationship_level', 'review.status', 'health.churn_risk', 'status', 'layer', 'stage', 'target_stage', 'target_stance', 'channels']);

/** Fields whose values are plan text (escaped, shortened) rather than vocabulary. */
export const TEXT_FIELDS = new Set(['name', 'title', 'industry', 'content', 'target', 'measure', 'needs', 'career', 'preferences', 'communication_style']);
