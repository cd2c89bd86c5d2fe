/**
 * Message catalogue of the core, in English and Simplified Chinese. Every diagnostic message is
 * produced here, so the CLI and the editor say exactly the same thing.
 */
export type Locale = 'en' | 'zh-cn';

export function normalizeLocale(value: string | undefined | null): Locale {
  const v = (value ?? '').toLowerCase().replace('_', '-');
  return v.startsWith('zh') ? 'zh-cn' : 'en';
}

type Params = Record<string, string | number | undefined>;
type Entry = { en: (p: Params) => string; zh: (p: Params) => string };

const code = (s: unknown) => `\`${String(s)}\``;
/** Chinese names of the built-in channels (互动方式); configured channels are shown as written. */
export const CHANNEL_ZH: Record<string, string> = {
  visit: '拜访', meeting: '会议', call: '电话', wechat: '微信', email: '邮件', event: '活动', 'executive-exchange': '高层互访', gift: '礼品', dinner: '宴请', other: '其他',
};
const list = (values: unknown, sep = ', ') => (Array.isArray(values) ? values : String(values ?? '').split('|')).join(sep);
const hint = (p: Params, en = true) => (p.suggestion ? (en ? ` Did you mean ${code(p.suggestion)}?` : `是否应为 ${code(p.suggestion)}？`) : '');

export const messages = {
  // --- files and YAML
  'file.not-utf8': {
    en: () => 'This file is not valid UTF-8 text. Save it with UTF-8 encoding so Keyplan can read it.',
    zh: () => '该文件不是有效的 UTF-8 文本。请以 UTF-8 编码保存，Keyplan 才能读取。',
  },
  'file.nul': {
    en: () => 'This file contains a NUL byte, so git and other tools treat it as binary (no diffs, no merges). Keyplan reads it as text; remove the NUL byte.',
    zh: () => '该文件包含 NUL 字节，git 等工具会把它当作二进制文件（无法比较和合并）。Keyplan 仍按文本读取；请删除该 NUL 字节。',
  },
  'yaml.unclosed': {
    en: () => 'The frontmatter has no closing `---` line. Add `---` on its own line after the last field.',
    zh: () => '文件头（frontmatter）缺少结束的 `---` 行。请在最后一个字段之后单独加一行 `---`。',
  },
  'yaml.empty': {
    en: () => 'The frontmatter is empty or is not a set of `key: value` fields.',
    zh: () => '文件头为空，或不是 `字段: 值` 的形式。',
  },
  'yaml.tab': {
    en: () => 'Tabs cannot be used to indent YAML. Indent with spaces.',
    zh: () => 'YAML 不能用 Tab 缩进，请改用空格。',
  },
  'yaml.duplicate-key': {
    en: (p) => `The field ${code(p.key)} appears twice in this block; keep one.`,
    zh: (p) => `字段 ${code(p.key)} 在同一层级出现了两次，请只保留一个。`,
  },
  'yaml.alias-bomb': {
    en: () => 'The frontmatter expands too many YAML aliases (`*name`) and was not read, to stay safe.',
    zh: () => '文件头中的 YAML 别名（`*name`）展开过多，为安全起见未读取。',
  },
  'yaml.too-deep': {
    en: () => 'The frontmatter is nested too deeply to be read.',
    zh: () => '文件头嵌套层级过深，无法读取。',
  },
  'yaml.colon-in-value': {
    en: (p) => `YAML could not read this line: ${p.detail}. If a value contains \`: \` (also after Chinese text), put the value in quotes.`,
    zh: (p) => `YAML 无法读取这一行：${p.detail}。如果值里含有 \`: \`（包括中文之后），请给整个值加引号。`,
  },
  'yaml.other': {
    en: (p) => `YAML syntax error: ${p.detail}.`,
    zh: (p) => `YAML 语法错误：${p.detail}。`,
  },
  'kind.unknown': {
    en: (p) => `${code(p.value)} is not a Keyplan document kind.${hint(p)} Known kinds: ${list(p.allowed)}.`,
    zh: (p) => `${code(p.value)} 不是 Keyplan 文档类型。${hint(p, false)}可用类型：${list(p.allowed, '、')}。`,
  },
  // --- schema
  'schema.required': {
    en: (p) => `Missing required field ${code(p.field)}${p.where ? ` in ${p.where}` : ''}${p.about ? ` (${p.about})` : ''}.`,
    zh: (p) => `${p.where ? `${p.where} 中` : ''}缺少必填字段 ${code(p.field)}${p.about ? `（${p.about}）` : ''}。`,
  },
  'schema.unknown-field': {
    en: (p) => `${code(p.field)} is not a field of ${p.where}.${hint(p)}`,
    zh: (p) => `${code(p.field)} 不是 ${p.where} 的字段。${hint(p, false)}`,
  },
  'schema.enum': {
    en: (p) => `${code(p.value)} is not an allowed value for ${code(p.field)}.${hint(p)} Allowed: ${list(p.allowed)}.`,
    zh: (p) => `${code(p.value)} 不是 ${code(p.field)} 的可用取值。${hint(p, false)}可用取值：${list(p.allowed, '、')}。`,
  },
  'schema.type': {
    en: (p) => `${code(p.field)} must be ${p.expected}; found ${p.found}.`,
    zh: (p) => `${code(p.field)} 应为${p.expectedZh}，实际是${p.foundZh}。`,
  },
  'schema.date': {
    en: (p) => `${code(p.value)} in ${code(p.field)} is not a valid date. Write dates as YYYY-MM-DD, e.g. 2026-11-20.`,
    zh: (p) => `${code(p.field)} 中的 ${code(p.value)} 不是有效日期。日期格式为 YYYY-MM-DD，例如 2026-11-20。`,
  },
  'schema.range': {
    en: (p) => `${code(p.field)} must be ${p.bound}; found ${p.value}.`,
    zh: (p) => `${code(p.field)} 应${p.boundZh}，实际为 ${p.value}。`,
  },
  'schema.id-pattern': {
    en: (p) => `${code(p.value)} is not a valid id for ${code(p.field)}: use lowercase letters, digits and single hyphens, e.g. ${code(p.example)}.`,
    zh: (p) => `${code(p.value)} 不是有效的 ${code(p.field)} 标识：只能用小写字母、数字和单个连字符，例如 ${code(p.example)}。`,
  },
  'schema.pattern': {
    en: (p) => `${code(p.value)} is not in the expected form for ${code(p.field)}${p.about ? ` (${p.about})` : ''}.`,
    zh: (p) => `${code(p.value)} 不符合 ${code(p.field)} 要求的格式${p.about ? `（${p.about}）` : ''}。`,
  },
  'schema.unique-items': {
    en: (p) => `${code(p.field)} lists ${code(p.value)} twice.`,
    zh: (p) => `${code(p.field)} 中 ${code(p.value)} 重复出现。`,
  },
  'schema.min-items': {
    en: (p) => `${code(p.field)} must list at least ${p.limit} item(s).`,
    zh: (p) => `${code(p.field)} 至少需要 ${p.limit} 项。`,
  },
  'schema.other': {
    en: (p) => `${code(p.field)}: ${p.detail}.`,
    zh: (p) => `${code(p.field)}：${p.detail}。`,
  },
  'cadence.max-below-ideal': {
    en: (p) => `The maximum interval (${p.max} days) is shorter than the ideal one (${p.ideal} days).`,
    zh: (p) => `最长间隔（${p.max} 天）短于理想间隔（${p.ideal} 天）。`,
  },
  'period.end-before-start': {
    en: (p) => `The period ends (${p.end}) before it starts (${p.start}).`,
    zh: (p) => `周期的结束日期（${p.end}）早于开始日期（${p.start}）。`,
  },
  // --- workspace model
  'model.duplicate-id': {
    en: (p) => `Another ${p.kind} already uses the id ${code(p.id)} (${p.other}). Ids must be unique.`,
    zh: (p) => `另一个${p.kindZh}已使用标识 ${code(p.id)}（${p.other}）。标识必须唯一。`,
  },
  'model.unknown-account': {
    en: (p) => `No account with the id ${code(p.id)} exists in this workspace.${hint(p)}`,
    zh: (p) => `工作区中没有标识为 ${code(p.id)} 的客户。${hint(p, false)}`,
  },
  'model.unknown-person': {
    en: (p) => `No person with the id ${code(p.id)} exists${p.account ? ` in account ${code(p.account)}` : ''}.${hint(p)}`,
    zh: (p) => `${p.account ? `客户 ${code(p.account)} 中` : ''}没有标识为 ${code(p.id)} 的人员。${hint(p, false)}`,
  },
  'model.cross-account': {
    en: (p) => `${code(p.id)} belongs to account ${code(p.other)}, not to ${code(p.account)}.`,
    zh: (p) => `${code(p.id)} 属于客户 ${code(p.other)}，而不是 ${code(p.account)}。`,
  },
  'model.reports-to-cycle': {
    en: (p) => `Reporting line loops back: ${p.cycle}. Someone in this chain must report to a person outside it.`,
    zh: (p) => `汇报关系形成了循环：${p.cycle}。链条中至少一人应向链外的人汇报。`,
  },
  'model.self-reference': {
    en: (p) => `${code(p.id)} cannot ${p.field === 'reports_to' ? 'report to' : 'influence'} themselves.`,
    zh: (p) => `${code(p.id)} 不能${p.field === 'reports_to' ? '向自己汇报' : '影响自己'}。`,
  },
  // --- interaction logs
  'log.malformed': {
    en: (p) => `This looks like an interaction entry but could not be read: ${p.problem}. Expected: \`- 2026-11-02 meeting @zhang-wei: what was discussed\`.`,
    zh: (p) => `这一行像是互动记录，但无法解析：${p.problem}。正确格式：\`- 2026-11-02 meeting @zhang-wei: 沟通内容\`。`,
  },
  'log.problem.date': { en: (p) => `${code(p.value)} is not a valid date (YYYY-MM-DD)`, zh: (p) => `${code(p.value)} 不是有效日期（YYYY-MM-DD）` },
  'log.problem.channel': { en: () => 'the channel is missing after the date', zh: () => '日期后缺少互动方式' },
  'log.problem.mention': { en: () => 'no @person is named before the colon', zh: () => '冒号前没有 @人员' },
  'log.problem.colon': { en: () => 'the `:` between the people and the summary is missing', zh: () => '人员与摘要之间缺少冒号 `:`' },
  'log.problem.summary': { en: () => 'the summary after `:` is empty', zh: () => '冒号后的摘要为空' },
  'log.unknown-channel': {
    en: (p) => `${code(p.value)} is not a configured interaction channel.${hint(p)} Allowed: ${list(p.allowed)}.`,
    zh: (p) => `${code(p.value)} 不是已配置的互动方式。${hint(p, false)}可用方式：${list(p.allowed, '、')}。`,
  },
  // --- cadence (explanations are full sentences; the diagnostics reuse them)
  'cadence.who': {
    en: (p) => `${p.name}${p.details ? ` (${p.details})` : ''}`,
    zh: (p) => `${p.name}${p.details ? `（${p.details}）` : ''}`,
  },
  'cadence.source.relationship-plan': { en: () => 'the relationship plan', zh: () => '关系规划' },
  'cadence.source.person': { en: () => 'their own cadence', zh: () => '本人的节奏设置' },
  'cadence.source.config': { en: (p) => `keyplan.yaml (${p.key})`, zh: (p) => `keyplan.yaml（${p.key}）` },
  'cadence.source.built-in': { en: (p) => `the tier-${p.tier} default${p.role ? ` for ${p.role}` : ''}`, zh: (p) => `${p.tier} 类客户${p.role ? ` ${p.role} ` : ''}默认值` },
  'cadence.last': {
    en: (p) => `last met ${p.date} by ${p.channel}, ${p.days} day${p.days === 1 ? '' : 's'} ago`,
    zh: (p) => `最近一次互动 ${p.date}（${Object.hasOwn(CHANNEL_ZH, String(p.channel)) ? CHANNEL_ZH[String(p.channel)] : p.channel}），已 ${p.days} 天`,
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
  'cadence.missed': {
    en: (p) => `${p.who}: an interaction was planned for ${p.next} (${p.n} day${p.n === 1 ? '' : 's'} ago) and none has been logged since${p.owner ? `; owner ${p.owner}` : ''}.`,
    zh: (p) => `${p.who}：原计划 ${p.next} 互动（${p.n} 天前），之后没有任何互动记录${p.owner ? `；负责人 ${p.owner}` : ''}。`,
  },
  'cadence.left': {
    en: (p) => `${p.name} has left the company (status: left) but is still a contact in ${p.plan}. Remove them from the plan or mark who replaces them.`,
    zh: (p) => `${p.name} 已离职（status: left），但仍是 ${p.plan} 中的联系人。请从规划中移除，或注明接替人选。`,
  },
  'cadence.left-state': { en: (p) => `${p.name} has left the company; no cadence applies.`, zh: (p) => `${p.name} 已离职，不再计算互动节奏。` },
  'cadence.unknown': {
    en: (p) => `${p.name}: no cadence can be computed because the account's tier is unknown.`,
    zh: (p) => `${p.name}：客户分级未知，无法计算互动节奏。`,
  },
  'account.dark': {
    en: (p) => (p.date
      ? `Nobody at ${p.account} has been met for ${p.days} days (last: ${p.date} with ${p.people}); an account goes dark after ${p.darkAfter} days without interaction${p.owner ? `. Owner ${p.owner}` : ''}.`
      : `No interaction with anyone at ${p.account} has been logged; an account goes dark after ${p.darkAfter} days without interaction${p.owner ? `. Owner ${p.owner}` : ''}.`),
    zh: (p) => (p.date
      ? `${p.account} 已 ${p.days} 天无人拜访（最近一次：${p.date}，${p.people}）；超过 ${p.darkAfter} 天无互动即视为“失联”${p.owner ? `。负责人 ${p.owner}` : ''}。`
      : `${p.account} 没有任何互动记录；超过 ${p.darkAfter} 天无互动即视为“失联”${p.owner ? `。负责人 ${p.owner}` : ''}。`),
  },
  'log.future': {
    en: (p) => `This interaction is dated ${p.date}, after today (${p.asOf}); it is not counted until that day. Plan future meetings with \`next\` in the relationship plan.`,
    zh: (p) => `这条互动记录的日期 ${p.date} 晚于今天（${p.asOf}），在那天之前不计入。未来的安排请写在关系规划的 \`next\` 中。`,
  },
  // --- methodology rules
  'rule.missing-economic-buyer': {
    en: (p) => `${p.account} (tier ${p.tier}) has no active economic buyer (EB): nobody is recorded as the person who releases the money and can veto. Identify them and add \`EB\` to their \`roles\`.`,
    zh: (p) => `${p.account}（${p.tier} 类）没有在职的经济决策人（EB）：没有记录谁批准预算、拥有否决权。请识别此人，并在其 \`roles\` 中加入 \`EB\`。`,
  },
  'rule.economic-buyer-not-supportive': {
    en: (p) => `The economic buyer ${p.name} is ${p.stance === 'unknown' ? 'of unknown stance' : p.stance} toward us. An EB who is not supportive is a red flag: plan how to win them over.`,
    zh: (p) => `经济决策人 ${p.name} 对我方的态度为${p.stanceZh}。EB 不支持是危险信号：请制定争取策略。`,
  },
  'rule.missing-coach': {
    en: (p) => `${p.account} (tier ${p.tier}) has no Coach: nobody guides us inside the account. Strategic accounts need one.`,
    zh: (p) => `${p.account}（${p.tier} 类）没有教练（Coach）：客户内部无人为我们指路。战略客户必须有教练。`,
  },
  'rule.single-threaded.count': {
    en: (p) => `${p.account} is single-threaded: only ${p.n} active contact${p.n === 1 ? '' : 's'} (at least 3 expected). If that person leaves, the relationship goes with them.`,
    zh: (p) => `${p.account} 是“单线联系”：只有 ${p.n} 位在职联系人（至少应有 3 位）。此人一旦离开，关系随之中断。`,
  },
  'rule.single-threaded.depth': {
    en: (p) => `${p.account} is single-threaded: only ${p.n} of ${p.total} contacts ${p.n === 1 ? 'is' : 'are'} covered more than briefly (coverage multiple or in-depth).`,
    zh: (p) => `${p.account} 是“单线联系”：${p.total} 位联系人中只有 ${p.n} 位达到多次或深度覆盖。`,
  },
  'rule.key-player-uncovered': {
    en: (p) => `${p.name} has influence ${p.influence} of 5 but coverage ${p.coverage}: a key player nobody really knows yet.`,
    zh: (p) => `${p.name} 的影响力为 ${p.influence}/5，但覆盖程度为 ${p.coverage}：这位关键人物我们还不了解。`,
  },
  'rule.stage-target-missing': {
    en: (p) => `No target stage for ${p.name}: say where this relationship must get to (awareness → recognition → purchase → advocacy).`,
    zh: (p) => `没有为 ${p.name} 设定目标阶段：请说明关系要达到哪一步（认知 → 认同 → 认购 → 推荐）。`,
  },
  'rule.stage-target-below': {
    en: (p) => `The target stage ${p.target} for ${p.name} is below the current stage ${p.stage}; a target should move the relationship forward.`,
    zh: (p) => `${p.name} 的目标阶段 ${p.target} 低于当前阶段 ${p.stage}；目标应推动关系向前。`,
  },
  'rule.plan-period-ended': {
    en: (p) => `This ${p.what} ended on ${p.end} (${p.n} day${p.n === 1 ? '' : 's'} ago) and no newer one covers ${p.asOf}. Start the next period's plan.`,
    zh: (p) => `本${p.whatZh}已于 ${p.end} 结束（${p.n} 天前），且没有覆盖 ${p.asOf} 的新规划。请制定下一周期的规划。`,
  },
  'rule.review-overdue': {
    en: (p) => `The plan review was due on ${p.next} (${p.n} day${p.n === 1 ? '' : 's'} ago); review status is ${p.status}.`,
    zh: (p) => `计划评审应于 ${p.next} 进行（已过 ${p.n} 天）；当前评审状态为 ${p.status}。`,
  },
  'rule.objective-overdue': {
    en: (p) => `Objective ${p.id} “${p.title}” was due on ${p.due} (${p.n} day${p.n === 1 ? '' : 's'} ago) and is ${p.status}.`,
    zh: (p) => `目标 ${p.id}“${p.title}”应于 ${p.due} 完成（已过 ${p.n} 天），当前状态为 ${p.status}。`,
  },
  // --- shared outputs (CI formats, pull-request summaries)
  'redacted.sensitive': {
    en: (p) => `Problem in the personal-data field ${code(p.field)}. Its details are not shown in shared output because the field is sensitive; run \`keyplan check\` locally to see them.`,
    zh: (p) => `敏感个人信息字段 ${code(p.field)} 有问题。该字段属于敏感信息，详细内容不在共享输出中显示；请在本地运行 \`keyplan check\` 查看。`,
  },
} satisfies Record<string, Entry>;

export type MessageId = keyof typeof messages;

export function t(locale: Locale, id: MessageId, params: Params = {}): string {
  const entry: Entry = messages[id];
  return locale === 'zh-cn' ? entry.zh(params) : entry.en(params);
}
