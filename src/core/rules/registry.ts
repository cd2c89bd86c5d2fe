/** Every rule Keyplan reports: stable id, default severity, and where it is documented. */
import type { Severity } from '../diagnostic.js';
import type { KeyplanConfig, RuleSetting, Tier } from '../config.js';

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
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return byId.get(id);
}

/**
 * The severity a finding ends up with: keyplan.yaml `rules:` (global or per tier) wins over the
 * severity the rule chose; `off` drops it. Returns null when the finding must not be shown.
 */
export function effectiveSeverity(config: KeyplanConfig, rule: string, produced: Severity, tier: Tier | undefined): Severity | null {
  const setting = config.rules[rule];
  let chosen: RuleSetting | undefined;
  if (typeof setting === 'string') chosen = setting;
  else if (setting && tier) chosen = setting[tier];
  if (!chosen) {
    const info = byId.get(rule);
    if (info && typeof info.severity === 'object' && tier) return info.severity[tier] === 'off' ? null : produced;
    return produced;
  }
  return chosen === 'off' ? null : chosen;
}
