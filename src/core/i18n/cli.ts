/**
 * The words of the `keyplan` command line, in English and Simplified Chinese: table headers and
 * headings of `overdue`, `report` and `export`, the value words those tables show (cadence states,
 * coverage, health and temperature bands, plan statuses), usage errors and the help of every
 * command. The CLI holds no text of its own: it calls `tc` (a message) or `cliWord` (a value).
 */
import { localize, localizeText, type Locale, type Message, type Params, type Text } from './locale.js';
import { VOCABULARY, word, type Vocabulary } from './vocabulary.js';

const s = (n: unknown) => (n === 1 ? '' : 's');
/** What a directory entry that is neither a file, a folder nor a link is (walk.ts's kinds). */
/** What a write was writing (WriteOptions.what). */
const writingEn = (what: unknown) => ({ svg: 'the SVG', brief: 'the brief' } as Record<string, string>)[String(what)] ?? 'it';
const writingZh = (what: unknown) => ({ svg: ' SVG ', brief: '简报' } as Record<string, string>)[String(what)] ?? '';
const notFileEn = (kind: unknown) => ({ fifo: 'a named pipe', socket: 'a socket', device: 'a device' } as Record<string, string>)[String(kind)] ?? 'not a file';
const notFileZh = (kind: unknown) => ({ fifo: '命名管道', socket: '套接字', device: '设备' } as Record<string, string>)[String(kind)] ?? '非文件';

/**
 * Value words only the command line shows in its tables; every other value word (stances,
 * quadrants, channels, coverage, health and temperature bands, statuses…) is in vocabulary.ts.
 */
export const CLI_VALUES = {
  /** A contact's cadence state (`keyplan overdue`'s State column). */
  cadence: {
    overdue: { en: 'overdue', zh: '已逾期' }, 'planned-missed': { en: 'planned missed', zh: '计划未完成' }, never: { en: 'never met', zh: '从未互动' },
    'due-soon': { en: 'due soon', zh: '即将到期' }, ok: { en: 'ok', zh: '正常' }, left: { en: 'left', zh: '已离职' }, unknown: { en: 'unknown', zh: '未知' },
  },
  part: { relationship: { en: 'relationship', zh: '客户关系' }, experience: { en: 'experience', zh: '客户体验' }, business: { en: 'business', zh: '业务' } },
  detail: { 'objectives on track or done': { en: 'objectives on track or done', zh: '正常推进或已完成的目标' }, churn_risk: { en: 'churn_risk', zh: '流失风险' } },
  layer: { key: { en: 'key', zh: '关键（点）' }, general: { en: 'general', zh: '普遍（面）' }, organizational: { en: 'organizational', zh: '组织（线）' }, ecosystem: { en: 'ecosystem', zh: '生态（体）' } },
  severity: { error: { en: 'error', zh: '错误' }, warning: { en: 'warning', zh: '警告' }, info: { en: 'info', zh: '提示' } },
  source: {
    'relationship-plan': { en: 'relationship-plan', zh: '关系规划' }, person: { en: 'person', zh: '本人设置' }, config: { en: 'config', zh: 'keyplan.yaml' }, 'built-in': { en: 'built-in', zh: '内置' },
  },
  quadrant: { unplaced: { en: 'unplaced', zh: '未定位' } },
} satisfies Record<string, Record<string, Text>>;

/** The command line's older names of vocabularies of vocabulary.ts. */
const ALIASES = { review: 'review_status', objective: 'objective_status', churn: 'churn_risk', level: 'relationship_level' } as const satisfies Record<string, Vocabulary>;

export type CliVocabulary = keyof typeof CLI_VALUES | Vocabulary | keyof typeof ALIASES;

/** The word for a value in a CLI table; a value no vocabulary knows is shown as written. */
export function cliWord(vocabulary: CliVocabulary, value: unknown, locale: Locale): string {
  const key = String(value);
  const own: Record<string, Text> | undefined = (CLI_VALUES as Record<string, Record<string, Text>>)[vocabulary];
  if (own && Object.hasOwn(own, key)) return localizeText(own[key], locale);
  const shared: string = Object.hasOwn(ALIASES, vocabulary) ? ALIASES[vocabulary as keyof typeof ALIASES] : vocabulary;
  if (Object.hasOwn(VOCABULARY, shared)) return word(shared as Vocabulary, key, locale);
  return key;
}

export const cliMessages = {
  // --- keyplan overdue
  'overdue.header': { en: () => 'State|Account|Person|Roles|Last interaction|Days|Cadence ideal/max|Owner', zh: () => '状态|客户|人员|角色|最近互动|天数|节奏 理想/最长|负责人' },
  'overdue.dark-header': { en: () => 'Account|Last interaction|Days|Dark after|Owner', zh: () => '客户|最近互动|天数|失联阈值|负责人' },
  'overdue.follow-up-header': { en: () => 'State|Due|Account|With|Next step|Logged|Owner', zh: () => '状态|截止|客户|对象|后续行动|记录于|负责人' },
  'overdue.state.overdue': { en: (p) => `overdue +${p.n}d`, zh: (p) => `逾期 ${p.n} 天` },
  'overdue.state.planned-missed': { en: (p) => `planned ${p.date} missed`, zh: (p) => `计划 ${p.date} 未完成` },
  'overdue.state.due-today': { en: () => 'due today', zh: () => '今天到期' },
  'overdue.never': { en: () => 'never', zh: () => '从未' },
  'overdue.contacts': { en: (p) => `Contacts needing attention on ${p.asOf} (most urgent first):`, zh: (p) => `${p.asOf} 需要关注的联系人（最紧急的在前）：` },
  'overdue.contacts.heading': { en: (p) => `Contacts needing attention on ${p.asOf}`, zh: (p) => `${p.asOf} 需要关注的联系人` },
  'overdue.contacts.count': {
    en: (p) => `${p.n} contact${s(p.n)}: ${p.overdue} overdue, ${p.missed} planned missed, ${p.never} never met, ${p.soon} due soon.`,
    zh: (p) => `共 ${p.n} 位联系人：${p.overdue} 位已逾期，${p.missed} 位计划互动未完成，${p.never} 位从未互动，${p.soon} 位即将到期。`,
  },
  'overdue.none': { en: (p) => `Nobody is overdue or due soon on ${p.asOf}.`, zh: (p) => `${p.asOf} 没有逾期或即将到期的联系人。` },
  'overdue.all-clear': { en: (p) => `Nobody is overdue or due soon, and no account has gone dark, on ${p.asOf}.`, zh: (p) => `${p.asOf} 没有逾期或即将到期的联系人，也没有失联的客户。` },
  'overdue.dark': { en: () => 'Accounts gone dark (nobody met for longer than dark_after days):', zh: () => '失联客户（超过 dark_after 天无人互动）：' },
  'overdue.dark.heading': { en: () => 'Accounts gone dark', zh: () => '失联客户' },
  'overdue.dark.count': { en: (p) => `${p.n} dark account${s(p.n)}.`, zh: (p) => `共 ${p.n} 个失联客户。` },
  'overdue.follow-ups': { en: (p) => `Follow-ups due or past due on ${p.asOf} (most overdue first):`, zh: (p) => `${p.asOf} 到期或已逾期的后续行动（逾期最久的在前）：` },
  'overdue.follow-ups.heading': { en: (p) => `Follow-ups due or past due on ${p.asOf}`, zh: (p) => `${p.asOf} 到期或已逾期的后续行动` },
  'overdue.follow-ups.none': { en: (p) => `No follow-up is due on ${p.asOf}.`, zh: (p) => `${p.asOf} 没有到期的后续行动。` },
  'overdue.follow-ups.count': {
    en: (p) => `${p.n} follow-up${s(p.n)}: ${p.overdue} past due, ${p.today} due today.`,
    zh: (p) => `共 ${p.n} 项后续行动：${p.overdue} 项已逾期，${p.today} 项今天到期。`,
  },
  // --- keyplan report (and the export's health section)
  'report.title': { en: (p) => `Keyplan report as of ${p.asOf}: ${p.n} account${s(p.n)}`, zh: (p) => `Keyplan 报告（截至 ${p.asOf}）：${p.n} 个客户` },
  'report.heading': { en: (p) => `Keyplan report as of ${p.asOf}`, zh: (p) => `Keyplan 报告（截至 ${p.asOf}）` },
  'report.header': { en: () => 'Person|Title|Roles|Stance|Infl.|Coverage|Temperature|Quadrant|Cadence', zh: () => '人员|职务|角色|立场|影响力|覆盖|温度|象限|互动节奏' },
  'report.overview-header': { en: () => 'Account|Tier|Owner|Health|Overdue|Champions|Blockers|Findings', zh: () => '客户|分级|负责人|健康度|逾期|核心支持者|关键阻力|问题' },
  'report.parts-header': { en: () => 'Part|Score|Weight|Details', zh: () => '部分|得分|权重|明细' },
  'report.account': { en: (p) => `${p.name} (${p.id}) · tier ${p.tier} · owner ${p.owner} · ${p.health}`, zh: (p) => `${p.name}（${p.id}）· ${p.tier} 类客户 · 负责人 ${p.owner} · ${p.health}` },
  'report.account.heading': { en: (p) => `${p.name} (tier ${p.tier})`, zh: (p) => `${p.name}（${p.tier} 类客户）` },
  'report.dark': { en: () => 'DARK', zh: () => '已失联' },
  'report.health': { en: (p) => `health ${p.score} ${p.band}`, zh: (p) => `健康度 ${p.score}（${p.band}）` },
  'report.health.unknown': { en: () => 'health unknown', zh: () => '健康度未知' },
  'report.unknown': { en: () => 'unknown', zh: () => '未知' },
  'report.weight': { en: (p) => `weight ${p.weight}`, zh: (p) => `权重 ${p.weight}` },
  'report.last': { en: (p) => `last interaction ${p.date} (${p.days} days ago)`, zh: (p) => `最近互动 ${p.date}（${p.days} 天前）` },
  'report.no-interaction': { en: () => 'no interaction logged', zh: () => '没有任何互动记录' },
  'report.counts': {
    en: (p) => `overdue ${p.overdue} · planned missed ${p.missed} · never met ${p.never} · due soon ${p.soon}`,
    zh: (p) => `逾期 ${p.overdue} · 计划未完成 ${p.missed} · 从未互动 ${p.never} · 即将到期 ${p.soon}`,
  },
  'report.quadrants': { en: () => 'quadrants: ', zh: () => '象限：' },
  'report.findings': {
    en: (p) => `${p.n} finding${s(p.n)} (${p.errors} error${s(p.errors)}, ${p.warnings} warning${s(p.warnings)}, ${p.infos} info)`,
    zh: (p) => `${p.n} 个问题（${p.errors} 个错误、${p.warnings} 个警告、${p.infos} 个提示）`,
  },
  'report.cadence.due-soon': { en: (p) => `due soon (${p.n}d left)`, zh: (p) => `即将到期（剩 ${p.n} 天）` },
  'report.trend': { en: (p) => `trend ${p.arrow}: ${p.signals}`, zh: (p) => `趋势 ${p.arrow}：${p.signals}` },
  'report.loyalty': { en: (p) => `attraction–barrier: attraction ${p.attraction}, barrier ${p.barrier}${p.position ? ` → ${p.position}` : ''}`, zh: (p) => `吸引力-阻挡力：吸引力 ${p.attraction}，阻挡力 ${p.barrier}${p.position ? ` → ${p.position}` : ''}` },
  'report.not-scored': { en: () => 'not scored', zh: () => '未评分' },
  'report.label': { en: (p) => `label ${p.v}`, zh: (p) => `标签 ${p.v}` },
  'report.contract': { en: (p) => `contract ${p.start}–${p.end}${p.renewal ? `, renewal ${p.renewal}` : ''}`, zh: (p) => `合同 ${p.start}–${p.end}${p.renewal ? `，续约 ${p.renewal}` : ''}` },
  'report.revenue': { en: () => 'revenue', zh: () => '收入' },
  'report.whitespace': { en: () => 'whitespace:', zh: () => '白区：' },
  'report.whitespace-header': { en: () => 'Business unit|Offering|Status|Competitor|Value', zh: () => '业务单元|产品/服务|状态|竞争对手|价值' },
  'report.cadence.ok': { en: (p) => `ok (${p.n}d ago)`, zh: (p) => `正常（${p.n} 天前）` },
  // --- keyplan check --changed-since: what was checked (stderr)
  'check.scope.full': { en: (p) => `${p.reason ?? 'a change to what is read'} since ${p.ref}; checking the whole workspace.`, zh: (p) => `自 ${p.ref} 以来${p.reason ? `：${p.reason}` : '读取范围有变化'}；检查整个工作区。` },
  'check.scope.nothing': { en: (p) => `no Keyplan files changed since ${p.ref}; nothing to check.`, zh: (p) => `自 ${p.ref} 以来没有 Keyplan 文件变化；无需检查。` },
  'check.scope.changed': {
    en: (p) => `${p.n} file${s(p.n)} changed since ${p.ref}; checking ${p.documents} document${s(p.documents)}: the changed ones${p.accountCount ? ` and the rest of ${p.accountCount === 1 ? 'account' : 'accounts'} ${p.accounts}` : ''}.`,
    zh: (p) => `自 ${p.ref} 以来有 ${p.n} 个文件变化；检查 ${p.documents} 个文档：变化的文件${p.accountCount ? `，以及客户 ${p.accounts} 的其余文件` : ''}。`,
  },
  // --- keyplan diff
  'diff.overdue-by': { en: (p) => ` +${p.n}d`, zh: (p) => ` +${p.n} 天` },
  // --- keyplan import (text)
  'import.nothing': { en: (p) => `Nothing to add from ${p.file} (as of ${p.asOf}).`, zh: (p) => `${p.file} 中没有可添加的会议（截至 ${p.asOf}）。` },
  'import.would-add': { en: (p) => `Would add ${p.n} ${p.n === 1 ? 'entry' : 'entries'} from ${p.file} (dry run, nothing written):`, zh: (p) => `将从 ${p.file} 添加 ${p.n} 条记录（试运行，未写入）：` },
  'import.added': { en: (p) => `Added ${p.n} ${p.n === 1 ? 'entry' : 'entries'} from ${p.file}:`, zh: (p) => `已从 ${p.file} 添加 ${p.n} 条记录：` },
  'import.would-create': { en: () => ' (would be created)', zh: () => '（将新建）' },
  'import.created': { en: () => ' (created)', zh: () => '（已新建）' },
  'import.already': { en: (p) => `Already imported: ${p.n} meeting${s(p.n)}.`, zh: (p) => `已导入过：${p.n} 场会议。` },
  'import.no-match': { en: (p) => `No attendee is a person of this workspace (no entry): ${p.n} meeting${s(p.n)}`, zh: (p) => `参会人都不是此工作区中的人员（未记录）：${p.n} 场会议` },
  'import.no-subject': { en: () => '(no subject)', zh: () => '（无主题）' },
  'import.unmatched': {
    en: () => "Attendees not matched to anyone (add the address to a person's `email:`, or to keyplan.yaml import.ignore):",
    zh: () => '未匹配到任何人员的参会人（请把地址加到人员的 `email:`，或加到 keyplan.yaml 的 import.ignore）：',
  },
  'import.meetings': { en: (p) => `${p.n} meeting${s(p.n)}`, zh: (p) => `${p.n} 场会议` },
  'import.ambiguous': { en: () => 'Addresses several active people have (matched to nobody):', zh: () => '多位在职人员共用的地址（未匹配任何人）：' },
  'import.cancelled': { en: (p) => `${p.n} cancelled`, zh: (p) => `${p.n} 场已取消` },
  'import.future': { en: (p) => `${p.n} after ${p.asOf}`, zh: (p) => `${p.n} 场晚于 ${p.asOf}` },
  'import.before-since': { en: (p) => `${p.n} before --since`, zh: (p) => `${p.n} 场早于 --since` },
  'import.unreadable': { en: (p) => `Events that cannot be read (left out; the others are imported): ${p.n} event${s(p.n)}`, zh: (p) => `无法读取的事件（已略去，其余照常导入）：${p.n} 个` },
  'import.unreadable-event': { en: (p) => `${p.file}: event ${p.uid} ${p.reason}; left out`, zh: (p) => `${p.file}：事件 ${p.uid} ${p.reason}；已略去` },
  'import.skipped': { en: (p) => `Skipped: ${p.list}.`, zh: (p) => `已跳过：${p.list}。` },
  'import.truncated': {
    en: (p) => `Recurring events cut off after ${p.max} occurrences (use --since to start later): ${p.list}`,
    zh: (p) => `重复会议超过 ${p.max} 次后的部分已略去（可用 --since 从更晚的日期开始）：${p.list}`,
  },
  'import.without-uid': {
    en: (p) => `${p.n} event${s(p.n)} without a UID: keyed by start and subject instead.`,
    zh: (p) => `${p.n} 个事件没有 UID：改用开始时间和主题识别。`,
  },
  // --- keyplan matrix (text)
  'matrix.text.person': { en: (p) => `${p.stance}, influence ${p.influence}`, zh: (p) => `${p.stance}，影响力 ${p.influence}` },
  'matrix.text.target': { en: (p) => ` → target ${p.stance}/${p.influence}`, zh: (p) => ` → 目标 ${p.stance}/${p.influence}` },
  // --- keyplan export (the account brief)
  'brief.marker-note.redacted': {
    en: () => 'Sensitive personal notes (needs, career, preferences, communication style) are left out.',
    zh: () => '已略去敏感个人信息（诉求、职业发展、个人偏好、沟通风格）。',
  },
  'brief.marker-note.included': {
    en: () => 'CONTAINS SENSITIVE PERSONAL NOTES (needs, career, preferences, communication style): do not share outside the account team.',
    zh: () => '包含敏感个人信息（诉求、职业发展、个人偏好、沟通风格）：请勿在客户团队以外分享。',
  },
  'brief.no-accounts': { en: () => 'No accounts.', zh: () => '没有客户。' },
  'brief.title': { en: (p) => `${p.name} · account brief`, zh: (p) => `${p.name} · 客户简报` },
  'brief.as-of': { en: (p) => `As of ${p.asOf}`, zh: (p) => `截至 ${p.asOf}` },
  'brief.tier': { en: (p) => `tier ${p.v}`, zh: (p) => `${p.v} 类客户` },
  'brief.owner': { en: (p) => `owner ${p.v}`, zh: (p) => `负责人 ${p.v}` },
  'brief.industry': { en: (p) => `industry ${p.v}`, zh: (p) => `行业 ${p.v}` },
  'brief.lifecycle': { en: (p) => `lifecycle ${p.v}`, zh: (p) => `生命周期 ${p.v}` },
  'brief.relationship': { en: (p) => `relationship ${p.v}`, zh: (p) => `关系层次 ${p.v}` },
  'brief.plan': { en: (p) => `plan ${p.v}`, zh: (p) => `计划周期 ${p.v}` },
  'brief.review': { en: (p) => `review ${p.v}${p.next ? ` (next ${p.next})` : ''}`, zh: (p) => `评审 ${p.v}${p.next ? `（下次 ${p.next}）` : ''}` },
  'brief.team': { en: (p) => `Team: ${p.v}`, zh: (p) => `团队：${p.v}` },
  'brief.health': { en: () => 'Health', zh: () => '健康度' },
  'brief.health.unknown': { en: () => 'Health: unknown (no part has data yet).', zh: () => '健康度：未知（各部分均无数据）。' },
  'brief.health.score': { en: (p) => `Health: **${p.score}** (${p.band})`, zh: (p) => `健康度：**${p.score}**（${p.band}）` },
  'brief.dark': { en: () => ' · **dark account**: no interaction for too long', zh: () => ' · **失联客户**：太久没有互动' },
  'brief.parts-header': { en: () => 'Part|Score|Weight', zh: () => '部分|得分|权重' },
  'brief.contacts': {
    en: (p) => `Contacts: ${p.active} active of ${p.people} · overdue ${p.overdue} · planned missed ${p.missed} · never met ${p.never} · due soon ${p.soon}`,
    zh: (p) => `联系人：${p.people} 位中 ${p.active} 位在职 · 逾期 ${p.overdue} · 计划未完成 ${p.missed} · 从未互动 ${p.never} · 即将到期 ${p.soon}`,
  },
  'brief.quadrants': { en: () => 'Quadrants: ', zh: () => '象限：' },
  'brief.trend': { en: (p) => `Trend ${p.arrow}: ${p.signals}`, zh: (p) => `趋势 ${p.arrow}：${p.signals}` },
  'brief.loyalty': { en: (p) => `Attraction–barrier: attraction ${p.attraction}, barrier ${p.barrier}${p.position ? ` → **${p.position}**` : ''}`, zh: (p) => `吸引力-阻挡力：吸引力 ${p.attraction}，阻挡力 ${p.barrier}${p.position ? ` → **${p.position}**` : ''}` },
  'brief.label': { en: (p) => `Customer label: ${p.v}`, zh: (p) => `客户标签：${p.v}` },
  'brief.contract': { en: (p) => `Contract: ${p.start} – ${p.end}${p.renewal ? `, renewal ${p.renewal}` : ''}`, zh: (p) => `合同：${p.start} – ${p.end}${p.renewal ? `，续约 ${p.renewal}` : ''}` },
  'brief.whitespace': { en: () => 'Whitespace', zh: () => '白区' },
  'brief.competitors': { en: () => 'Competitors', zh: () => '竞争对手' },
  'brief.competitors-header': { en: () => 'Competitor|Strength|Strong in|Favoured by', zh: () => '竞争对手|实力|优势领域|受谁青睐' },
  'brief.people': { en: () => 'People', zh: () => '人员' },
  'brief.people-header': { en: () => 'Person|Title|Roles|Stance|Influence|Coverage|Quadrant|Last interaction|Cadence', zh: () => '人员|职务|角色|立场|影响力|覆盖|象限|最近互动|互动节奏' },
  'brief.left': { en: () => ' (left)', zh: () => '（已离职）' },
  'brief.objectives': { en: () => 'Objectives', zh: () => '目标' },
  'brief.objectives-header': { en: () => 'Objective|Status|Due|Target|Owner', zh: () => '目标|状态|截止|目标值|负责人' },
  'brief.relationship-plan': { en: () => 'Relationship plan', zh: () => '关系规划' },
  'brief.plan-header': { en: () => 'Contact|Layer|Stage → target|Target stance|Cadence|Channels|Owner|Next', zh: () => '联系人|层级|阶段 → 目标|目标立场|节奏|互动方式|负责人|下次' },
  'brief.plan.empty': { en: () => 'No contacts in the current plan.', zh: () => '当前规划中没有联系人。' },
  'brief.attention': { en: () => 'Needs attention', zh: () => '需要关注' },
  'brief.personal': { en: () => 'Personal notes (sensitive personal data)', zh: () => '个人信息（敏感个人数据）' },
  'export.wrote': {
    en: (p) => `Wrote ${p.file} (${p.n} account${s(p.n)}${p.sensitive ? ', WITH sensitive personal notes' : ', sensitive personal notes left out'})`,
    zh: (p) => `已写入 ${p.file}（${p.n} 个客户，${p.sensitive ? '包含敏感个人信息' : '已略去敏感个人信息'}）`,
  },
  'wrote': { en: (p) => `Wrote ${p.file}`, zh: (p) => `已写入 ${p.file}` },
  // --- usage errors (`keyplan: …`, exit code 2)
  'error.prefix': { en: () => 'keyplan: ', zh: () => 'keyplan：' },
  'error.unknown-command': {
    en: (p) => `unknown command '${p.name}'.${p.suggestion ? ` Did you mean '${p.suggestion}'?` : ''} Run 'keyplan --help' for the list of commands.`,
    zh: (p) => `没有命令 '${p.name}'。${p.suggestion ? `是否应为 '${p.suggestion}'？` : ''}运行 'keyplan --help' 查看全部命令。`,
  },
  'error.unknown-option': {
    en: (p) => `unknown option '${p.option}' for 'keyplan ${p.command}'.${p.suggestion ? ` Did you mean ${p.suggestion}?` : ''} Run 'keyplan ${p.command} --help' for its options.`,
    zh: (p) => `'keyplan ${p.command}' 没有选项 '${p.option}'。${p.suggestion ? `是否应为 ${p.suggestion}？` : ''}运行 'keyplan ${p.command} --help' 查看可用选项。`,
  },
  'error.option-before-command': {
    en: (p) => `'${p.option}' is not a command; options go after one, e.g. keyplan check ${p.suggestion ?? p.option}. Run 'keyplan --help' for the list of commands.`,
    zh: (p) => `'${p.option}' 不是命令；选项应写在命令之后，例如 keyplan check ${p.suggestion ?? p.option}。运行 'keyplan --help' 查看全部命令。`,
  },
  'error.option-needs-value': { en: (p) => `${p.option} needs a value (see 'keyplan ${p.command} --help')`, zh: (p) => `${p.option} 需要一个值（参见 'keyplan ${p.command} --help'）` },
  'error.option-takes-no-value': { en: (p) => `${p.option} takes no value (found '${p.value}')`, zh: (p) => `${p.option} 不接受值（收到 '${p.value}'）` },
  'error.unknown-locale': { en: (p) => `unknown locale '${p.value}' (use en or zh-cn)`, zh: (p) => `不支持的语言 '${p.value}'（请使用 en 或 zh-cn）` },
  'error.date-format': { en: (p) => `${p.option} takes a date as YYYY-MM-DD, not '${p.value}'`, zh: (p) => `${p.option} 需要 YYYY-MM-DD 格式的日期，而不是 '${p.value}'` },
  'error.date-nonexistent': { en: (p) => `${p.option}: ${p.value} is not a date that exists`, zh: (p) => `${p.option}：${p.value} 不是真实存在的日期` },
  'error.unknown-format': {
    en: (p) => `unknown format '${p.value}' (use ${p.choices})${p.suggestion ? `; did you mean '${p.suggestion}'?` : ''}`,
    zh: (p) => `不支持的格式 '${p.value}'（可用：${p.choices}）${p.suggestion ? `；是否应为 '${p.suggestion}'？` : ''}`,
  },
  'error.no-such-path': { en: (p) => `${p.path}: no such file or directory`, zh: (p) => `${p.path}：文件或文件夹不存在` },
  'error.outside-workspace': { en: (p) => `${p.path} is outside the workspace ${p.root}`, zh: (p) => `${p.path} 不在工作区 ${p.root} 之内` },
  'error.max-warnings': { en: () => '--max-warnings takes a whole number', zh: () => '--max-warnings 需要一个非负整数' },
  'error.changed-since': { en: () => '--changed-since takes a git revision, e.g. --changed-since origin/main', zh: () => '--changed-since 需要一个 git 版本，例如 --changed-since origin/main' },
  'error.needs-account': { en: (p) => `${p.command} needs an account id, e.g. keyplan ${p.command} east-china-telecom`, zh: (p) => `${p.command} 需要客户标识，例如 keyplan ${p.command} east-china-telecom` },
  'error.size-by': { en: (p) => `--size-by takes temperature or coverage, not '${p.value}'`, zh: (p) => `--size-by 只能是 temperature 或 coverage，而不是 '${p.value}'` },
  'error.tier': {
    en: (p) => `--tier takes A, B or C, not '${p.value}'${p.suggestion ? `; did you mean '${p.suggestion}'?` : ''}`,
    zh: (p) => `--tier 只能是 A、B 或 C，而不是 '${p.value}'${p.suggestion ? `；是否应为 '${p.suggestion}'？` : ''}`,
  },
  'error.no-owner': {
    en: (p) => `no owner '${p.owner}' in this workspace${p.suggestion ? `; did you mean '${p.suggestion}'?` : ''} (owners: ${p.owners || 'none'})`,
    zh: (p) => `此工作区中没有负责人 '${p.owner}'${p.suggestion ? `；是否应为 '${p.suggestion}'？` : ''}（负责人：${p.owners || '无'}）`,
  },
  'error.no-account': {
    en: (p) => `no account '${p.account}' in this workspace${p.unreadable ? ` (its account plan, ${p.unreadable}, could not be read: run keyplan check)` : p.suggestion ? `; did you mean '${p.suggestion}'?` : ''}`,
    zh: (p) => `此工作区中没有客户 '${p.account}'${p.unreadable ? `（其客户计划 ${p.unreadable} 无法读取：请运行 keyplan check）` : p.suggestion ? `；是否应为 '${p.suggestion}'？` : ''}`,
  },
  'error.out-empty': { en: () => '--out takes a file name', zh: () => '--out 需要一个文件名' },
  'error.redact-and-include': { en: () => '--redact and --include-sensitive contradict each other; choose one', zh: () => '--redact 与 --include-sensitive 相互矛盾，请只选一个' },
  'error.brief-needs-person': { en: () => 'keyplan brief takes a person: keyplan brief <person> [workspace]', zh: () => 'keyplan brief 需要指定人员：keyplan brief <人员> [工作区]' },
  'error.brief-too-many': { en: () => 'keyplan brief takes a person and an optional workspace folder', zh: () => 'keyplan brief 只接受一个人员和一个可选的工作区文件夹' },
  'error.ambiguous-person': { en: (p) => `'${p.value}' is the name of several people: ${p.ids}; give the person id`, zh: (p) => `'${p.value}' 对应多位人员：${p.ids}；请改用人员标识` },
  'error.no-person': {
    en: (p) => `no person '${p.value}' in this workspace${p.suggestion ? `; did you mean '${p.suggestion}'?` : ''}`,
    zh: (p) => `此工作区中没有人员 '${p.value}'${p.suggestion ? `；是否应为 '${p.suggestion}'？` : ''}`,
  },
  'error.log-needs-args': { en: () => 'keyplan log takes a person and a summary: keyplan log <person> [workspace] "summary"', zh: () => 'keyplan log 需要人员和摘要：keyplan log <人员> [工作区] "摘要"' },
  'error.log-too-many': {
    en: (p) => `keyplan log takes a person, an optional workspace folder and one summary; quote the summary ("…"), found ${p.n} arguments`,
    zh: (p) => `keyplan log 只接受人员、可选的工作区文件夹和一段摘要；请给摘要加上引号（"…"），实际收到 ${p.n} 个参数`,
  },
  'error.import-needs-file': { en: () => 'import needs a calendar file: keyplan import <file.ics> [workspace]', zh: () => 'import 需要一个日历文件：keyplan import <文件.ics> [工作区]' },
  'error.import-one-workspace': { en: () => 'import takes one workspace folder after the calendar file', zh: () => 'import 在日历文件之后只接受一个工作区文件夹' },
  'error.no-such-file': { en: (p) => `${p.path}: no such file`, zh: (p) => `${p.path}：文件不存在` },
  'error.not-a-file': { en: (p) => `${p.path} is not a regular file`, zh: (p) => `${p.path} 不是普通文件` },
  'error.file-too-large': { en: (p) => `${p.path}: larger than ${p.mb} MB; export a shorter period`, zh: (p) => `${p.path}：超过 ${p.mb} MB；请导出更短的时间段` },
  'error.not-utf8': { en: (p) => `${p.path}: not UTF-8 text (iCalendar files are UTF-8)`, zh: (p) => `${p.path}：不是 UTF-8 文本（iCalendar 文件应为 UTF-8）` },
  'error.diff-no-repo': { en: () => 'keyplan diff compares git revisions; run it inside a git working tree', zh: () => 'keyplan diff 比较的是 git 版本；请在 git 工作区中运行' },
  'error.diff-outside': { en: (p) => `the workspace ${p.root} is outside the git repository ${p.top}`, zh: (p) => `工作区 ${p.root} 不在 git 仓库 ${p.top} 之内` },
  'error.diff-neither': {
    en: (p) => `'${p.arg}' is neither a revision nor a path (in a shallow clone, fetch the revision first: git fetch --depth=1 origin ${p.arg})`,
    zh: (p) => `'${p.arg}' 既不是 git 版本也不是路径（浅克隆时请先获取该版本：git fetch --depth=1 origin ${p.arg}）`,
  },
  'error.diff-no-markdown': { en: (p) => `no Markdown files under ${p.arg} in either revision`, zh: (p) => `两个版本中 ${p.arg} 下都没有 Markdown 文件` },
  'error.since-and-revisions': { en: () => "--since names BASE; give either --since or revisions, not both", zh: () => '--since 指定的就是 BASE；--since 与版本只能二选一' },
  'error.no-commit-before': { en: (p) => `no commit before ${p.when} on HEAD's first-parent line`, zh: (p) => `HEAD 的第一父提交线上没有早于 ${p.when} 的提交` },
  'error.no-commit-on-or-before': { en: (p) => `no commit on or before ${p.when}`, zh: (p) => `没有在 ${p.when} 当天或之前的提交` },
  'error.at-one-folder': { en: () => '--at reads one workspace folder', zh: () => '--at 只读取一个工作区文件夹' },
  'error.at-no-repo': { en: () => '--at reads the git history; run it inside a git working tree', zh: () => '--at 读取的是 git 历史；请在 git 工作区中运行' },
  'error.history-no-repo': { en: () => 'keyplan history reads the git history; run it inside a git working tree', zh: () => 'keyplan history 读取的是 git 历史；请在 git 工作区中运行' },
  'error.history-one-folder': { en: (p) => `history takes one workspace folder, not '${p.value}'`, zh: (p) => `history 只接受一个工作区文件夹，而不是 '${p.value}'` },
  'error.history-no-account': {
    en: (p) => `no account '${p.account}' in the history of this workspace${p.none ? ' (no commits touch it)' : ''}`,
    zh: (p) => `此工作区的历史中没有客户 '${p.account}'${p.none ? '（没有提交涉及它）' : ''}`,
  },
  'error.history-no-person': {
    en: (p) => `no person '${p.person}' in the history of ${p.account}${p.suggestion ? `; did you mean '${p.suggestion}'?` : ''}`,
    zh: (p) => `${p.account} 的历史中没有人员 '${p.person}'${p.suggestion ? `；是否应为 '${p.suggestion}'？` : ''}`,
  },
  'error.not-a-date': { en: (p) => `'${p.value}' is not a valid date (use YYYY-MM-DD)`, zh: (p) => `'${p.value}' 不是有效日期（请使用 YYYY-MM-DD）` },
  'error.by-needs-inventory': { en: () => '--by goes with --inventory', zh: () => '--by 需与 --inventory 一起使用' },
  'error.by-value': { en: (p) => `unknown --by '${p.value}' (use tier or owner)`, zh: (p) => `未知的 --by '${p.value}'（请使用 tier 或 owner）` },
  'error.diff-both': {
    en: (p) => `'${p.arg}' is both a revision and a path; put paths after '--', e.g. keyplan diff ${p.arg} -- ${p.arg}`,
    zh: (p) => `'${p.arg}' 既是 git 版本又是路径；请把路径放在 '--' 之后，例如 keyplan diff ${p.arg} -- ${p.arg}`,
  },
  'error.completion-shell': {
    en: (p) => `completion takes bash, zsh or fish${p.value ? `, not '${p.value}'` : ''}${p.suggestion ? `; did you mean '${p.suggestion}'?` : ''}`,
    zh: (p) => `completion 只支持 bash、zsh 或 fish${p.value ? `，而不是 '${p.value}'` : ''}${p.suggestion ? `；是否应为 '${p.suggestion}'？` : ''}`,
  },
  // --- writing a file (--out, --svg, --matrix-dir): why nothing was written
  'write.no-folder': { en: (p) => `the folder ${p.dir} does not exist; create it first, then run the command again`, zh: (p) => `文件夹 ${p.dir} 不存在；请先创建，再重新运行命令` },
  'write.not-folder-for': { en: (p) => `${p.dir} is not a folder; cannot write ${p.target}`, zh: (p) => `${p.dir} 不是文件夹；无法写入 ${p.target}` },
  'write.permission': { en: (p) => `cannot write in the folder ${p.dir}: it is read-only for you (permission denied); nothing was written`, zh: (p) => `无法写入文件夹 ${p.dir}：你对它只有只读权限（权限不足）；未写入任何内容` },
  'write.read-only': { en: (p) => `cannot write in the folder ${p.dir}: it is on a read-only file system; nothing was written`, zh: (p) => `无法写入文件夹 ${p.dir}：它位于只读文件系统上；未写入任何内容` },
  'write.no-space': { en: (p) => `no space left to write ${p.target}; nothing was written`, zh: (p) => `磁盘空间不足，无法写入 ${p.target}；未写入任何内容` },
  'write.failed': { en: (p) => `could not write ${p.target} (${p.code}); nothing was written`, zh: (p) => `无法写入 ${p.target}（${p.code}）；未写入任何内容` },
  'write.linked-folder': { en: (p) => `${p.at} is a symbolic link to a folder; Keyplan does not write through linked folders (name the real folder instead)`, zh: (p) => `${p.at} 是指向文件夹的符号链接；Keyplan 不会经由链接的文件夹写入（请改用实际文件夹）` },
  'write.not-folder': { en: (p) => `${p.at} is not a folder; cannot write there`, zh: (p) => `${p.at} 不是文件夹；无法在其中写入` },
  'write.locked': { en: (p) => `another Keyplan command is writing ${p.target} right now; nothing was written (if none is, remove ${p.file})`, zh: (p) => `另一个 Keyplan 命令正在写入 ${p.target}；未写入任何内容（如果并没有，请删除 ${p.file}）` },
  'write.not-regular': {
    en: (p) => `${p.target} is ${({ fifo: 'a named pipe (FIFO)', socket: 'a socket', 'char-device': 'a character device', 'block-device': 'a block device' } as Record<string, string>)[String(p.kind)] ?? 'not a regular file'}; Keyplan only ever replaces regular files, even with --force`,
    zh: (p) => `${p.target} 是${({ fifo: '命名管道（FIFO）', socket: '套接字', 'char-device': '字符设备', 'block-device': '块设备' } as Record<string, string>)[String(p.kind)] ?? '非普通文件'}；Keyplan 只替换普通文件，即使使用 --force 也不例外`,
  },
  'write.changed': {
    en: (p) => `${p.target} changed on disk while Keyplan was writing ${writingEn(p.what)}; nothing was written, run the command again`,
    zh: (p) => `Keyplan 写入${writingZh(p.what)}时，${p.target} 在磁盘上被修改；未写入任何内容，请重新运行命令`,
  },
  'write.appeared': {
    en: (p) => `${p.target} appeared on disk while Keyplan was writing ${writingEn(p.what)}; nothing was written, run the command again`,
    zh: (p) => `Keyplan 写入${writingZh(p.what)}时，磁盘上出现了 ${p.target}；未写入任何内容，请重新运行命令`,
  },
  'write.link-edit': { en: (p) => `${p.target} is a symbolic link; Keyplan does not write through links; nothing was written`, zh: (p) => `${p.target} 是符号链接；Keyplan 不会经由链接写入；未写入任何内容` },
  'write.not-file': { en: (p) => `${p.target} is not a regular file; nothing was written`, zh: (p) => `${p.target} 不是普通文件；未写入任何内容` },
  'write.not-utf8': { en: (p) => `${p.target} is not UTF-8 text; nothing was written`, zh: (p) => `${p.target} 不是 UTF-8 文本；未写入任何内容` },
  'write.vanished-import': { en: (p) => `${p.path} was deleted while Keyplan was importing; nothing was written to it`, zh: (p) => `${p.path} 在 Keyplan 导入时被删除；未向其写入任何内容` },
  'write.is-folder': { en: (p) => `${p.target} is a folder; name a file to write`, zh: (p) => `${p.target} 是文件夹；请指定要写入的文件` },
  'write.link': { en: (p) => `${p.target} is a symbolic link; Keyplan does not write through links (use --force to replace the link itself)`, zh: (p) => `${p.target} 是符号链接；Keyplan 不会经由链接写入（使用 --force 可替换链接本身）` },
  'write.foreign': { en: (p) => `${p.target} exists and was not written by Keyplan; not overwriting it (use --force to replace it)`, zh: (p) => `${p.target} 已存在且不是由 Keyplan 写入的；不会覆盖（使用 --force 可替换）` },
  'write.edited': { en: (p) => `${p.target} was edited since Keyplan wrote it; not overwriting the edits (use --force to replace it)`, zh: (p) => `${p.target} 在 Keyplan 写入后已被修改；不会覆盖这些修改（使用 --force 可替换）` },
  // --- git (git's own messages are passed on as git wrote them)
  'git.missing': { en: () => 'git is not installed or not on PATH', zh: () => '未安装 git，或 git 不在 PATH 中' },
  'git.failed': { en: (p) => `git ${p.command} failed`, zh: (p) => `git ${p.command} 失败` },
  'git.too-large': { en: (p) => `git ${p.command}: output larger than ${p.bytes} bytes`, zh: (p) => `git ${p.command}：输出超过 ${p.bytes} 字节` },
  'git.not-a-date': { en: (p) => `'${p.value}' is not a date`, zh: (p) => `“${p.value}”不是日期` },
  'git.no-commit-before': { en: (p) => `no commit on or before ${p.when}`, zh: (p) => `${p.when} 当天或之前没有提交` },
  'git.no-default-branch': {
    en: () => 'no default branch found (tried origin/HEAD, origin/main, origin/master, main, master); name the base revision, e.g. keyplan diff origin/develop',
    zh: () => '找不到默认分支（已尝试 origin/HEAD、origin/main、origin/master、main、master）；请指定基准版本，例如 keyplan diff origin/develop',
  },
  'git.unknown-revision': {
    en: (p) => `unknown revision '${p.rev}'${p.option ? ` for ${p.option}` : ''} (in a shallow clone, fetch it first: git fetch --depth=1 origin ${p.rev})`,
    zh: (p) => `${p.option ? `${p.option} 的` : ''}版本“${p.rev}”不存在（浅克隆时请先获取：git fetch --depth=1 origin ${p.rev}）`,
  },
  'git.no-repo-changed-since': { en: () => '--changed-since needs a git repository; the workspace is not inside one', zh: () => '--changed-since 需要 git 仓库；此工作区不在仓库中' },
  'git.bad-names': {
    en: (p) => `${p.names}: file name${p.n === 1 ? ' is' : 's are'} not valid UTF-8, so Keyplan cannot read ${p.n === 1 ? 'it' : 'them'}; rename ${p.n === 1 ? 'it' : 'them'} (the characters shown as \uFFFD)`,
    zh: (p) => `${p.names}：文件名不是有效的 UTF-8，Keyplan 无法读取；请重命名（显示为 \uFFFD 的字符）`,
  },
  // --- notes on stderr
  'note.prefix': { en: () => 'note: ', zh: () => '提示：' },
  'note.at': { en: (p) => `as it stood at ${p.label}, checked at ${p.asOf}`, zh: (p) => `按 ${p.label} 时的状态，以 ${p.asOf} 为准检查` },
  'note.could-not-read': { en: (p) => `could not read ${p.path} (${p.error})`, zh: (p) => `无法读取 ${p.path}（${p.error}）` },
  'note.config-link': { en: (p) => `${p.file} is a symbolic link; Keyplan does not follow links, so the built-in settings apply`, zh: (p) => `${p.file} 是符号链接；Keyplan 不跟随链接，因此使用内置设置` },
  'note.config-unreadable': {
    en: (p) => `${p.file} could not be read (${({ 'not-utf8': 'it is not UTF-8 text', yaml: 'a YAML syntax error', 'not-mapping': 'it is not a group of settings' } as Record<string, string>)[String(p.why)] ?? p.why}); the built-in settings were used`,
    zh: (p) => `${p.file} 无法读取（${({ 'not-utf8': '不是 UTF-8 文本', yaml: 'YAML 语法错误', 'not-mapping': '不是一组设置' } as Record<string, string>)[String(p.why)] ?? p.why}）；已使用内置设置`,
  },
  'note.not-regular': { en: (p) => `${p.path} is not a regular file (${notFileEn(p.kind)}); not read`, zh: (p) => `${p.path} 不是普通文件（${notFileZh(p.kind)}）；未读取` },
  'read.config-not-regular': { en: (p) => `not a regular file but ${notFileEn(p.kind)}; not opened, the built-in settings were used`, zh: (p) => `不是普通文件，而是${notFileZh(p.kind)}；未打开，已使用内置设置` },
  'read.bad-name': {
    en: (p) => `the ${p.what} name is not valid UTF-8, so Keyplan cannot read it: rename it, the characters shown as \uFFFD`,
    zh: (p) => `${p.what === 'folder' ? '文件夹' : '文件'}名不是有效的 UTF-8，Keyplan 无法读取：请重命名（显示为 \uFFFD 的字符）`,
  },
  'note.vanished': { en: (p) => `${p.path} was deleted while the workspace was read; checked without it`, zh: (p) => `${p.path} 在读取工作区时被删除；检查时未包含它` },
  'note.vanished-diff': { en: (p) => `${p.path} was deleted while the working tree was read; compared without it`, zh: (p) => `${p.path} 在读取工作树时被删除；比较时未包含它` },
  'note.skipped': {
    en: (p) => `skipped ${p.path} (${({ binary: 'binary', 'not-utf8': 'not UTF-8 text', 'too-large': 'larger than the 10 MB a document may have', unreadable: 'unreadable' } as Record<string, string>)[String(p.reason)] ?? p.reason}${p.bytes !== undefined ? `: ${p.bytes} bytes` : ''})`,
    zh: (p) => `已跳过 ${p.path}（${({ binary: '二进制文件', 'not-utf8': '不是 UTF-8 文本', 'too-large': '超过文档上限 10 MB', unreadable: '无法读取' } as Record<string, string>)[String(p.reason)] ?? p.reason}${p.bytes !== undefined ? `：${p.bytes} 字节` : ''}）`,
  },
  'progress.reading': { en: (p) => `Reading ${p.n} files…`, zh: (p) => `正在读取 ${p.n} 个文件…` },
  'note.unreadable': {
    en: (p) => `${p.n} document${s(p.n)} could not be read and ${p.n === 1 ? 'is' : 'are'} left out (run keyplan check for details): ${p.files}`,
    zh: (p) => `${p.n} 个文档无法读取，已略去（运行 keyplan check 查看详情）：${p.files}`,
  },
} satisfies Record<string, Message>;

export type CliMessageId = keyof typeof cliMessages;

/**
 * What the CLI has to say before it knows the language it says it in (notes and errors of reading
 * the workspace, found before keyplan.yaml's `language:` is read): a catalogue message, put into
 * words when printed; or text already in words (an error code such as EACCES).
 */
export type CliText = string | { id: CliMessageId; params?: Params };

/** A `CliText` in a locale. */
export function sayText(locale: Locale, text: CliText): string {
  return typeof text === 'string' ? text : tc(locale, text.id, text.params);
}

/** A command-line message in a locale. */
export function tc(locale: Locale, id: CliMessageId, params: Params = {}): string {
  return localize(cliMessages[id], locale, params);
}

/** A table header (columns separated by `|` in the catalogue). */
export function headerOf(locale: Locale, id: CliMessageId): string[] {
  return tc(locale, id).split('|');
}
