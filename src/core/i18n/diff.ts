/**
 * The words of `keyplan diff`: what a vocabulary value and a field are called, the fixed phrases of
 * its sections and tables, and the sentences that describe a change. The diff formatters (text and
 * Markdown) build these from neutral parameters (counts, names, values already escaped for their
 * output) and never choose a language themselves.
 *
 * Vocabulary values (stances, quadrants, coverage, states…) are the words of vocabulary.ts, the
 * same the matrix, the report and the editor use; only the diff's English keeps the value as written.
 */
import { localizeText, type Locale, type Message, type Text } from './locale.js';
import { VOCABULARY, type Vocabulary } from './vocabulary.js';

/** The vocabularies whose values a diff shows, in the order a value is looked up. */
const DIFF_VOCABULARIES: Vocabulary[] = [
  'stance', 'coverage', 'stage', 'quadrant', 'health', 'cadence', 'person_status', 'review_status', 'objective_status',
  'churn_risk', 'lifecycle', 'relationship_level', 'layer', 'channel',
];
/** English shows the value itself unless it is named here. */
const EN_VALUES: Record<string, string> = { axis: 'on an axis', unplaced: 'unplaced' };

/** The diff's word for each vocabulary value it knows: the Chinese word of vocabulary.ts. */
export const DIFF_VALUES: Record<string, Text> = {};
for (const vocabulary of DIFF_VOCABULARIES) {
  for (const [value, text] of Object.entries(VOCABULARY[vocabulary] as Record<string, Text>)) {
    if (!Object.hasOwn(DIFF_VALUES, value)) DIFF_VALUES[value] = { en: Object.hasOwn(EN_VALUES, value) ? EN_VALUES[value] : value, zh: text.zh };
  }
}

/** The diff's word for a value, or undefined when it does not know the value (the caller shows it as written). */
export function diffWord(value: string, locale: Locale): string | undefined {
  return Object.hasOwn(DIFF_VALUES, value) ? localizeText(DIFF_VALUES[value], locale) : undefined;
}

/** What a changed field is called; a field not listed here is shown by its key. */
export const DIFF_FIELDS: Record<string, Text> = {
  // Sensitive personal fields: shown only with --include-sensitive.
  needs: { en: 'needs', zh: '诉求' }, career: { en: 'career', zh: '职业发展' }, preferences: { en: 'preferences', zh: '个人偏好' },
  communication_style: { en: 'communication style', zh: '沟通风格' },
  name: { en: 'name', zh: '名称' }, tier: { en: 'tier', zh: '分级' }, owner: { en: 'owner', zh: '负责人' }, team: { en: 'team', zh: '团队' },
  industry: { en: 'industry', zh: '行业' }, lifecycle: { en: 'lifecycle', zh: '发展阶段' }, relationship_level: { en: 'relationship level', zh: '关系境界' },
  period: { en: 'period', zh: '计划周期' },
  'review.status': { en: 'review status', zh: '评审状态' }, 'review.reviewers': { en: 'reviewers', zh: '评审人' }, 'review.next': { en: 'next review', zh: '下次评审' },
  'value.financial': { en: 'financial value', zh: '财务价值' }, 'value.strategic': { en: 'strategic value', zh: '战略价值' },
  'value.structural': { en: 'structural value', zh: '结构价值' }, 'value.current': { en: 'current value', zh: '当前价值' },
  'value.potential': { en: 'potential value', zh: '潜在价值' },
  'health.nps': { en: 'NPS', zh: 'NPS' }, 'health.csat': { en: 'CSAT', zh: 'CSAT' }, 'health.revenue': { en: 'revenue', zh: '营收' },
  'health.currency': { en: 'currency', zh: '币种' }, 'health.churn_risk': { en: 'churn risk', zh: '流失风险' },
  title: { en: 'title', zh: '职务' }, reports_to: { en: 'reports to', zh: '汇报对象' }, influences: { en: 'influences', zh: '影响' },
  channels: { en: 'channels', zh: '互动方式' }, cadence: { en: 'cadence', zh: '拜访频率' }, status: { en: 'status', zh: '状态' },
  due: { en: 'due', zh: '截止日期' }, target: { en: 'target', zh: '目标值' }, measure: { en: 'measure', zh: '衡量指标' },
  layer: { en: 'layer', zh: '关系层次' }, stage: { en: 'stage', zh: '关系阶段' }, target_stage: { en: 'target stage', zh: '目标阶段' },
  target_stance: VOCABULARY.term['target-stance'], target_influence: { en: 'target influence', zh: '目标影响力' },
  next: { en: 'next interaction', zh: '下次计划互动' }, content: { en: 'content', zh: '互动内容' },
  label: { en: 'customer label', zh: '客户标签' }, 'contract.start': { en: 'contract start', zh: '合同开始日期' }, 'contract.end': { en: 'contract end', zh: '合同结束日期' },
  'contract.renewal': { en: 'renewal', zh: '续约状态' }, 'surveys.nps': { en: 'NPS (latest survey)', zh: 'NPS（最近调研）' },
  'surveys.csat': { en: 'CSAT (latest survey)', zh: 'CSAT（最近调研）' }, 'surveys.ces': { en: 'CES (latest survey)', zh: 'CES（最近调研）' },
  competitors: { en: 'competitors', zh: '竞争对手' }, favours_competitor: { en: 'favours competitor', zh: '倾向的竞争对手' }, kind: { en: 'kind', zh: '目标类型' },
};

/** A finding's severity, as the diff names it. */
export const DIFF_SEVERITIES: Record<string, Text> = {
  error: { en: 'error', zh: '错误' }, warning: { en: 'warning', zh: '警告' }, info: { en: 'info', zh: '提示' },
};

/** Fixed phrases: section titles, table headers, tags and separators. */
export const DIFF_PHRASES = {
  title: { en: 'Keyplan review', zh: 'Keyplan 评审' },
  asOf: { en: 'as of', zh: '基准日' },
  workingTree: { en: 'working tree', zh: '工作区' },
  noChanges: { en: 'No changes to the relationship picture.', zh: '关系图景没有变化。' },
  highlights: { en: 'Highlights', zh: '要点' },
  account: { en: 'Account', zh: '客户' },
  before: { en: 'Before', zh: '之前' },
  after: { en: 'After', zh: '之后' },
  field: { en: 'Field', zh: '字段' },
  health: { en: 'Health', zh: '健康度' },
  people: { en: 'People', zh: '人员' },
  person: { en: 'Person', zh: '人员' },
  decisionChain: { en: 'Decision chain', zh: '决策链' },
  chainLinesAdded: { en: 'added', zh: '新增' },
  chainLinesRemoved: { en: 'removed', zh: '删除' },
  chainLines: { en: 'reporting and influence lines of the people concerned', zh: '相关人员的汇报与影响关系' },
  change: { en: 'Change', zh: '变化' },
  plan: { en: 'Relationship plan', zh: '关系规划' },
  contact: { en: 'Contact', zh: '联系人' },
  planAdded: { en: 'plan added', zh: '新增规划' },
  planRemoved: { en: 'plan removed', zh: '删除规划' },
  contactAdded: { en: 'added to the plan', zh: '加入规划' },
  contactRemoved: { en: 'removed from the plan', zh: '移出规划' },
  interactions: { en: 'Interactions logged', zh: '新增互动记录' },
  met: { en: 'met', zh: '见了' },
  edited: { en: 'edited', zh: '已修改' },
  removedEntries: { en: 'removed', zh: '已删除' },
  date: { en: 'Date', zh: '日期' },
  channel: { en: 'Channel', zh: '方式' },
  with: { en: 'With', zh: '参与人' },
  summary: { en: 'Summary', zh: '摘要' },
  cadence: { en: 'Cadence', zh: '互动节奏' },
  objectives: { en: 'Objectives', zh: '目标' },
  objective: { en: 'Objective', zh: '目标' },
  added: { en: 'added', zh: '新增' },
  removed: { en: 'removed', zh: '删除' },
  done: { en: 'done', zh: '已完成' },
  findings: { en: 'Findings', zh: '检查结果' },
  introduced: { en: 'introduced', zh: '新增' },
  resolved: { en: 'resolved', zh: '已解决' },
  severityChanged: { en: 'severity changed', zh: '级别变化' },
  rule: { en: 'Rule', zh: '规则' },
  severity: { en: 'Severity', zh: '级别' },
  where: { en: 'Where', zh: '位置' },
  message: { en: 'Message', zh: '说明' },
  files: { en: 'Files', zh: '文件' },
  renamed: { en: 'renamed', zh: '重命名' },
  modified: { en: 'modified', zh: '修改' },
  tier: { en: 'tier', zh: '分级' },
  owner: { en: 'owner', zh: '负责人' },
  more: { en: 'more', zh: '更多' },
  accountsChanged: { en: 'accounts changed', zh: '个客户有变化' },
  workspace: { en: 'Workspace', zh: '工作区' },
  newAccount: { en: 'new account', zh: '新增客户' },
  removedAccount: { en: 'account removed', zh: '客户已删除' },
  generated: { en: 'Generated by keyplan diff', zh: '由 keyplan diff 生成' },
  infoHidden: { en: 'info not listed', zh: '条提示未列出' },
  // A value that is not there, and how list items are separated.
  none: { en: '(none)', zh: '（无）' },
  listSeparator: { en: ', ', zh: '、' },
  // What changed about a person.
  personNew: { en: 'new', zh: '新增' },
  personRemoved: { en: 'removed', zh: '已删除' },
  personLeft: { en: 'left the company', zh: '已离职' },
  personReturned: { en: 'active again', zh: '重新在职' },
  personalNotesChanged: { en: 'personal notes changed', zh: '个人备注已修改' },
  stance: VOCABULARY.term.stance,
  influence: VOCABULARY.term.influence,
  coverage: VOCABULARY.term.coverage,
  roles: VOCABULARY.term.roles,
  contentChanged: { en: 'content changed', zh: '互动内容已修改' },
} satisfies Record<string, Text>;

export type DiffPhrase = keyof typeof DIFF_PHRASES;

const plural = (n: unknown, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Sentences. Parameters are neutral: counts, and names, values and rule lists already rendered
 * for the output (escaped, and vocabulary words looked up through `diffWord`).
 */
export const DIFF_MESSAGES = {
  // --- a field, a person
  'next-planned': { en: (p) => `next interaction planned ${p.date}`, zh: (p) => `计划下次互动 ${p.date}` },
  'names-more': { en: (p) => ` and ${p.more} more`, zh: (p) => ` 等 ${p.total} 人` },
  'person.influence': { en: (p) => `influence ${p.influence}`, zh: (p) => `影响力 ${p.influence}` },
  'person.stance': { en: (p) => `stance ${p.stance}`, zh: (p) => `立场 ${p.stance}` },
  'person.coverage': { en: (p) => `coverage ${p.coverage}`, zh: (p) => `覆盖度 ${p.coverage}` },
  'person.was': { en: (p) => `was ${p.roles}`, zh: (p) => `原为 ${p.roles}` },
  'person.renamed': { en: (p) => `renamed ${p.from} → ${p.to}`, zh: (p) => `改名 ${p.from} → ${p.to}` },
  'person.moved': { en: (p) => `moved from account ${p.account}`, zh: (p) => `从客户 ${p.account} 调入` },
  steps: { en: (p) => ` (${p.steps} steps)`, zh: (p) => `（${p.steps} 级）` },
  // --- headlines; `at` puts the account in front of one
  'headline.at': { en: (p) => `${p.account}: ${p.text}`, zh: (p) => `${p.account}：${p.text}` },
  'headline.account-added': { en: (p) => `new account (${plural(p.n, 'person', 'people')})`, zh: (p) => `新增客户（${p.n} 人）` },
  'headline.account-removed': { en: (p) => `account removed (${plural(p.n, 'person', 'people')})`, zh: (p) => `客户已删除（${p.n} 人）` },
  // English shows the tier's word (`from`, `to`), Chinese the tier as written (`fromValue`, `toValue`).
  'headline.tier': { en: (p) => `tier ${p.from} → ${p.to}`, zh: (p) => `分级 ${p.fromValue} → ${p.toValue}` },
  'headline.stance-assessed': { en: (p) => `${p.names} assessed as ${p.to}`, zh: (p) => `${p.names} 立场评估为 ${p.to}` },
  'headline.stance-unknown': { en: (p) => `${p.names}: stance no longer known (was ${p.from})`, zh: (p) => `${p.names} 立场变为未知（原为 ${p.from}）` },
  'headline.stance': {
    en: (p) => `${p.names} moved ${p.from} → ${p.to}${p.arrow}${p.steps}`,
    zh: (p) => `${p.names} 立场 ${p.from} → ${p.to}${p.arrow}${p.steps}`,
  },
  'headline.key-role-added': { en: (p) => `new ${p.role}: ${p.names}`, zh: (p) => `新增 ${p.role}：${p.names}` },
  'headline.key-role-removed': { en: (p) => `${p.names} is no longer ${p.role}`, zh: (p) => `${p.names} 不再是 ${p.role}` },
  'headline.person-left': { en: (p) => `${p.names} left the company`, zh: (p) => `${p.names} 已离职` },
  'headline.person-added': { en: (p) => `${plural(p.n, 'person', 'people')} added: ${p.names}`, zh: (p) => `新增 ${p.n} 位联系人：${p.names}` },
  'headline.person-removed': { en: (p) => `${plural(p.n, 'person', 'people')} removed: ${p.names}`, zh: (p) => `删除 ${p.n} 位联系人：${p.names}` },
  // `severity` error or (anything else) warning.
  'headline.findings-introduced': {
    en: (p) => `${p.severity === 'error' ? (p.n === 1 ? 'new error' : 'new errors') : p.n === 1 ? 'new warning' : 'new warnings'}: ${p.rules}`,
    zh: (p) => `${p.severity === 'error' ? '新增错误' : '新增警告'}：${p.rules}`,
  },
  'headline.findings-resolved': { en: (p) => `resolved: ${p.rules}`, zh: (p) => `已解决：${p.rules}` },
  'headline.became-overdue': { en: (p) => `${plural(p.n, 'contact', 'contacts')} became overdue: ${p.names}`, zh: (p) => `${p.n} 位联系人变为逾期：${p.names}` },
  'headline.planned-missed': { en: (p) => `planned interaction missed: ${p.names}`, zh: (p) => `错过计划互动：${p.names}` },
  'headline.back-on-track': { en: (p) => `back on track: ${p.names}`, zh: (p) => `恢复正常节奏：${p.names}` },
  'headline.health': {
    en: (p) => `health ${p.fromBand} ${p.from} → ${p.toBand} ${p.to}${p.arrow}`,
    zh: (p) => `健康度 ${p.fromBand} ${p.from} → ${p.toBand} ${p.to}${p.arrow}`,
  },
  'headline.review': { en: (p) => `review ${p.from} → ${p.to}${p.arrow}`, zh: (p) => `评审 ${p.from} → ${p.to}${p.arrow}` },
  'headline.owner': { en: (p) => `owner ${p.from} → ${p.to}`, zh: (p) => `负责人 ${p.from} → ${p.to}` },
  'headline.objective-done': { en: (p) => `objective done: ${p.titles}`, zh: (p) => `目标已完成：${p.titles}` },
  'headline.interactions': { en: (p) => `${plural(p.n, 'interaction', 'interactions')} logged (met ${p.names})`, zh: (p) => `新增 ${p.n} 条互动记录（见了 ${p.names}）` },
  'headline.config': {
    en: () => 'keyplan.yaml changed: cadence defaults, rules or vocabularies may differ',
    zh: () => 'keyplan.yaml 已修改：默认拜访频率、规则或词表可能不同',
  },
  // --- totals and folded lists
  totals: {
    en: (p) => [
      plural(p.accounts, 'account changed', 'accounts changed'),
      `people: ${p.added} added, ${p.changed} changed, ${p.removed} removed`,
      plural(p.interactions, 'interaction logged', 'interactions logged'),
      `findings: ${p.introduced} introduced, ${p.resolved} resolved`,
    ].join(' · '),
    zh: (p) => [
      `${p.accounts} 个客户有变化`, `人员：新增 ${p.added}、变化 ${p.changed}、删除 ${p.removed}`, `新增互动 ${p.interactions} 条`,
      `检查结果：新增 ${p.introduced}、已解决 ${p.resolved}`,
    ].join(' · '),
  },
  entries: { en: (p) => plural(p.n, 'entry', 'entries'), zh: (p) => `${p.n} 条记录` },
  'findings-count': { en: (p) => plural(p.n, 'finding', 'findings'), zh: (p) => `${p.n} 条` },
} satisfies Record<string, Message>;

export type DiffMessageId = keyof typeof DIFF_MESSAGES;
