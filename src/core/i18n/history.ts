/**
 * The words of `keyplan history`: section titles, field names and the sentences of a timeline. The
 * values themselves (stances, coverage, stages, health bands…) are the diff's words (diff.ts).
 * Parameters are neutral: names, values and subjects already rendered (and escaped) for the output.
 */
import type { Message, Text } from './locale.js';

export const HISTORY_PHRASES = {
  title: { en: 'History of', zh: '关系演变' },
  noChanges: { en: 'No changes to this account in this period.', zh: '这段时间该客户没有变化。' },
  noAccount: { en: 'The account did not exist in this period.', zh: '这段时间该客户尚不存在。' },
  timeline: { en: 'Timeline', zh: '时间线' },
  trajectories: { en: 'Stance trajectories', zh: '立场轨迹' },
  key: { en: 'key player', zh: '关键人物' },
  left: { en: 'left', zh: '已离职' },
  date: { en: 'Date', zh: '日期' },
  change: { en: 'Change', zh: '变化' },
  by: { en: 'By', zh: '提交人' },
  why: { en: 'Commit', zh: '提交说明' },
  person: { en: 'Person', zh: '人员' },
  trajectory: { en: 'Trajectory', zh: '轨迹' },
  account: { en: 'account', zh: '客户' },
  none: { en: '(none)', zh: '（无）' },
} satisfies Record<string, Text>;

export type HistoryPhrase = keyof typeof HISTORY_PHRASES;

/** What each changed field is called in a timeline. */
export const HISTORY_FIELDS: Record<string, Text> = {
  name: { en: 'name', zh: '名称' }, title: { en: 'title', zh: '职务' }, account: { en: 'account', zh: '所属客户' },
  stance: { en: 'stance', zh: '立场' }, influence: { en: 'influence', zh: '影响力' }, coverage: { en: 'coverage', zh: '覆盖' },
  roles: { en: 'roles', zh: '角色' }, status: { en: 'status', zh: '状态' }, stage: { en: 'stage', zh: '关系阶段' },
  'target-stage': { en: 'target stage', zh: '目标阶段' }, temperature: { en: 'temperature', zh: '关系温度' }, cadence: { en: 'cadence', zh: '拜访节奏' },
  tier: { en: 'tier', zh: '分级' }, owner: { en: 'owner', zh: '负责人' }, lifecycle: { en: 'lifecycle', zh: '发展阶段' },
  'relationship-level': { en: 'relationship level', zh: '关系境界' }, review: { en: 'review status', zh: '评审状态' },
  health: { en: 'health', zh: '健康度' }, 'health.relationship': { en: 'health (relationship)', zh: '健康度（关系）' },
  'health.experience': { en: 'health (experience)', zh: '健康度（体验）' }, 'health.business': { en: 'health (business)', zh: '健康度（业务）' },
};

/** Words for values the diff's vocabulary does not name (temperature bands). */
export const HISTORY_VALUES: Record<string, Text> = {
  cold: { en: 'cold', zh: '冷淡' }, cooling: { en: 'cooling', zh: '降温' }, warm: { en: 'warm', zh: '温暖' }, hot: { en: 'hot', zh: '火热' },
};

export const HISTORY_MESSAGES = {
  header: { en: (p) => `History of ${p.name} (${p.id}): ${p.from} → ${p.to}`, zh: (p) => `${p.name}（${p.id}）的关系演变：${p.from} → ${p.to}` },
  counts: { en: (p) => `${p.changes} change${p.changes === 1 ? '' : 's'} in ${p.revisions} revision${p.revisions === 1 ? '' : 's'}`, zh: (p) => `${p.revisions} 次提交中共 ${p.changes} 处变化` },
  'person.added': { en: (p) => `${p.name} added (${p.stance})`, zh: (p) => `新增 ${p.name}（${p.stance}）` },
  'person.removed': { en: (p) => `${p.name} removed`, zh: (p) => `移除 ${p.name}` },
  'person.left': { en: (p) => `${p.name} left the company`, zh: (p) => `${p.name} 已离职` },
  'person.returned': { en: (p) => `${p.name} is active again`, zh: (p) => `${p.name} 重新在职` },
  'person.stance': { en: (p) => `${p.name} ${p.from} → ${p.to}`, zh: (p) => `${p.name} ${p.from} → ${p.to}` },
  'person.field': { en: (p) => `${p.name} ${p.field} ${p.from} → ${p.to}`, zh: (p) => `${p.name} ${p.field} ${p.from} → ${p.to}` },
  'person.roles': { en: (p) => `${p.name} roles ${p.roles}`, zh: (p) => `${p.name} 角色 ${p.roles}` },
  'person.notes': { en: (p) => `${p.name}: personal notes changed`, zh: (p) => `${p.name}：个人备注已更新` },
  'account.added': { en: (p) => `account ${p.name} created${p.tier ? ` (tier ${p.tier})` : ''}`, zh: (p) => `新建客户 ${p.name}${p.tier ? `（${p.tier} 类）` : ''}` },
  'account.removed': { en: (p) => `account ${p.name} removed`, zh: (p) => `删除客户 ${p.name}` },
  'account.field': { en: (p) => `${p.field} ${p.from} → ${p.to}`, zh: (p) => `${p.field} ${p.from} → ${p.to}` },
  'objective.added': { en: (p) => `objective “${p.title}” added (${p.to})`, zh: (p) => `新增目标“${p.title}”（${p.to}）` },
  'objective.removed': { en: (p) => `objective “${p.title}” removed`, zh: (p) => `移除目标“${p.title}”` },
  'objective.changed': { en: (p) => `objective “${p.title}” ${p.from} → ${p.to}`, zh: (p) => `目标“${p.title}” ${p.from} → ${p.to}` },
  by: { en: (p) => `${p.author}: ${p.subject}`, zh: (p) => `${p.author}：${p.subject}` },
} satisfies Record<string, Message>;

export type HistoryMessageId = keyof typeof HISTORY_MESSAGES;

/**
 * The editor's History view (follows the active editor: a person's changes, or an account's changes
 * and its key players' stance trajectories). Parameters are plain text; the view escapes them for
 * Markdown where a tooltip renders it.
 */
export const HISTORY_VIEW_MESSAGES = {
  'view.pick': {
    en: () => "Open a person's or an account's file to see how it changed, commit by commit.",
    zh: () => '打开某个人员或客户的文件，即可按提交查看其变化。',
  },
  'view.loading': { en: () => 'Reading the history from git…', zh: () => '正在从 git 读取历史…' },
  'view.untrusted': {
    en: () => 'The history comes from git, which Keyplan does not run in Restricted Mode. Trust this workspace to see it.',
    zh: () => '历史来自 git，而 Keyplan 在受限模式下不运行 git。信任此工作区后即可查看。',
  },
  'view.no-repo': {
    en: () => 'This workspace is not in a git repository, so there is no history to show: Keyplan reads each change from its commits. Commit the plans to git to start one.',
    zh: () => '此工作区不在 git 仓库中，因此没有可显示的历史：Keyplan 从提交中读取每项变化。将规划文件提交到 git 即可开始记录。',
  },
  'view.no-commit': {
    en: () => 'The git repository has no commit yet: the history starts with the first commit.',
    zh: () => '该 git 仓库还没有任何提交：历史从第一次提交开始。',
  },
  'view.no-git': {
    en: () => 'git is not installed or not on PATH: the history is read from git.',
    zh: () => '未安装 git，或 git 不在 PATH 中：历史需要从 git 读取。',
  },
  'view.failed': { en: (p) => `git could not read the history: ${p.message}`, zh: (p) => `git 无法读取历史：${p.message}` },
  'view.no-changes': {
    en: (p) => `No commit has changed ${p.name} yet (uncommitted edits are not history).`,
    zh: (p) => `还没有任何提交改动过 ${p.name}（未提交的修改不算历史）。`,
  },
  'view.truncated': {
    en: (p) => `The last ${p.n} commits that changed this account; keyplan history ${p.account} shows them all.`,
    zh: (p) => `仅显示改动该客户的最近 ${p.n} 次提交；keyplan history ${p.account} 可显示全部。`,
  },
  'view.changes': { en: () => 'Changes', zh: () => '变化' },
  'view.trajectories': { en: () => 'Stance trajectories of the key players', zh: () => '关键人物的立场轨迹' },
  'view.commit': { en: (p) => `Commit ${p.sha} · ${p.date} · ${p.author}`, zh: (p) => `提交 ${p.sha} · ${p.date} · ${p.author}` },
  'view.start': {
    en: () => 'The starting point: the history read begins at this commit.',
    zh: () => '起点：读取的历史从这次提交开始。',
  },
  'view.diff-title': { en: (p) => `${p.file} (${p.from} ↔ ${p.to})`, zh: (p) => `${p.file}（${p.from} ↔ ${p.to}）` },
  'view.file-at': { en: (p) => `${p.file} at ${p.sha}`, zh: (p) => `${p.file}（提交 ${p.sha}）` },
  'view.open-hint': {
    en: () => 'Click to compare the file before and after this commit.',
    zh: () => '单击可对比此提交前后的文件。',
  },
  'view.no-file': { en: () => 'No file of this commit to show.', zh: () => '此提交没有可显示的文件。' },
} satisfies Record<string, Message>;

export type HistoryViewMessageId = keyof typeof HISTORY_VIEW_MESSAGES;
