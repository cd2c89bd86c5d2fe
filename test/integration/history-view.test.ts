/**
 * The History view in the real editor: outside a git repository it says so (no false empty list,
 * no error); in Restricted Mode it runs no git and says why it is empty; in a git repository (made
 * here, with pinned commit dates) a person's file shows that person's changes newest first (a
 * stance move, a rename that keeps the person, personal notes only as "personal notes changed"),
 * an account's file shows the account's changes and its key players' trajectories, a change opens
 * the file before and after its commit, and commit text is plain text in tooltips.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { accountHistory } from '../../src/core/history/history.js';
import { HISTORY_VIEW_MESSAGES } from '../../src/core/i18n/history.js';
import { localize } from '../../src/core/i18n/locale.js';
import { GIT_SCHEME, GitFileProvider, HistoryTree, type HistoryNode } from '../../src/extension/views/history-tree.js';
import { findRepo, workspaceRepo } from '../../src/git/git.js';
import { readHistory, untilPoint } from '../../src/git/history.js';
import { gitIn, keyplan, revertAndCloseAll, sampleUri, workspaceFolder } from './helpers.js';

const ACCOUNT = 'east-china-telecom';
const WANG = 'accounts/east-china-telecom/people/wang-fang.md';
const MOVED = 'accounts/east-china-telecom/people/procurement/wang-fang.md';
const HOSTILE = 'After the pricing call: *she* doubts us <img src=x onerror=alert(1)> [click](command:workbench.action.terminal.new)';

const git = (cwd: string, args: string[], date?: string) => gitIn(cwd, args, { date, author: 'Li Qiang <li@example.com>' });

async function tree(): Promise<HistoryTree> {
  const api = await keyplan();
  assert.ok(api.history, 'the History view is registered');
  return api.history;
}

/** Opens a file of the workspace and waits until the view has read its history. */
async function show(file: string): Promise<HistoryTree> {
  const t = await tree();
  // The view reads git only while it is visible.
  await vscode.commands.executeCommand('keyplan.history.focus');
  await vscode.window.showTextDocument(sampleUri(file));
  await (await keyplan()).whenIdle();
  await t.refresh();
  await t.idle();
  return t;
}

function rows(t: HistoryTree, nodes: HistoryNode[] = t.getChildren()): string[] {
  return nodes.map((n) => {
    const item = t.getTreeItem(n);
    return `${String(item.label)}${item.description ? ` | ${String(item.description)}` : ''}`;
  });
}

const say = (id: keyof typeof HISTORY_VIEW_MESSAGES, params = {}) => localize(HISTORY_VIEW_MESSAGES[id], 'en', params);

describe('History view', () => {
  const root = () => workspaceFolder().uri.fsPath;
  before(async () => {
    await keyplan();
  });
  afterEach(async () => {
    await revertAndCloseAll();
  });
  after(() => {
    // The other tests see the workspace as it was: no repository.
    fs.rmSync(path.join(root(), '.git'), { recursive: true, force: true });
  });

  it('outside a git repository: says so, with no items and no error', async () => {
    assert.notEqual(spawnSync('git', ['rev-parse', '--git-dir'], { cwd: root() }).status, 0, 'the workspace copy is not in a git repository');
    const t = await show(WANG);
    assert.equal(t.shown.person, 'wang-fang');
    assert.equal(t.shown.state, 'no-repo');
    assert.equal(t.shown.message, say('view.no-repo'));
    assert.deepEqual(t.getChildren(), []);
  });

  it('in Restricted Mode: runs no git, says why it is empty, and shows no file at a commit', async () => {
    const api = await keyplan();
    git(root(), ['init', '-q']);
    try {
      git(root(), ['add', '-A']);
      git(root(), ['commit', '-q', '-m', 'plans'], '2026-01-10');
      const untrusted = new HistoryTree(api.index!, { trusted: () => false });
      assert.equal(untrusted.follow(sampleUri(WANG)), true);
      await untrusted.refresh();
      assert.equal(untrusted.shown.state, 'untrusted');
      assert.equal(untrusted.shown.message, say('view.untrusted'));
      assert.deepEqual(untrusted.getChildren(), []);
      const head = git(root(), ['rev-parse', 'HEAD']).trim();
      const uri = vscode.Uri.from({ scheme: GIT_SCHEME, path: `/${WANG}`, query: JSON.stringify({ commit: head, file: WANG }) });
      assert.equal(await new GitFileProvider(root(), () => false).provideTextDocumentContent(uri), '');
      // Trusted, the same provider reads the file as committed.
      assert.match(await new GitFileProvider(root(), () => true).provideTextDocumentContent(uri), /stance: neutral/);
      untrusted.dispose();
    } finally {
      fs.rmSync(path.join(root(), '.git'), { recursive: true, force: true });
    }
  });

  it('in a git repository: a person\'s changes newest first (stance moves, a rename, personal notes only as such), an account\'s changes and trajectories, a change opens its diff', async () => {
    const dir = root();
    const file = path.join(dir, WANG);
    const moved = path.join(dir, MOVED);
    const original = fs.readFileSync(file, 'utf8');
    assert.match(original, /stance: neutral/);
    assert.match(original, /influence: 3/);
    assert.match(original, /报价透明，避免事后追加/);
    git(dir, ['init', '-q']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'plans as they were'], '2026-01-10');
    const commit = (date: string, message: string) => {
      git(dir, ['add', '-A', '--', 'accounts/east-china-telecom/people']);
      git(dir, ['commit', '-q', '-m', message], date);
    };
    fs.writeFileSync(file, original.replace('stance: neutral', 'stance: skeptic'));
    commit('2026-03-02', `wang fang cooled\n\n${HOSTILE}`);
    fs.mkdirSync(path.dirname(moved), { recursive: true });
    git(dir, ['mv', WANG, MOVED]);
    commit('2026-04-15', 'procurement people in a folder of their own');
    fs.writeFileSync(moved, original.replace('stance: neutral', 'stance: supporter').replace('influence: 3', 'influence: 4'));
    commit('2026-06-01', 'won over at the QBR');
    const secret = 'wants a transfer to headquarters';
    fs.writeFileSync(moved, original.replace('stance: neutral', 'stance: supporter').replace('influence: 3', 'influence: 4').replace('报价透明，避免事后追加', secret));
    commit('2026-08-03', 'notes after dinner');
    git(dir, ['mv', MOVED, WANG]);
    fs.writeFileSync(file, original);
    commit('2026-09-01', 'back as it was');
    assert.equal(fs.readFileSync(file, 'utf8'), original, 'the working copy is the samples\' again');
    assert.equal(fs.existsSync(moved), false);

    const t = await show(WANG);
    assert.equal(t.shown.state, 'read');
    assert.equal(t.shown.description, '王芳');
    assert.equal(t.shown.message, undefined, 'items, no message');
    const by = (subject: string) => `Li Qiang: ${subject}`;
    assert.deepEqual(rows(t), [
      `2026-09-01 · 王芳 supporter → neutral ▼ | ${by('back as it was')}`,
      `2026-09-01 · 王芳 influence 4 → 3 ▼ | ${by('back as it was')}`,
      `2026-09-01 · 王芳: personal notes changed | ${by('back as it was')}`,
      `2026-08-03 · 王芳: personal notes changed | ${by('notes after dinner')}`,
      `2026-06-01 · 王芳 skeptic → supporter ▲ | ${by('won over at the QBR')}`,
      `2026-06-01 · 王芳 influence 3 → 4 ▲ | ${by('won over at the QBR')}`,
      `2026-03-02 · 王芳 neutral → skeptic ▼ | ${by('wang fang cooled')}`,
      `2026-01-10 · 王芳 added (neutral) | ${by('plans as they were')}`,
    ]);
    // The same changes the core's history gives for the person, read from the same repository.
    const repo = findRepo(dir)!;
    const core = accountHistory(readHistory(workspaceRepo(repo, dir), untilPoint(repo, undefined, '2026-11-20')), { account: ACCOUNT, person: 'wang-fang' });
    assert.equal(core.changes.filter((c) => !c.derived).length, 8);
    // Personal notes: never their text, anywhere in the view.
    const nodes = t.getChildren();
    for (const n of nodes) {
      const item = await t.resolveTreeItem(t.getTreeItem(n), n);
      const text = `${String(item.label)} ${String(item.description)} ${(item.tooltip as vscode.MarkdownString).value}`;
      assert.equal(text.includes(secret), false, 'the notes\' text is not shown');
      assert.equal(text.includes('集采流程'), false);
    }

    // The tooltip: the whole commit message, plain text (no HTML, no link, no command).
    const cooled = nodes[6];
    const tip = (await t.resolveTreeItem(t.getTreeItem(cooled), cooled)).tooltip as vscode.MarkdownString;
    assert.match(tip.value, /After the pricing call/);
    assert.match(tip.value, /Commit [0-9a-f]{7} · 2026-03-02 · Li Qiang/);
    assert.doesNotMatch(tip.value, /(?<!\\)<img/);
    assert.doesNotMatch(tip.value, /(?<!\\)\]\(command:/);
    assert.doesNotMatch(tip.value, /(?<!\\)\*she/);
    assert.ok(!tip.isTrusted && !tip.supportHtml, 'an untrusted tooltip');

    // A change opens the file before and after its commit, read-only; the file followed through its rename.
    assert.equal(t.getTreeItem(cooled).command?.command, 'keyplan.history.showChange');
    const won = nodes[4];
    assert.ok(won.type === 'change' && won.file);
    assert.equal(won.file.path, MOVED, 'the file as it was named at that commit');
    assert.equal(won.file.parent, MOVED);
    await vscode.commands.executeCommand('keyplan.history.showChange', won);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(tab instanceof vscode.TabInputTextDiff, 'a diff editor');
    assert.equal(tab.original.scheme, GIT_SCHEME);
    const before = await vscode.workspace.openTextDocument(tab.original);
    const after = await vscode.workspace.openTextDocument(tab.modified);
    assert.match(before.getText(), /stance: skeptic/);
    assert.match(after.getText(), /stance: supporter/);
    assert.match(after.getText(), /influence: 4/);
    // The diff is not a Keyplan file: the view keeps showing the person.
    assert.equal(t.shown.person, 'wang-fang');
    const renamedHere = nodes.find((n) => n.type === 'change' && n.revision.subject === 'back as it was')!;
    assert.ok(renamedHere.type === 'change' && renamedHere.file);
    assert.deepEqual([renamedHere.file.parent, renamedHere.file.path], [MOVED, WANG], 'a rename: before under its old name');

    // The account: its changes (the person's among them) and its key players' trajectories.
    const a = await show('accounts/east-china-telecom/account.md');
    assert.equal(a.shown.account, ACCOUNT);
    assert.equal(a.shown.person, undefined);
    const [changes, trajectories] = a.getChildren();
    assert.equal(changes.type, 'group');
    const changeRows = rows(a, a.getChildren(changes));
    assert.equal(changeRows[0], `2026-09-01 · 王芳 supporter → neutral ▼ | ${by('back as it was')}`);
    assert.ok(changeRows.includes(`2026-03-02 · 王芳 neutral → skeptic ▼ | ${by('wang fang cooled')}`));
    assert.ok(changeRows.some((r) => r.startsWith('2026-01-10 · account ')), 'the account created at the first commit');
    const full = accountHistory(readHistory(workspaceRepo(repo, dir), untilPoint(repo, undefined, '2026-11-20')), { account: ACCOUNT });
    assert.equal(changeRows.length, full.changes.filter((c) => !c.derived).length);
    assert.ok(trajectories && trajectories.type === 'group', 'a group of trajectories');
    const keyPlayers = full.trajectories.filter((t) => t.keyPlayer).map((t) => t.name);
    assert.ok(keyPlayers.length > 0, 'the samples have key players');
    assert.deepEqual(a.getChildren(trajectories).map((n) => String(a.getTreeItem(n).label)), keyPlayers);
  });
});
