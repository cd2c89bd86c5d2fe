/**
 * Message catalogue of the core, in English and Simplified Chinese: the messages that belong to no
 * rule (a rule's messages live in its file) — cadence explanations, editor texts (hover,
 * completion, quick fixes), the matrix's words, `keyplan check`'s summary line and shared-output
 * notices (the diff's words are in diff.ts). Every text goes through the same `Message` shape and
 * `localize`, so the CLI and the editor say exactly the same thing.
 */
import { localize, type Locale, type Message, type Params } from './locale.js';
import { word } from './vocabulary.js';

export { isLocale, localize, localizeText, normalizeLocale, LOCALES, type Locale, type Message, type Params, type Text } from './locale.js';
export { word, type Vocabulary } from './vocabulary.js';

export const code = (s: unknown) => `\`${String(s)}\``;
/** `1 file`, `2 files` (English). */
const plural = (n: unknown, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const list = (values: unknown, sep = ', ') => (Array.isArray(values) ? values : String(values ?? '').split('|')).join(sep);
/** "Did you mean …?" after a message, when the finding has a suggestion. */
export const hint: Message = {
  en: (p) => (p.suggestion ? ` Did you mean ${code(p.suggestion)}?` : ''),
  zh: (p) => (p.suggestion ? `是否应为 ${code(p.suggestion)}？` : ''),
};

export const messages = {
  // --- cadence (explanations are full sentences; the diagnostics reuse them)
  // A person with their title, roles (`EB/Coach`) and the account's tier, each when known.
  'cadence.who': {
    en: (p) => { const details = [p.title, p.roles, p.tier && `tier ${p.tier}`].filter(Boolean).join(', '); return `${p.name}${details ? ` (${details})` : ''}`; },
    zh: (p) => { const details = [p.title, p.roles, p.tier && `${p.tier} 类客户`].filter(Boolean).join('，'); return `${p.name}${details ? `（${details}）` : ''}`; },
  },
  'cadence.source.relationship-plan': { en: () => 'the relationship plan', zh: () => '关系规划' },
  'cadence.source.person': { en: () => 'their own cadence', zh: () => '本人的节奏设置' },
  'cadence.source.config': { en: (p) => `keyplan.yaml (${p.key})`, zh: (p) => `keyplan.yaml（${p.key}）` },
  'cadence.source.built-in': { en: (p) => `the tier-${p.tier} default${p.role ? ` for ${p.role}` : ''}`, zh: (p) => `${p.tier} 类客户${p.role ? ` ${p.role} ` : ''}默认值` },
  'cadence.last': {
    en: (p) => `last met ${p.date} by ${word('channel', p.channel, 'en')}, ${p.days} day${p.days === 1 ? '' : 's'} ago`,
    zh: (p) => `最近一次互动 ${p.date}（${word('channel', p.channel, 'zh-cn')}），已 ${p.days} 天`,
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
  // --- `keyplan check`: the closing line of its text output
  'check.summary': {
    en: (p) => {
      const checked = `${plural(p.documents, 'document')} checked`;
      if (!p.total) return `✔ No problems; ${checked}.`;
      return `✖ ${plural(p.total, 'problem')} (${plural(p.errors, 'error')}, ${plural(p.warnings, 'warning')}, ${p.infos} info) in ${plural(p.files, 'file')}; ${checked}.`;
    },
    zh: (p) => {
      const checked = `已检查 ${p.documents} 个文档`;
      if (!p.total) return `✔ 没有问题；${checked}。`;
      return `✖ ${p.total} 个问题（${p.errors} 个错误、${p.warnings} 个警告、${p.infos} 个提示），涉及 ${p.files} 个文件；${checked}。`;
    },
  },
  // --- shared outputs (CI formats, pull-request summaries)
  // --- keyplan.yaml: what is used instead of a value that could not be used (appended to its finding)
  'config.unreadable': {
    en: () => ' keyplan.yaml could not be read, so none of its settings apply: the built-in settings are used instead.',
    zh: () => '无法读取 keyplan.yaml，其中的设置均未生效：已改用内置设置。',
  },
  'config.fallback.rule': {
    en: (p) => ` Using the built-in severity of ${code(p.rule)} (${p.severity}) instead.`,
    zh: (p) => `改用 ${code(p.rule)} 的内置级别（${p.severity}）。`,
  },
  'config.fallback.rule-tier': {
    en: (p) => ` Using the default for ${p.tier} (${p.severity}) instead.`,
    zh: (p) => `${p.tier} 类改用默认级别（${p.severity}）。`,
  },
  'config.fallback.cadence': {
    en: (p) => ` Using ${p.source} for ${p.key} (${p.ideal}/${p.max} days) instead.`,
    zh: (p) => `${p.key} 改用${p.source}（${p.ideal}/${p.max} 天）。`,
  },
  'config.fallback.cadence.built-in': { en: () => 'the built-in cadence', zh: () => '内置拜访频率' },
  'config.fallback.cadence.tier-default': { en: (p) => `the tier-${p.tier} default`, zh: (p) => `${p.tier} 类默认值` },
  'config.fallback.dark-after': { en: (p) => ` Using the built-in ${p.days} days instead.`, zh: (p) => `改用内置的 ${p.days} 天。` },
  'config.fallback.weight': { en: (p) => ` Using the built-in weight ${p.weight} instead.`, zh: (p) => `改用内置权重 ${p.weight}。` },
  'config.fallback.locale': { en: () => ' Using English instead.', zh: () => '改用英文。' },
  'config.fallback.channels': { en: () => ' Using the built-in channels instead.', zh: () => '改用内置的互动方式列表。' },
  'config.fallback.import-channel': { en: (p) => ` Using the built-in ${code(p.channel)} instead.`, zh: (p) => `改用内置的 ${code(p.channel)}。` },
  'config.fallback.item': { en: () => ' This entry is ignored; the rest of the list applies.', zh: () => '忽略该项，列表其余各项仍然有效。' },
  'config.fallback.ignored': { en: () => ' This setting is ignored; the rest of keyplan.yaml applies.', zh: () => '忽略该设置，keyplan.yaml 其余设置仍然有效。' },
  'redacted.sensitive': {
    en: (p) => `Problem in the personal-data field ${code(p.field)}. Its details are not shown in shared output because the field is sensitive; run \`keyplan check\` locally to see them.`,
    zh: (p) => `敏感个人信息字段 ${code(p.field)} 有问题。该字段属于敏感信息，详细内容不在共享输出中显示；请在本地运行 \`keyplan check\` 查看。`,
  },
  // --- editor: hover
  'hover.allowed': { en: (p) => `Allowed: ${p.values}`, zh: (p) => `可用取值: ${p.values}` },
  'hover.sensitive': { en: () => '_Sensitive personal data: left out of shared outputs._', zh: () => '_敏感个人信息：不会出现在共享输出中。_' },
  'hover.roles': { en: (p) => `roles ${p.roles}`, zh: (p) => `角色 ${p.roles}` },
  'hover.stance': { en: (p) => `stance ${p.stance}`, zh: (p) => `态度 ${p.stance}` },
  'hover.influence': { en: (p) => `influence ${p.influence}`, zh: (p) => `影响力 ${p.influence}` },
  'hover.coverage': { en: (p) => `coverage ${p.coverage}`, zh: (p) => `覆盖 ${p.coverage}` },
  'hover.left': { en: () => '**left the company**', zh: () => '**已离职**' },
  'hover.last': { en: (p) => `Last interaction: ${p.date} (${p.channel}), ${p.days} days ago`, zh: (p) => `最近互动: ${p.date} (${p.channel}), ${p.days} 天前` },
  'hover.cadence': { en: (p) => `Cadence: **${p.state}**. ${p.explanation}`, zh: (p) => `互动节奏: **${p.state}**. ${p.explanation}` },
  'hover.tier': { en: (p) => `tier ${p.tier}`, zh: (p) => `分级 ${p.tier}` },
  'hover.owner': { en: (p) => `owner ${p.owner}`, zh: (p) => `负责人 ${p.owner}` },
  'hover.people': { en: (p) => `${p.active} active contacts · ${p.overdue} overdue`, zh: (p) => `${p.active} 位在职联系人 · ${p.overdue} 位逾期` },
  // --- editor: completion
  'completion.required': { en: () => ' (required)', zh: () => '（必填）' },
  'completion.sensitive': { en: () => ' · sensitive personal data', zh: () => ' · 敏感个人信息' },
  'completion.today': { en: () => 'today', zh: () => '今天' },
  // --- editor: quick fixes
  'fix.change-to': { en: (p) => `Change to '${p.value}'`, zh: (p) => `改为 '${p.value}'` },
  'fix.rename-field': { en: (p) => `Rename the field to '${p.field}'`, zh: (p) => `将字段改名为 '${p.field}'` },
  'fix.add-required-field': { en: (p) => `Add the required field '${p.field}'`, zh: (p) => `添加必填字段 '${p.field}'` },
  'fix.log-interaction': { en: () => 'Log an interaction today…', zh: () => '记录今天的互动…' },
  // --- influence–support matrix (SVG and its text form); quadrant, stance and role words are in vocabulary.ts
  'matrix.title': { en: (p) => `${p.account}: influence–support matrix`, zh: (p) => `${p.account}: 支持度-影响力矩阵` },
  'matrix.axis.stance': { en: () => 'Stance toward us →', zh: () => '对我方的支持度 →' },
  'matrix.axis.influence': { en: () => 'Influence on the decision →', zh: () => '对决策的影响力 →' },
  'matrix.target-note': { en: (p) => `dashed arrow: target position · ${p.asOf}`, zh: (p) => `虚线箭头：目标位置 · ${p.asOf}` },
  'matrix.legend.several-roles': { en: () => 'several roles: a slice each', zh: () => '多个角色：每个角色一块' },
  'matrix.unplaced.person': {
    en: (p) => `${p.name}: stance ${word('stance', p.stance, 'en')}, influence ${p.influence}`,
    zh: (p) => `${p.name}：态度 ${word('stance', p.stance, 'zh-cn')}，影响力 ${p.influence}`,
  },
  'matrix.unplaced': { en: (p) => `Unplaced: stance or influence unknown (${p.n})`, zh: (p) => `未定位（态度或影响力未知）(${p.n})` },
  // --- the decision-chain map
  'map.title': { en: (p) => `${p.account}: decision-chain map`, zh: (p) => `${p.account}：决策链地图` },
  'map.unattached': { en: () => 'No reporting line recorded', zh: () => '未记录汇报关系' },
  'map.informal': { en: () => 'Informal lines', zh: () => '非正式影响关系' },
  'map.paths': { en: () => 'Paths to the decision', zh: () => '通往决策的路径' },
  'map.path.on-side': { en: (p) => `${p.target} is on our side`, zh: (p) => `${p.target} 本人即是我方支持者` },
  'map.path.none': { en: (p) => `${p.target}: no path from anyone on our side`, zh: (p) => `${p.target}：我方没有任何人能触达` },
  'map.reason.economic-buyer': { en: () => 'economic buyer', zh: () => '经济决策人' },
  'map.reason.key-player': { en: () => 'key player', zh: () => '关键人物' },
  'map.step.up': { en: () => 'reports to', zh: () => '汇报给' },
  'map.step.down': { en: () => 'manages', zh: () => '管理' },
  'map.step.along': { en: () => 'influences', zh: () => '影响' },
  'map.mark.left': { en: () => 'left', zh: () => '已离职' },
  'map.mark.blocker': { en: () => 'blocker', zh: () => '阻力' },
  'map.mark.uncovered': { en: () => 'uncovered key player', zh: () => '未覆盖的关键人物' },
  'map.mark.our-side': { en: () => 'on our side', zh: () => '我方' },
  'map.mark.no-path': { en: () => 'no path', zh: () => '无路径' },
  'map.mark.cycle': { en: () => 'reporting cycle', zh: () => '汇报循环' },
  'map.legend.reports-to': { en: () => 'reports to', zh: () => '汇报关系' },
  'map.legend.influences': { en: () => 'influences', zh: () => '影响关系' },
  'map.legend.path': { en: () => 'path to the decision', zh: () => '决策路径' },
  'map.procurement': { en: () => 'Procurement steps that name people', zh: () => '涉及人员的采购步骤' },
  'map.approver': { en: (p) => `approver above the threshold: ${p.name}`, zh: (p) => `超过审批阈值的审批人：${p.name}` },
  'map.influence': { en: (p) => `influence ${p.n}`, zh: (p) => `影响力 ${p.n}` },
} satisfies Record<string, Message>;

export type MessageId = keyof typeof messages;

export function t(locale: Locale, id: MessageId, params: Params = {}): string {
  return localize(messages[id], locale, params);
}
