/**
 * The shared git reader (src/git) driven without blocking, as the editor drives it: the same
 * result as the command line's synchronous run, none of a repository's configured programs run,
 * and clear states outside a repository, before the first commit and without git.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAccountHistorySteps, type AccountRead } from '../../src/git/account-history.js';
import { readRevisionSteps, workspaceRepo, findRepo } from '../../src/git/git.js';
import { readHistorySteps } from '../../src/git/history.js';
import { call, GitError, runAsync, runSync } from '../../src/git/run.js';
import { accountDoc, personDoc } from './helpers/diff-fixtures.js';
import { GIT_ENV, TempRepo } from './helpers/git-repo.js';
import { execFileSync } from 'node:child_process';

function commitAt(r: TempRepo, date: string, message: string): void {
  const env = { ...GIT_ENV, GIT_AUTHOR_DATE: `${date}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+08:00` };
  execFileSync('git', ['add', '-A'], { cwd: r.dir, env });
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: r.dir, env });
}

const person = (stance: string, needs = 'a quiet life') => personDoc({ id: 'li', name: 'Li', influence: 4, stance, extra: [`needs: ${needs}`] });

describe('src/git driven asynchronously (the editor)', function () {
  this.timeout(60_000);
  let r: TempRepo;
  const files = ['accounts/acme/account.md', 'accounts/acme/people/li.md'];

  before(() => {
    r = new TempRepo({ 'keyplan.yaml': 'locale: en\n', 'accounts/acme/account.md': accountDoc('acme'), 'accounts/acme/people/li.md': person('neutral') });
    commitAt(r, '2026-03-02', 'plans');
    r.write({ 'accounts/acme/people/li.md': person('supporter') });
    commitAt(r, '2026-05-04', 'li won over');
    r.gitMove('accounts/acme/people/li.md', 'accounts/acme/people/exec/li.md');
    commitAt(r, '2026-06-01', 'executives in a folder');
    r.write({ 'accounts/acme/people/exec/li.md': person('supporter', 'a transfer to headquarters') });
    commitAt(r, '2026-07-06', 'notes');
  });
  after(() => r.remove());

  const moved = ['accounts/acme/account.md', 'accounts/acme/people/exec/li.md'];

  it('reads the same history as the synchronous run, renames followed, personal notes only as such', async () => {
    const steps = () => readAccountHistorySteps(r.dir, 'acme', moved, { locale: 'en', limit: 50 });
    const a = (await runAsync(steps())) as AccountRead;
    const s = runSync(steps()) as AccountRead;
    assert.equal(a.state, 'read');
    assert.deepEqual(a.history, s.history);
    assert.deepEqual(a.revisions.map((x) => x.changes?.map((c) => [c.path, c.from])), s.revisions.map((x) => x.changes?.map((c) => [c.path, c.from])));
    const li = a.history.changes.filter((c) => c.id === 'li' && !c.derived).map((c) => [a.history.revisions[c.revision].date, c.change, c.field ?? '', c.from ?? '', c.to ?? '']);
    assert.deepEqual(li, [
      ['2026-03-02', 'added', '', '', 'neutral'],
      ['2026-05-04', 'changed', 'stance', 'neutral', 'supporter'],
      ['2026-07-06', 'changed', 'personal-notes', '', ''],
    ]);
    assert.equal(JSON.stringify(a.history).includes('headquarters'), false, 'the notes\' text is not in the history');
    assert.equal(a.truncated, false);
  });

  it('bounded: the last N commits that touched the account, the one before them the starting point', async () => {
    const a = (await runAsync(readAccountHistorySteps(r.dir, 'acme', moved, { locale: 'en', limit: 1 }))) as AccountRead;
    assert.equal(a.truncated, true);
    assert.deepEqual(a.history.revisions.map((x) => x.date), ['2026-06-01', '2026-07-06']);
    assert.equal(a.revisions[0].baseline, true);
  });

  it('a known read is reused while HEAD, the account and its files stay', async () => {
    const known = (await runAsync(readAccountHistorySteps(r.dir, 'acme', moved, { locale: 'en', limit: 50 }))) as AccountRead;
    assert.equal(await runAsync(readAccountHistorySteps(r.dir, 'acme', [...moved].reverse(), { locale: 'en', limit: 50, known })), known);
    assert.notEqual(await runAsync(readAccountHistorySteps(r.dir, 'acme', files, { locale: 'en', limit: 50, known })), known);
  });

  it('outside a repository, and in one without a commit: says which', async () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), 'keyplan-nogit-'));
    try {
      assert.deepEqual(await runAsync(readAccountHistorySteps(plain, 'acme', files, { limit: 5 })), { state: 'no-repo' });
      const empty = new TempRepo({ 'accounts/acme/account.md': accountDoc('acme') });
      try {
        assert.deepEqual(await runAsync(readAccountHistorySteps(empty.dir, 'acme', files, { limit: 5 })), { state: 'no-commit' });
      } finally {
        empty.remove();
      }
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('a failing command rejects with git\'s message; a missing git is named as such', async () => {
    const repo = workspaceRepo(findRepo(r.dir)!, r.dir);
    await assert.rejects(runAsync(readRevisionSteps(repo, 'f'.repeat(40))), (e: unknown) => e instanceof GitError && !e.missing && /^fatal: not a tree object/.test(e.message));
    const saved = process.env.PATH;
    process.env.PATH = path.join(os.tmpdir(), 'no-such-folder-for-git');
    try {
      await assert.rejects(runAsync(readHistorySteps(repo, { sha: 'HEAD' })), (e: unknown) => e instanceof GitError && e.missing);
      assert.throws(() => runSync(readHistorySteps(repo, { sha: 'HEAD' })), (e: unknown) => e instanceof GitError && e.missing);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('runs none of the programs a repository configures (fsmonitor, external diff, pager, textconv, hooks)', async () => {
    const marker = path.join(r.dir, 'ran.txt');
    const script = path.join(r.dir, '.git', 'evil.sh');
    writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\nexit 0\n`);
    chmodSync(script, 0o755);
    writeFileSync(path.join(r.dir, '.gitattributes'), '*.md diff=evil\n');
    for (const [key, value] of [['core.fsmonitor', script], ['diff.external', script], ['core.pager', script], ['diff.evil.textconv', script], ['core.hooksPath', path.join(r.dir, '.git')]]) r.git('config', key, value);
    try {
      // The trap is real: plain git runs them.
      execFileSync('git', ['diff', '--textconv', 'HEAD~1', '--', 'accounts'], { cwd: r.dir, env: GIT_ENV });
      assert.ok(existsSync(marker), 'the configured programs did not run under plain git; the test would prove nothing');
      rmSync(marker);
      const read = await runAsync(readAccountHistorySteps(r.dir, 'acme', moved, { locale: 'en', limit: 50 }));
      assert.equal(read.state, 'read');
      await runAsync(readRevisionSteps(workspaceRepo(findRepo(r.dir)!, r.dir), 'HEAD~2'));
      // A command that refreshes the index, where the fsmonitor hook would run.
      r.write({ 'accounts/acme/account.md': accountDoc('acme', { tier: 'B' }) });
      await runAsync(call(r.dir, ['status', '--porcelain']));
      assert.ok(!existsSync(marker), 'a program configured by the repository ran');
    } finally {
      r.git('checkout', '--', 'accounts/acme/account.md');
      for (const key of ['core.fsmonitor', 'diff.external', 'core.pager', 'diff.evil.textconv', 'core.hooksPath']) r.git('config', '--unset', key);
      rmSync(path.join(r.dir, '.gitattributes'), { force: true });
    }
  });
});
