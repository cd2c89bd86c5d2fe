/**
 * The matrix's history trails in the real editor: without git no trail and no error; in a git
 * repository (made here, with pinned commit dates) a person whose stance moved across commits has
 * the trail the core's history gives, the panel's toggle hides and shows it, and the date slider
 * shows the matrix as it stood at each commit that changed the account (read-only).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { accountHistory } from '../../src/core/history/history.js';
import { position } from '../../src/core/model/placement.js';
import { trailOf } from '../../src/core/matrix/model.js';
import { findRepo, workspaceRepo } from '../../src/git/git.js';
import { readHistory, untilPoint } from '../../src/git/history.js';
import { gitIn, keyplan, revertAndCloseAll, workspaceFolder } from './helpers.js';

const ACCOUNT = 'east-china-telecom';
const WANG_FANG = 'accounts/east-china-telecom/people/wang-fang.md';

const git = (cwd: string, args: string[], date?: string) => gitIn(cwd, args, { date });

async function openMatrix() {
  await vscode.commands.executeCommand('keyplan.openMatrix', ACCOUNT);
  const api = await keyplan();
  const panel = api.matrix(ACCOUNT)!;
  assert.ok(panel, 'a matrix panel for the account');
  await panel.modelSent;
  // Wait for git (the panel starts reading it when it opens; this reads again, from the same HEAD).
  await panel.loadPrevious();
  return { api, panel };
}

describe('Matrix history trails', () => {
  const root = () => workspaceFolder().uri.fsPath;
  before(async () => {
    await keyplan();
  });
  afterEach(async () => {
    (await keyplan()).matrix(ACCOUNT)?.panel.dispose();
    await revertAndCloseAll();
  });
  after(() => {
    // The other tests see the workspace as it was: no repository.
    fs.rmSync(path.join(root(), '.git'), { recursive: true, force: true });
  });

  it('outside a git repository: no trail, no toggle, no date slider, no error', async () => {
    assert.equal(spawnSync('git', ['rev-parse', '--git-dir'], { cwd: root() }).status !== 0, true, 'the workspace copy is not in a git repository');
    const { panel } = await openMatrix();
    const message = panel.lastMessage!;
    assert.equal(message.model.people.length > 0, true);
    assert.deepEqual(message.model.people.filter((p) => p.trail), []);
    assert.equal(message.trail, undefined, 'no toggle without history');
    assert.equal(message.timeline, undefined, 'no date slider without history');
  });

  it('in a git repository: the trail of a person whose stance moved is the core history\'s, the toggle hides and shows it, and the date slider redraws the matrix at a past commit, read-only', async () => {
    const dir = root();
    const file = path.join(dir, WANG_FANG);
    const original = fs.readFileSync(file, 'utf8');
    assert.match(original, /stance: neutral/);
    assert.match(original, /influence: 3/);
    git(dir, ['init', '-q']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'plans as they were'], '2026-01-10');
    const step = (text: string, date: string, subject: string) => {
      fs.writeFileSync(file, text);
      git(dir, ['add', '--', WANG_FANG]);
      git(dir, ['commit', '-q', '-m', subject], date);
    };
    step(original.replace('stance: neutral', 'stance: skeptic'), '2026-03-02', 'wang fang cooled');
    step(original.replace('stance: neutral', 'stance: supporter').replace('influence: 3', 'influence: 4'), '2026-06-01', 'wang fang won over');
    step(original, '2026-09-01', 'back to neutral');
    assert.equal(fs.readFileSync(file, 'utf8'), original, 'the working copy is the samples\' again');

    const { api, panel } = await openMatrix();
    const wang = () => panel.lastMessage!.model.people.find((p) => p.id === 'wang-fang')!;
    assert.deepEqual(wang().position, { x: 0, y: 3 });
    // What the core's history says, read from the same repository.
    const repo = findRepo(dir)!;
    const history = accountHistory(readHistory(workspaceRepo(repo, dir), untilPoint(repo, undefined, '2026-11-20')), { account: ACCOUNT });
    const trajectory = history.trajectories.find((t) => t.id === 'wang-fang')!;
    assert.deepEqual(trajectory.points.map((p) => [p.date, p.stance, p.influence]), [
      ['2026-01-10', 'neutral', 3], ['2026-03-02', 'skeptic', 3], ['2026-06-01', 'supporter', 4], ['2026-09-01', 'neutral', 3],
    ]);
    assert.deepEqual(wang().trail, trailOf(trajectory.points, position('neutral', 3)));
    assert.deepEqual(wang().trail, [
      { position: { x: 0, y: 3 }, date: '2026-01-10' }, { position: { x: -1, y: 3 }, date: '2026-03-02' }, { position: { x: 1, y: 4 }, date: '2026-06-01' },
    ]);
    // People who never moved have no trail.
    assert.equal(panel.lastMessage!.model.people.find((p) => p.id === 'zhang-wei')!.trail, undefined);
    assert.equal(panel.lastMessage!.trail, true, 'the toggle is shown, on');
    assert.equal(JSON.stringify(panel.lastMessage).includes('accounts/'), false, 'no file paths reach the webview');

    assert.equal(await panel.receive({ type: 'trail', value: false }), true);
    assert.equal(panel.lastMessage!.trail, false);
    assert.deepEqual(panel.lastMessage!.model.people.filter((p) => p.trail), [], 'the toggle hides every trail');
    assert.equal(await panel.receive({ type: 'trail', value: true }), true);
    assert.equal(wang().trail?.length, 3);
    const rejected = panel.rejected;
    assert.equal(await panel.receive({ type: 'trail', value: 'off' }), false);
    assert.equal(panel.rejected, rejected + 1);

    // The date slider: one stop per commit that changed the account (the core history's revisions), then now.
    const timeline = () => panel.lastMessage!.timeline!;
    assert.deepEqual(timeline().revisions, history.revisions.map((r) => ({ date: r.date, subject: r.subject })));
    assert.deepEqual(timeline().revisions.map((r) => r.date), ['2026-01-10', '2026-03-02', '2026-06-01', '2026-09-01']);
    assert.equal(timeline().at, 4, 'now');
    assert.equal(await panel.receive({ type: 'at', index: 1 }), true);
    assert.equal(timeline().at, 1);
    assert.deepEqual(wang().position, { x: -1, y: 3 }, 'as it stood at 2026-03-02');
    assert.equal(panel.lastMessage!.model.asOf, '2026-03-02', 'checked at that commit\'s date');
    assert.deepEqual(panel.lastMessage!.model.people.filter((p) => p.trail), [], 'no trail at a past commit');
    const text = fs.readFileSync(file, 'utf8');
    assert.equal(await panel.receive({ type: 'move', person: 'wang-fang', stance: 'champion', influence: 5 }), false, 'a past commit is read-only');
    assert.equal(vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file)?.isDirty ?? false, false);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
    assert.equal(await panel.receive({ type: 'at', index: 2 }), true);
    assert.deepEqual(wang().position, { x: 1, y: 4 }, 'as it stood at 2026-06-01');
    assert.equal(await panel.receive({ type: 'at', index: 5 }), false, 'no such commit');
    assert.equal(await panel.receive({ type: 'at', index: 4 }), true);
    assert.equal(timeline().at, 4);
    assert.deepEqual(wang().position, { x: 0, y: 3 }, 'now again');
    assert.equal(wang().trail?.length, 3, 'with its trail');
    await api.whenIdle();
  });
});
