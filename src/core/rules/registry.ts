/** Every rule Keyplan reports: stable id, default severity, and where it is documented. */
import type { Severity } from '../diagnostic.js';
import type { KeyplanConfig, RuleSetting, Tier } from '../parse/config.js';

export type RuleCategory = 'format' | 'references' | 'cadence' | 'methodology';

export interface RuleInfo {
  id: string;
  category: RuleCategory;
  /** Default severity; a per-tier map when the rule matters more for strategic accounts. */
  severity: Severity | Record<Tier, RuleSetting>;
  summary: string;
  summaryZh: string;
}

export const RULES: RuleInfo[] = [
  { id: 'yaml-syntax', category: 'format', severity: 'error', summary: 'The frontmatter is not valid YAML.', summaryZh: '文件头不是有效的 YAML。' },
  { id: 'unknown-kind', category: 'format', severity: 'error', summary: 'A `kind:` that is almost, but not quite, a Keyplan kind.', summaryZh: '`kind:` 的取值与 Keyplan 文档类型相近但不一致。' },
  { id: 'encoding', category: 'format', severity: 'error', summary: 'A Keyplan document that is not UTF-8 text.', summaryZh: 'Keyplan 文档不是 UTF-8 文本。' },
  { id: 'schema', category: 'format', severity: 'error', summary: 'A field is missing, has the wrong type, or has a value outside its allowed set.', summaryZh: '字段缺失、类型错误或取值不在允许范围内。' },
  { id: 'unknown-field', category: 'format', severity: 'error', summary: 'A field the format does not know (often a typo).', summaryZh: '格式中不存在的字段（通常是拼写错误）。' },
  { id: 'duplicate-id', category: 'references', severity: 'error', summary: 'Two documents (or two objectives of one account) share an id.', summaryZh: '两个文档（或同一客户的两个目标）使用了相同的标识。' },
  { id: 'unknown-reference', category: 'references', severity: 'error', summary: 'A reference to an account or person that does not exist.', summaryZh: '引用了不存在的客户或人员。' },
  { id: 'cross-account-reference', category: 'references', severity: 'warning', summary: 'A reference to a person of another account.', summaryZh: '引用了其他客户的人员。' },
  { id: 'reports-to-cycle', category: 'references', severity: 'error', summary: 'Reporting lines that loop back on themselves.', summaryZh: '汇报关系形成循环。' },
  { id: 'log-entry-malformed', category: 'format', severity: 'error', summary: 'A line that looks like an interaction entry but cannot be read.', summaryZh: '看似互动记录但无法解析的行。' },
  { id: 'unknown-channel', category: 'format', severity: 'warning', summary: 'An interaction channel that is not in the configured list.', summaryZh: '不在配置列表中的互动方式。' },
  { id: 'log-entry-in-future', category: 'cadence', severity: 'warning', summary: 'An interaction dated after today; it is not counted yet.', summaryZh: '日期晚于今天的互动记录，暂不计入。' },
  // Cadence engine
  { id: 'interaction-overdue', category: 'cadence', severity: 'warning', summary: 'A contact not met for longer than the maximum interval.', summaryZh: '联系人超过最长间隔未互动。' },
  { id: 'interaction-due-soon', category: 'cadence', severity: 'info', summary: 'A contact past the ideal interval, not yet past the maximum.', summaryZh: '联系人已超过理想间隔，尚未超过最长间隔。' },
  { id: 'interaction-never', category: 'cadence', severity: 'warning', summary: 'A contact with no interaction logged at all (info for people who are not key players).', summaryZh: '联系人没有任何互动记录（非关键人物为提示级）。' },
  { id: 'planned-interaction-missed', category: 'cadence', severity: 'warning', summary: 'A planned interaction date passed without an interaction.', summaryZh: '计划的互动日期已过，但没有互动记录。' },
  { id: 'account-dark', category: 'cadence', severity: 'warning', summary: 'Nobody at the account has been met for longer than `dark_after` days.', summaryZh: '客户超过 `dark_after` 天无人互动（失联）。' },
  { id: 'contact-left', category: 'cadence', severity: 'warning', summary: 'A person who left the company is still a contact in a current relationship plan.', summaryZh: '已离职人员仍是当前关系规划中的联系人。' },
  // Methodology
  { id: 'missing-economic-buyer', category: 'methodology', severity: { A: 'warning', B: 'warning', C: 'off' }, summary: 'An A or B account without an active economic buyer (EB).', summaryZh: 'A/B 类客户没有在职的经济决策人（EB）。' },
  { id: 'economic-buyer-not-supportive', category: 'methodology', severity: { A: 'warning', B: 'warning', C: 'info' }, summary: 'The economic buyer is neutral, skeptical, opposed or of unknown stance.', summaryZh: '经济决策人态度为中立、怀疑、反对或未知。' },
  { id: 'missing-coach', category: 'methodology', severity: { A: 'warning', B: 'off', C: 'off' }, summary: 'An A account without a Coach.', summaryZh: 'A 类客户没有教练（Coach）。' },
  { id: 'single-threaded', category: 'methodology', severity: { A: 'warning', B: 'warning', C: 'info' }, summary: 'Fewer than 3 active contacts, or only one covered more than briefly.', summaryZh: '在职联系人少于 3 位，或只有 1 位达到多次/深度覆盖。' },
  { id: 'key-player-uncovered', category: 'methodology', severity: { A: 'warning', B: 'warning', C: 'info' }, summary: 'Influence 4 or 5 with coverage unknown or none.', summaryZh: '影响力 4–5 但覆盖程度未知或为无。' },
  { id: 'stage-target-missing', category: 'methodology', severity: { A: 'warning', B: 'warning', C: 'info' }, summary: 'A relationship-plan contact without a target stage, or with a target below the current stage.', summaryZh: '关系规划联系人缺少目标阶段，或目标低于当前阶段。' },
  { id: 'plan-period-ended', category: 'methodology', severity: 'warning', summary: 'The account plan or relationship plan period has ended and no newer plan covers today.', summaryZh: '客户计划或关系规划的周期已结束，且没有覆盖今天的新规划。' },
  { id: 'review-overdue', category: 'methodology', severity: 'warning', summary: 'The account plan\'s next review date has passed.', summaryZh: '客户计划的下次评审日期已过。' },
  { id: 'objective-overdue', category: 'methodology', severity: 'warning', summary: 'An objective past its due date that is not done or dropped.', summaryZh: '已过截止日期且未完成（或未放弃）的目标。' },
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return byId.get(id);
}

/**
 * The severity a finding ends up with: keyplan.yaml `rules:` (global or per tier) first, then the
 * rule's per-tier default, then the severity the rule chose. Null means the finding is not shown.
 */
export function effectiveSeverity(config: KeyplanConfig, rule: string, produced: Severity, tier: Tier | undefined): Severity | null {
  const setting = config.rules[rule];
  let chosen: RuleSetting | undefined = typeof setting === 'string' ? setting : setting && tier ? setting[tier] : undefined;
  if (!chosen) {
    const defaults = byId.get(rule)?.severity;
    if (typeof defaults === 'object' && tier) chosen = defaults[tier];
  }
  if (!chosen) return produced;
  return chosen === 'off' ? null : chosen;
}
