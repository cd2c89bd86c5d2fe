/**
 * The help of the `keyplan` command line, in English and Simplified Chinese: what each command
 * does, what each option means and a few examples. src/cli's command table holds the options
 * themselves (names, types, values); this file holds only their words, so `keyplan <command>
 * --help`, `keyplan help <command>`, the shell completion and docs/cli.md say the same thing.
 */
import { localizeText, type Locale, type Text } from './locale.js';

export interface CommandHelp {
  /** The arguments after the command's name (`[paths...]`), as the usage line shows them. */
  args: Text;
  /** One line for the list of commands. */
  summary: Text;
  /** More about the arguments, when the usage line does not say enough. */
  details?: Text;
  /** Option name → its value's placeholder (`<f>`; none for a flag) and what it does. */
  options: Record<string, { arg?: Text; text: Text }>;
  /** Two or three command lines and what each does. */
  examples: { command: string | Text; text: Text }[];
}

const FORCE = { text: { en: 'replace a file Keyplan did not write', zh: '替换并非由 Keyplan 写入的文件' } };
const SVG = { arg: { en: '<file>', zh: '<文件>' }, text: { en: 'write a standalone SVG file (refuses to replace a file Keyplan did not write, unless --force)', zh: '写入独立的 SVG 文件（不会替换并非由 Keyplan 写入的文件，除非加 --force）' } };
const OUT = { arg: { en: '<file>', zh: '<文件>' }, text: { en: 'write to a file instead of stdout (atomically; refuses to replace a file Keyplan did not write, unless --force)', zh: '写入文件而非标准输出（原子写入；不会替换并非由 Keyplan 写入的文件，除非加 --force）' } };
const AT = { arg: { en: '<when>', zh: '<时间>' }, text: { en: 'as it stood then: a date (YYYY-MM-DD: the last commit on or before it, checked at that date), a revision (checked at its commit date) or Nd (N days before --as-of); read from git', zh: '按当时的状态：日期（YYYY-MM-DD：该日或之前的最后一次提交，并以该日为准检查）、版本（以其提交日期为准检查）或 Nd（--as-of 之前 N 天）；从 git 读取' } };

/** The options every command takes. */
export const COMMON_HELP: Record<string, { arg?: Text; short?: string; text: Text }> = {
  'as-of': { arg: { en: '<date>', zh: '<日期>' }, text: { en: 'compute as of this day (YYYY-MM-DD); default: today', zh: '以该日期为准计算（YYYY-MM-DD）；默认：今天' } },
  locale: { arg: { en: '<l>', zh: '<l>' }, text: { en: 'en or zh-cn (default: KEYPLAN_LOCALE, LANG, keyplan.yaml, en)', zh: 'en 或 zh-cn（默认依次取 KEYPLAN_LOCALE、LANG、keyplan.yaml、en）' } },
  'no-color': { text: { en: 'plain output (also NO_COLOR)', zh: '不使用颜色（也可设置 NO_COLOR）' } },
  help: { short: 'h', text: { en: "show the command's help", zh: '显示该命令的帮助' } },
};

export const COMMAND_HELP: Record<string, CommandHelp> = {
  check: {
    args: { en: '[paths...]', zh: '[路径...]' },
    summary: { en: 'Validate Keyplan documents and report findings', zh: '校验 Keyplan 文档并列出问题' },
    details: { en: 'The whole workspace is read so that cross-file rules are right; findings are shown for the given paths.', zh: '始终读取整个工作区，以保证跨文件规则正确；只显示指定路径的问题。' },
    options: {
      format: { arg: { en: '<f>', zh: '<格式>' }, text: { en: 'text (default), json, github (workflow annotations), sarif (SARIF 2.1.0) or junit (JUnit XML)', zh: 'text（默认）、json、github（工作流注解）、sarif（SARIF 2.1.0）或 junit（JUnit XML）' } },
      'changed-since': { arg: { en: '<rev>', zh: '<版本>' }, text: { en: 'check only what changed since this git revision, plus the rest of the accounts it belongs to', zh: '只检查自该 git 版本以来的改动及其所属客户的其余文件' } },
      quiet: { text: { en: 'show errors only', zh: '只显示错误' } },
      'max-warnings': { arg: { en: '<n>', zh: '<n>' }, text: { en: 'exit 1 when there are more than n warnings', zh: '警告超过 n 个时以退出码 1 结束' } },
      'include-sensitive': { text: { en: 'github, sarif and junit: keep the details of findings about sensitive personal fields', zh: 'github、sarif、junit：保留敏感个人字段相关问题的详情' } },
    },
    examples: [
      { command: 'keyplan check', text: { en: 'check the workspace in the current folder', zh: '检查当前文件夹中的工作区' } },
      { command: 'keyplan check accounts/east-china-telecom --quiet', text: { en: 'errors of one account only', zh: '只看一个客户的错误' } },
      { command: 'keyplan check --changed-since origin/main --format github', text: { en: 'annotate a pull request in GitHub Actions', zh: '在 GitHub Actions 中为拉取请求添加注解' } },
    ],
  },
  overdue: {
    args: { en: '[paths...]', zh: '[路径...]' },
    summary: { en: 'Contacts overdue, missed, never met or due soon, most urgent first; then dark accounts', zh: '逾期、计划未完成、从未互动或即将到期的联系人（最紧急的在前），以及失联客户' },
    options: {
      format: { arg: { en: '<f>', zh: '<格式>' }, text: { en: 'text (default), json or markdown', zh: 'text（默认）、json 或 markdown' } },
      owner: { arg: { en: '<id>', zh: '<标识>' }, text: { en: 'only contacts this KAM owns in the plan, or whose account this KAM owns', zh: '只显示该客户经理在规划中负责的联系人，或其负责客户的联系人' } },
      tier: { arg: { en: '<A|B|C>', zh: '<A|B|C>' }, text: { en: 'only accounts of this tier', zh: '只显示该分级的客户' } },
      all: { text: { en: 'include contacts that are ok', zh: '也显示状态正常的联系人' } },
      explain: { text: { en: "print each contact's explanation below the table", zh: '在表格下方逐一说明原因' } },
      'follow-ups': { text: { en: 'only the follow-ups (`Next (YYYY-MM-DD): …` in a log entry) that are due or past due', zh: '只显示到期或已逾期的后续行动（互动记录中的 `Next (YYYY-MM-DD): …`）' } },
    },
    examples: [
      { command: 'keyplan overdue', text: { en: "this week's list", zh: '本周要处理的名单' } },
      { command: 'keyplan overdue --owner li-na --explain', text: { en: 'one KAM\'s contacts, with the reasons', zh: '某位客户经理的联系人及原因' } },
      { command: 'keyplan overdue --follow-ups --format markdown', text: { en: 'the follow-ups due, as Markdown', zh: '以 Markdown 列出到期的后续行动' } },
    ],
  },
  report: {
    args: { en: '[paths...]', zh: '[路径...]' },
    summary: { en: 'Per account: health and its parts, temperatures, quadrants, findings', zh: '按客户列出健康度及其构成、关系温度、象限分布和问题' },
    options: {
      format: { arg: { en: '<f>', zh: '<格式>' }, text: { en: 'text (default), json or markdown', zh: 'text（默认）、json 或 markdown' } },
      inventory: { text: { en: 'the customer-asset inventory instead (the 12 questions, lifetime value, old-customer revenue)', zh: '改为输出客户资产盘点（12 问、客户终身价值、老客户收入）' } },
      by: { arg: { en: '<g>', zh: '<分组>' }, text: { en: 'with --inventory: also per tier or per owner', zh: '与 --inventory 一起使用：另按 tier（分级）或 owner（负责人）分组' } },
    },
    examples: [
      { command: 'keyplan report', text: { en: 'every account in the terminal', zh: '在终端查看所有客户' } },
      { command: 'keyplan report --inventory --by owner', text: { en: 'the customer-asset inventory per owner', zh: '按负责人查看客户资产盘点' } },
      { command: 'keyplan report accounts/yuanhang-auto --format markdown', text: { en: 'one account as Markdown', zh: '以 Markdown 输出一个客户' } },
    ],
  },
  matrix: {
    args: { en: '<account> [paths...]', zh: '<客户> [路径...]' },
    summary: { en: 'The influence–support matrix of one account', zh: '一个客户的支持度-影响力矩阵' },
    options: {
      format: { arg: { en: '<f>', zh: '<格式>' }, text: { en: 'text (default: the quadrants as a list) or svg (to stdout)', zh: 'text（默认：按象限列出）或 svg（输出到标准输出）' } },
      svg: SVG,
      'size-by': { arg: { en: '<s>', zh: '<s>' }, text: { en: 'temperature (default) or coverage', zh: 'temperature（默认，按关系温度）或 coverage（按覆盖度）' } },
      force: FORCE,
      at: AT,
    },
    examples: [
      { command: 'keyplan matrix east-china-telecom', text: { en: 'the quadrants in the terminal', zh: '在终端查看各象限' } },
      { command: 'keyplan matrix east-china-telecom --svg matrix.svg', text: { en: 'a picture for a slide', zh: '生成可放进幻灯片的图片' } },
      { command: 'keyplan matrix east-china-telecom --at 90d', text: { en: 'the matrix as it stood 90 days ago', zh: '查看 90 天前的矩阵' } },
    ],
  },
  map: {
    args: { en: '<account> [paths...]', zh: '<客户> [路径...]' },
    summary: { en: 'The decision-chain map of one account: reporting and influence lines, paths to the decision', zh: '一个客户的决策链地图：汇报与影响关系，以及通往决策的路径' },
    options: {
      format: { arg: { en: '<f>', zh: '<格式>' }, text: { en: 'text (default), json, mermaid (a flowchart for a pull request) or svg (to stdout)', zh: 'text（默认）、json、mermaid（可放进拉取请求的流程图）或 svg（输出到标准输出）' } },
      svg: SVG,
      force: FORCE,
      at: AT,
    },
    examples: [
      { command: 'keyplan map yuanhang-auto', text: { en: 'the reporting tree and the paths', zh: '查看汇报树和决策路径' } },
      { command: 'keyplan map yuanhang-auto --format mermaid', text: { en: 'a flowchart for a pull request', zh: '生成可放进拉取请求的流程图' } },
    ],
  },
  diff: {
    args: { en: '[BASE [HEAD]] [paths...] [-- paths...]', zh: '[BASE [HEAD]] [路径...] [-- 路径...]' },
    summary: { en: 'What changed in the relationship picture between two git revisions', zh: '两个 git 版本之间关系图景的变化' },
    details: { en: 'BASE: default the merge base of HEAD with origin/main (or main); HEAD: default the working tree. Both are read from git, no checkout.', zh: 'BASE 默认为 HEAD 与 origin/main（或 main）的合并基准；HEAD 默认为工作区。两者都直接从 git 读取，无需检出。' },
    options: {
      format: { arg: { en: '<f>', zh: '<格式>' }, text: { en: 'text (default), markdown (a pull-request comment) or json', zh: 'text（默认）、markdown（拉取请求评论）或 json' } },
      'matrix-dir': { arg: { en: '<dir>', zh: '<文件夹>' }, text: { en: "also write each changed account's matrix before and after as SVG into this folder", zh: '同时把每个有变化客户的前后矩阵以 SVG 写入该文件夹' } },
      force: FORCE,
      since: { arg: { en: '<when>', zh: '<时间>' }, text: { en: "BASE is the plan as it stood then: Nd (N days before --as-of, e.g. 90d), a date (YYYY-MM-DD: the last commit before it) or a revision (a tag such as the last QBR's); HEAD stays the working tree", zh: 'BASE 取当时的规划：Nd（--as-of 之前 N 天，例如 90d）、日期（YYYY-MM-DD：该日之前的最后一次提交）或版本（例如上次 QBR 的标签）；HEAD 仍为工作区' } },
      'include-sensitive': { text: { en: 'show changes of sensitive personal fields in full (by default: only "personal notes changed")', zh: '完整显示敏感个人字段的变化（默认只提示“个人备注已修改”）' } },
    },
    examples: [
      { command: 'keyplan diff', text: { en: 'your changes against main', zh: '查看相对 main 的改动' } },
      { command: 'keyplan diff main plan-update-w47 --format markdown', text: { en: 'a pull-request comment', zh: '生成拉取请求评论' } },
      { command: 'keyplan diff --since 90d', text: { en: 'what changed in the last 90 days', zh: '查看最近 90 天的变化' } },
    ],
  },
  history: {
    args: { en: '<account> [workspace]', zh: '<客户> [工作区]' },
    summary: { en: "How an account's relationships moved over its git history: each change with its commit, each person's stance trajectory", zh: '客户关系在 git 历史中的变化：每项变化及其提交，以及每个人的立场轨迹' },
    options: {
      person: { arg: { en: '<id>', zh: '<标识>' }, text: { en: "only this person's changes and trajectory", zh: '只显示此人的变化和轨迹' } },
      since: { arg: { en: '<when>', zh: '<时间>' }, text: { en: 'start here: a date (YYYY-MM-DD), a revision (tag, branch, commit) or Nd (N days before --as-of, e.g. 90d); default: the first commit', zh: '起点：日期（YYYY-MM-DD）、版本（标签、分支、提交）或 Nd（--as-of 之前 N 天，例如 90d）；默认：第一次提交' } },
      until: { arg: { en: '<when>', zh: '<时间>' }, text: { en: 'end here: a date or a revision; default HEAD (commits only, not the working tree)', zh: '终点：日期或版本；默认 HEAD（只看提交，不含工作区）' } },
      derived: { text: { en: "also list what each commit's date changed: temperatures, cadence states and health as of that day (json always has them, marked)", zh: '同时列出每次提交日期带来的变化：当天的关系温度、互动节奏状态和健康度（json 始终包含并加以标注）' } },
      format: { arg: { en: '<f>', zh: '<格式>' }, text: { en: 'text (default), markdown or json', zh: 'text（默认）、markdown 或 json' } },
    },
    examples: [
      { command: 'keyplan history east-china-telecom', text: { en: "the account's whole history", zh: '查看该客户的全部历史' } },
      { command: 'keyplan history east-china-telecom --person zhang-wei --since 90d', text: { en: "one person's last 90 days", zh: '查看某人最近 90 天的变化' } },
    ],
  },
  export: {
    args: { en: '[account] [paths...]', zh: '[客户] [路径...]' },
    summary: { en: 'A shareable account brief; sensitive personal notes left out', zh: '可分享的客户简报；不含敏感个人信息' },
    options: {
      format: { arg: { en: '<f>', zh: '<格式>' }, text: { en: 'markdown (default) or json', zh: 'markdown（默认）或 json' } },
      redact: { text: { en: 'leave sensitive personal notes out (the default)', zh: '略去敏感个人信息（默认）' } },
      'include-sensitive': { text: { en: 'include them (for the account team only)', zh: '包含敏感个人信息（仅限客户团队内部）' } },
      out: OUT,
      force: FORCE,
    },
    examples: [
      { command: 'keyplan export east-china-telecom', text: { en: 'one account as Markdown', zh: '以 Markdown 导出一个客户' } },
      { command: 'keyplan export --format json --out briefs.json', text: { en: 'every account to a file', zh: '把所有客户导出到文件' } },
    ],
  },
  import: {
    args: { en: '<file.ics> [workspace]', zh: '<文件.ics> [工作区]' },
    summary: { en: 'Meetings from a calendar file (.ics) as interaction-log entries', zh: '把日历文件（.ics）中的会议导入为互动记录' },
    options: {
      'dry-run': { text: { en: 'print what would be added; write nothing', zh: '只显示将要添加的内容，不写入' } },
      since: { arg: { en: '<date>', zh: '<日期>' }, text: { en: 'leave out meetings before this day (YYYY-MM-DD)', zh: '忽略该日期（YYYY-MM-DD）之前的会议' } },
      format: { arg: { en: '<f>', zh: '<格式>' }, text: { en: 'text (default) or json', zh: 'text（默认）或 json' } },
    },
    examples: [
      { command: 'keyplan import calendar.ics --dry-run', text: { en: 'see what would be logged', zh: '先看看会记录哪些会议' } },
      { command: 'keyplan import calendar.ics --since 2026-11-01', text: { en: "log this month's meetings", zh: '记录本月的会议' } },
    ],
  },
  log: {
    args: { en: '<person> [workspace] "summary"', zh: '<人员> [工作区] "摘要"' },
    summary: { en: "Log an interaction: appends one entry to the account's log for that year", zh: '记录一次互动：在该客户当年的互动记录中追加一条' },
    details: { en: '<person> is a person id, or a name as written in their portrait.', zh: '<person> 为人员标识，或个人画像中的姓名。' },
    options: {
      channel: { arg: { en: '<c>', zh: '<方式>' }, text: { en: "`visit`, `meeting`, `call`, `wechat`… or an alias of keyplan.yaml's channel_aliases; default: the person's first preferred channel, else `meeting`", zh: '`visit`、`meeting`、`call`、`wechat`… 或 keyplan.yaml 中 channel_aliases 定义的别名（如 `拜访`）；默认取此人的首选互动方式，否则为 `meeting`' } },
      date: { arg: { en: '<date>', zh: '<日期>' }, text: { en: 'the day it happened (YYYY-MM-DD, not after today); default: today', zh: '发生日期（YYYY-MM-DD，不晚于今天）；默认：今天' } },
      with: { arg: { en: '<p2,p3>', zh: '<p2,p3>' }, text: { en: 'others who took part, of the same account (ids or names)', zh: '同一客户的其他参与者（标识或姓名）' } },
      next: { arg: { en: '<text>', zh: '<文本>' }, text: { en: 'the next step, written as "Next: …" (a follow-up; see keyplan overdue)', zh: '后续行动，写作 "Next: …"（参见 keyplan overdue）' } },
      due: { arg: { en: '<date>', zh: '<日期>' }, text: { en: 'the next step\'s due date: "Next (YYYY-MM-DD): …"', zh: '后续行动的截止日期："Next (YYYY-MM-DD): …"' } },
    },
    examples: [
      { command: { en: 'keyplan log zhang-wei "Reviewed the bid scoring"', zh: 'keyplan log zhang-wei "技术标预审"' }, text: { en: 'a meeting with one person, today', zh: '记录今天与某人的会议' } },
      { command: { en: 'keyplan log zhang-wei "Confirmed the quote" --channel call --next "Send the revised quote" --due 2026-12-05', zh: 'keyplan log 张伟 "电话确认报价" --channel call --next "提交修订报价" --due 2026-12-05' }, text: { en: 'a call, with a follow-up', zh: '按姓名记录一次电话，并附带后续行动' } },
    ],
  },
  brief: {
    args: { en: '<person> [workspace]', zh: '<人员> [工作区]' },
    summary: { en: "Prepare for a meeting: the person's place in the decision chain, plan, cadence, follow-ups", zh: '会前准备：此人在决策链中的位置、关系规划、互动节奏和待办后续行动' },
    options: {
      format: { arg: { en: '<f>', zh: '<格式>' }, text: { en: 'markdown (default) or json', zh: 'markdown（默认）或 json' } },
      share: { text: { en: 'leave the personal notes out, for a brief to pass on', zh: '略去个人信息，生成可转发的简报' } },
      out: OUT,
      force: FORCE,
    },
    examples: [
      { command: 'keyplan brief zhang-wei', text: { en: 'your own preparation (personal notes included, marked private)', zh: '自己准备用（包含个人信息，标为私密）' } },
      { command: 'keyplan brief zhang-wei --share --out brief.md', text: { en: 'a version to pass on', zh: '生成可转发的版本' } },
    ],
  },
  completion: {
    args: { en: '<bash|zsh|fish>', zh: '<bash|zsh|fish>' },
    summary: { en: 'Print a shell completion script', zh: '输出命令行（shell）自动补全脚本' },
    options: {},
    examples: [
      { command: 'keyplan completion bash > ~/.local/share/bash-completion/completions/keyplan', text: { en: 'bash', zh: 'bash' } },
      { command: 'keyplan completion zsh > "${fpath[1]}/_keyplan"', text: { en: 'zsh', zh: 'zsh' } },
      { command: 'keyplan completion fish > ~/.config/fish/completions/keyplan.fish', text: { en: 'fish', zh: 'fish' } },
    ],
  },
  help: {
    args: { en: '[command]', zh: '[命令]' },
    summary: { en: "Show the help, or a command's help", zh: '显示帮助，或某个命令的帮助' },
    options: {},
    examples: [{ command: 'keyplan help overdue', text: { en: "overdue's options and examples", zh: 'overdue 的选项和示例' } }],
  },
};

/** The fixed words of the help. */
export const HELP_WORDS = {
  usage: { en: 'Usage: ', zh: '用法：' },
  commands: { en: 'Commands:', zh: '命令：' },
  options: { en: 'Options:', zh: '选项：' },
  common: { en: 'Options of every command:', zh: '所有命令通用的选项：' },
  examples: { en: 'Examples:', zh: '示例：' },
  version: { en: 'show the version', zh: '显示版本号' },
  more: { en: "Run 'keyplan help <command>' or 'keyplan <command> --help' for its options and examples.", zh: "运行 'keyplan help <命令>' 或 'keyplan <命令> --help' 查看该命令的选项和示例。" },
  exit: { en: 'Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O error.', zh: '退出码：0 没有错误，1 有错误（或警告过多），2 用法错误或读写错误。' },
  command: { en: '<command>', zh: '<命令>' },
  paths: { en: '[paths...] [options]', zh: '[路径...] [选项]' },
  optionsArg: { en: '[options]', zh: '[选项]' },
  value: { en: '<value>', zh: '<值>' },
} satisfies Record<string, Text>;

export function helpWord(id: keyof typeof HELP_WORDS, locale: Locale): string {
  return localizeText(HELP_WORDS[id], locale);
}

export function helpText(text: Text, locale: Locale): string {
  return localizeText(text, locale);
}
