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
  // Appended to a cadence finding when the relationship plan's cadence overrides the person's own.
  'cadence.overridden': {
    en: (p) => ` The person's own cadence (every ${p.ideal} days, at most ${p.max}) is overridden by the relationship plan's.`,
    zh: (p) => `本人的节奏设置（每 ${p.ideal} 天一次、最长 ${p.max} 天）被关系规划中的设置覆盖。`,
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
  'hover.stance': { en: (p) => `stance ${p.stance}`, zh: (p) => `立场 ${p.stance}` },
  'hover.influence': { en: (p) => `influence ${p.influence}`, zh: (p) => `影响力 ${p.influence}` },
  'hover.coverage': { en: (p) => `coverage ${p.coverage}`, zh: (p) => `覆盖度 ${p.coverage}` },
  'hover.left': { en: () => '**left the company**', zh: () => '**已离职**' },
  'hover.last': {
    en: (p) => `Last interaction: ${p.date} (${p.channel}), ${p.days} day${p.days === 1 ? '' : 's'} ago`,
    zh: (p) => `最近互动：${p.date}（${p.channel}），${p.days} 天前`,
  },
  // `channel` and `state` are the vocabulary's words (hover.ts looks them up and escapes them).
  'hover.cadence': { en: (p) => `Cadence: **${p.state}**. ${p.explanation}`, zh: (p) => `互动节奏：**${p.state}**。${p.explanation}` },
  'hover.tier': { en: (p) => `tier ${p.tier}`, zh: (p) => `${p.tier} 类客户` },
  'hover.owner': { en: (p) => `owner ${p.owner}`, zh: (p) => `负责人 ${p.owner}` },
  // An account's health: its score and band, then each part with its weight.
  'health.line': {
    en: (p) => `health ${p.score === undefined ? 'unknown' : `${p.score} (${word('health', p.band, 'en')})`}${p.parts ? ` · ${p.parts}` : ''}`,
    zh: (p) => `健康度 ${p.score === undefined ? '未知' : `${p.score}（${word('health', p.band, 'zh-cn')}）`}${p.parts ? ` · ${p.parts}` : ''}`,
  },
  'health.part': {
    en: (p) => `${word('health', p.part, 'en')} ${p.score ?? 'unknown'} (weight ${p.weight})`,
    zh: (p) => `${word('health', p.part, 'zh-cn')} ${p.score ?? '未知'}（权重 ${p.weight}）`,
  },
  'hover.people': {
    en: (p) => `${p.active} active contact${p.active === 1 ? '' : 's'} · ${p.overdue} overdue`,
    zh: (p) => `${p.active} 位在职联系人 · ${p.overdue} 位逾期`,
  },
  // --- editor: completion
  'completion.required': { en: () => ' (required)', zh: () => '（必填）' },
  'completion.sensitive': { en: () => ' · sensitive personal data', zh: () => ' · 敏感个人信息' },
  'completion.today': { en: () => 'today', zh: () => '今天' },
  // --- editor: quick fixes
  'fix.change-to': { en: (p) => `Change to '${p.value}'`, zh: (p) => `改为 '${p.value}'` },
  'fix.rename-field': { en: (p) => `Rename the field to '${p.field}'`, zh: (p) => `将字段改名为 '${p.field}'` },
  'fix.add-required-field': { en: (p) => `Add the required field '${p.field}'`, zh: (p) => `添加必填字段 '${p.field}'` },
  'fix.full-width': { en: (p) => `Replace the full-width ${p.chars} with ${p.ascii}`, zh: (p) => `将全角 ${p.chars} 替换为半角 ${p.ascii}` },
  'fix.log-interaction': { en: () => 'Log an interaction today…', zh: () => '记录今天的互动…' },
  // --- logging an interaction (`keyplan log`, the editor's Log Interaction): why nothing was written
  'log.unknown-person': {
    en: (p) => `no person ${code(p.value)} in this workspace (give a person id or a name as written in their portrait).${p.suggestion ? ` Did you mean ${code(p.suggestion)}?` : ''} Nothing was written.`,
    zh: (p) => `此工作区中没有人员 ${code(p.value)}（请填写人员标识或个人画像中的姓名）。${p.suggestion ? `是否应为 ${code(p.suggestion)}？` : ''}未写入任何内容。`,
  },
  'log.ambiguous-person': {
    en: (p) => `${code(p.value)} is the name of several people: ${p.ids}. Give the person id instead. Nothing was written.`,
    zh: (p) => `${code(p.value)} 对应多位人员：${p.ids}。请改用人员标识。未写入任何内容。`,
  },
  'log.other-account': {
    en: (p) => `${code(p.person)} works at ${code(p.account)}, not at ${code(p.mainAccount)} like ${code(p.main)}: one entry is about one account. Nothing was written.`,
    zh: (p) => `${code(p.person)} 属于客户 ${code(p.account)}，而 ${code(p.main)} 属于 ${code(p.mainAccount)}：一条记录只能属于一个客户。未写入任何内容。`,
  },
  'log.unknown-channel': {
    en: (p) => `${code(p.value)} is not a configured interaction channel.${hint.en(p)} Allowed: ${list(p.allowed)}. Nothing was written.`,
    zh: (p) => `${code(p.value)} 不是已配置的互动方式。${hint.zh(p)}可用取值：${list(p.allowed, '、')}。未写入任何内容。`,
  },
  'log.invalid-date': {
    en: (p) => `${code(p.value)} is not a date written YYYY-MM-DD. Nothing was written.`,
    zh: (p) => `${code(p.value)} 不是 YYYY-MM-DD 格式的日期。未写入任何内容。`,
  },
  'log.future-date': {
    en: (p) => `${p.value} is after today (${p.asOf}): log an interaction once it has happened, and plan future meetings with \`next:\` in the relationship plan or \`--next\`. Nothing was written.`,
    zh: (p) => `${p.value} 晚于今天（${p.asOf}）：请在互动发生后再记录；未来的会面请在关系规划中用 \`next:\` 或 \`--next\` 安排。未写入任何内容。`,
  },
  'log.empty-summary': { en: () => 'the summary is empty: say in one line what was discussed. Nothing was written.', zh: () => '摘要为空：请用一行写明沟通内容。未写入任何内容。' },
  'log.invalid-due': {
    en: (p) => `the due date ${code(p.value)} is not a date written YYYY-MM-DD. Nothing was written.`,
    zh: (p) => `截止日期 ${code(p.value)} 不是 YYYY-MM-DD 格式的日期。未写入任何内容。`,
  },
  'log.due-without-next': { en: () => 'a due date needs a next step (--next "…"). Nothing was written.', zh: () => '截止日期需要配合后续行动（--next "…"）。未写入任何内容。' },
  'log.two-next': {
    en: () => 'the summary already names a next step (`Next: …`); give it either there or with --next, not both. Nothing was written.',
    zh: () => '摘要中已写明后续行动（`Next: …`）；请只在摘要中或用 --next 给出一次。未写入任何内容。',
  },
  'log.target-taken': {
    en: (p) => `${p.path} exists but is not a log of this account that Keyplan can read. Fix its frontmatter first; nothing was written.`,
    zh: (p) => `${p.path} 已存在，但不是 Keyplan 能读取的该客户互动记录。请先修正其 frontmatter；未写入任何内容。`,
  },
  'log.bad-path': { en: (p) => `Keyplan cannot create a log for this account: ${p.reason}. Nothing was written.`, zh: (p) => `无法为该客户创建互动记录：${p.reason}。未写入任何内容。` },
  'log.written': {
    en: (p) => `Logged in ${p.path}${p.created ? ' (new log)' : ''}: ${p.entry}`,
    zh: (p) => `已记录到 ${p.path}${p.created ? '（新建互动记录）' : ''}：${p.entry}`,
  },
  // --- the meeting brief (`keyplan brief`, Prepare for Meeting)
  'meeting.title': { en: (p) => `Meeting brief: ${p.name}`, zh: (p) => `会前简报：${p.name}` },
  'meeting.facts': { en: (p) => `${p.account} (${p.id}) · tier ${p.tier} · owner ${p.owner} · as of ${p.asOf}`, zh: (p) => `${p.account}（${p.id}）· ${p.tier} 类客户 · 负责人 ${p.owner} · 截至 ${p.asOf}` },
  'meeting.shared': { en: () => 'Shared version: personal notes (needs, career, preferences, communication style) are left out.', zh: () => '共享版本：已略去个人信息（诉求、职业发展、个人偏好、沟通风格）。' },
  'meeting.local': { en: () => 'Local brief: it contains PRIVATE personal notes (last section). Do not share it; use --share for a version without them.', zh: () => '本地简报：包含私密个人信息（最后一节）。请勿分享；需要分享时请使用 --share 生成不含个人信息的版本。' },
  'meeting.none': { en: () => 'none', zh: () => '无' },
  'meeting.favours': { en: () => 'Favours competitor', zh: () => '倾向的竞争对手' },
  'meeting.competitors': { en: () => 'Competitors at this account', zh: () => '该客户的竞争对手' },
  'meeting.strong-in': { en: (p) => `strong in ${p.list}`, zh: (p) => `优势：${p.list}` },
  'meeting.favoured-by': { en: (p) => `favoured by ${p.list}`, zh: (p) => `倾向者：${p.list}` },
  'meeting.chain': { en: () => 'Who they are in the decision chain', zh: () => '在决策链中的位置' },
  'meeting.roles': { en: () => 'Roles', zh: () => '角色' },
  'meeting.left': { en: () => 'has left the company', zh: () => '已离职' },
  'meeting.stance': { en: () => 'Stance', zh: () => '立场' },
  'meeting.influence': { en: () => 'influence', zh: () => '影响力' },
  'meeting.coverage': { en: () => 'coverage', zh: () => '覆盖度' },
  'meeting.reports-to': { en: () => 'Reports to', zh: () => '汇报对象' },
  'meeting.direct-reports': { en: () => 'Reports to them', zh: () => '直接下属' },
  'meeting.influences': { en: () => 'Influences informally', zh: () => '非正式影响' },
  'meeting.influenced-by': { en: () => 'Influenced by', zh: () => '受其影响' },
  'meeting.channels': { en: () => 'Preferred channels', zh: () => '偏好互动方式' },
  'meeting.plan': { en: () => 'Relationship plan', zh: () => '关系规划' },
  'meeting.stage': { en: () => 'stage', zh: () => '关系阶段' },
  'meeting.target-stance': { en: () => 'target stance', zh: () => '目标立场' },
  'meeting.layer': { en: () => 'layer', zh: () => '关系层级' },
  'meeting.next': { en: () => 'next planned', zh: () => '下次计划' },
  'meeting.owner': { en: () => 'owner', zh: () => '负责人' },
  'meeting.no-plan': { en: () => 'not in the current relationship plan', zh: () => '不在当前关系规划中' },
  'meeting.cadence': { en: () => 'Cadence', zh: () => '互动节奏' },
  'meeting.interactions': { en: (p) => `Last ${p.n} interactions`, zh: (p) => `最近 ${p.n} 次互动` },
  'meeting.no-interactions': { en: () => 'no interaction logged yet', zh: () => '尚无互动记录' },
  'meeting.with': { en: () => 'with', zh: () => '同' },
  'meeting.follow-ups': { en: () => 'Open follow-ups', zh: () => '待办后续行动' },
  'meeting.follow-up.overdue': { en: (p) => `due ${p.due}, overdue by ${p.n} day${p.n === 1 ? '' : 's'}`, zh: (p) => `截止 ${p.due}，已逾期 ${p.n} 天` },
  'meeting.follow-up.due': { en: (p) => `due today (${p.due})`, zh: (p) => `今天到期（${p.due}）` },
  'meeting.follow-up.open': { en: (p) => `due ${p.due}`, zh: (p) => `截止 ${p.due}` },
  'meeting.follow-up.undated': { en: () => 'no due date', zh: () => '无截止日期' },
  'meeting.follow-up.since': { en: (p) => `logged ${p.date}`, zh: (p) => `记录于 ${p.date}` },
  'meeting.objectives': { en: () => 'Objectives and pain points', zh: () => '目标与痛点' },
  'meeting.related.mention': { en: () => 'Those of the account that name this person.', zh: () => '客户计划中提及此人的目标与痛点。' },
  'meeting.related.account': { en: () => 'None names this person: the account\'s open objectives and its pain points.', zh: () => '没有提及此人的条目：以下为该客户未完成的目标及其痛点。' },
  'meeting.objective': { en: () => 'Objective', zh: () => '目标' },
  'meeting.due': { en: () => 'due', zh: () => '截止' },
  'meeting.pain-point': { en: () => 'Pain point', zh: () => '痛点' },
  'meeting.private': { en: () => 'PRIVATE: personal notes', zh: () => '私密：个人信息' },
  'meeting.private-note': { en: () => 'Sensitive personal data, for your own preparation only: never paste it into a shared document.', zh: () => '敏感个人信息，仅供自己准备会面使用：切勿粘贴到共享文档中。' },
  'meeting.field.needs': { en: () => 'Needs', zh: () => '诉求' },
  'meeting.field.career': { en: () => 'Career', zh: () => '职业发展' },
  'meeting.field.preferences': { en: () => 'Preferences', zh: () => '个人偏好' },
  'meeting.field.communication_style': { en: () => 'Communication style', zh: () => '沟通风格' },
  // --- influence–support matrix (SVG and its text form); quadrant, stance and role words are in vocabulary.ts
  'matrix.title': { en: (p) => `${p.account}: influence–support matrix`, zh: (p) => `${p.account}：支持度-影响力矩阵` },
  'matrix.axis.stance': { en: () => 'Stance toward us →', zh: () => '对我方的立场 →' },
  'matrix.axis.influence': { en: () => 'Influence on the decision →', zh: () => '对决策的影响力 →' },
  'matrix.target-note': { en: (p) => `dashed arrow: target position · ${p.asOf}`, zh: (p) => `虚线箭头：目标位置 · ${p.asOf}` },
  'matrix.legend.several-roles': { en: () => 'several roles: a slice each', zh: () => '多个角色：每个角色一块' },
  'matrix.unplaced.person': {
    en: (p) => `${p.name}: stance ${word('stance', p.stance, 'en')}, influence ${p.influence}`,
    zh: (p) => `${p.name}：立场 ${word('stance', p.stance, 'zh-cn')}，影响力 ${p.influence}`,
  },
  'matrix.unplaced': { en: (p) => `Unplaced: stance or influence unknown (${p.n})`, zh: (p) => `未定位（立场或影响力未知）(${p.n})` },
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
