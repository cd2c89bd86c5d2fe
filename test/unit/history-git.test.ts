import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { AccountHistory } from '../../src/core/history/history.js';
import { accountDoc, baseWorkspace, edit } from './helpers/diff-fixtures.js';
import { buildCli, GIT_ENV, keyplan, TempRepo } from './helpers/git-repo.js';

type HistoryJson = AccountHistory & { since: { sha: string; label: string } | null; until: { sha: string; label: string } };

/** Commits everything with a pinned date and author (the history reads both). */
function commitAt(r: TempRepo, date: string, author: string, message: string): string {
  const env = { ...GIT_ENV, GIT_AUTHOR_DATE: `${date}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+08:00`, GIT_AUTHOR_NAME: author, GIT_COMMITTER_NAME: author };
  execFileSync('git', ['add', '-A'], { cwd: r.dir, env });
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: r.dir, env });
  return r.git('rev-parse', 'HEAD');
}

describe('keyplan history on a real git repository', function () {
  this.timeout(120_000);
  let r: TempRepo;
  const sha: Record<string, string> = {};
  const run = (args: string[]) => keyplan([...args, '--as-of', '2026-11-20'], r.dir);
  const json = (args: string[]): HistoryJson => {
    const res = run(['history', ...args, '--format', 'json']);
    assert.equal(res.status, 0, res.stderr);
    return JSON.parse(res.stdout) as HistoryJson;
  };
  const changes = (h: HistoryJson, id: string, field?: string) =>
    h.changes.filter((c) => c.id === id && (!field || c.field === field)).map((c) => ({ ...c, at: h.revisions[c.revision] }));

  before(() => {
    buildCli();
    let files = baseWorkspace();
    r = new TempRepo(files);
    sha.c1 = commitAt(r, '2026-08-03', '李强', 'Initial plans');
    files = edit(files, 'accounts/acme/people/zhang-wei.md', 'stance: neutral', 'stance: supporter');
    r.write(files);
    sha.c2 = commitAt(r, '2026-09-14', '李强', 'QBR 后更新立场');
    r.gitMove('accounts/acme/people/sun-li.md', 'accounts/acme/people/exec/sun-li.md');
    files = edit(files, 'accounts/globex/people/zhou-yang.md', 'stance: supporter', 'stance: neutral');
    r.write({ 'accounts/globex/people/zhou-yang.md': files['accounts/globex/people/zhou-yang.md'] });
    sha.c3 = commitAt(r, '2026-10-12', 'Wu Tao', 'Executives in a folder of their own; Globex update');
    r.git('tag', 'qbr-q3');
    files = edit(files, 'accounts/acme/people/wang-fang.md', 'coverage: brief', 'coverage: brief\nstatus: left');
    files = edit(files, 'accounts/acme/people/zhang-wei.md', 'needs: 希望年底前升职', 'needs: 想调去总部');
    r.write({ 'accounts/acme/people/wang-fang.md': files['accounts/acme/people/wang-fang.md'], 'accounts/acme/people/zhang-wei.md': files['accounts/acme/people/zhang-wei.md'] });
    sha.c4 = commitAt(r, '2026-10-26', '李强', '王芳离职 \u001b[31m*urgent*');
    const sunLi = edit({ f: files['accounts/acme/people/sun-li.md'] }, 'f', 'stance: supporter', 'stance: champion').f;
    r.write({ 'accounts/acme/people/exec/sun-li.md': sunLi, 'accounts/acme/account.md': files['accounts/acme/account.md'].replace('tier: A', 'tier: B') });
    sha.c5 = commitAt(r, '2026-11-09', 'Wu Tao', 'Tier review');
    // An uncommitted edit: history reads commits only.
    r.write({ 'accounts/acme/account.md': accountDoc('acme', { name: 'ACME 公司', tier: 'C' }) });
  });
  after(() => r.remove());

  it('dates each stance move with its commit, author and subject', () => {
    const h = json(['acme']);
    const moves = changes(h, 'zhang-wei', 'stance');
    assert.deepEqual(moves.map((c) => [c.at.id, c.at.date, c.at.author, c.at.subject, c.from, c.to]), [[sha.c2, '2026-09-14', '李强', 'QBR 后更新立场', 'neutral', 'supporter']]);
    const text = run(['history', 'acme']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^2026-09-14 张伟 neutral → supporter ▲ · 李强: QBR 后更新立场$/m);
  });

  it('keeps a person’s identity across git mv, and sees who left and the tier change', () => {
    const h = json(['acme']);
    const sunLi = changes(h, 'sun-li').filter((c) => c.change !== 'added' && !c.derived);
    assert.deepEqual(sunLi.map((c) => [c.at.id, c.field, c.from, c.to]), [[sha.c5, 'stance', 'supporter', 'champion']]);
    assert.ok(!h.changes.some((c) => !c.derived && h.revisions[c.revision].id === sha.c3), 'the pure move changed nothing of the relationship');
    assert.deepEqual(changes(h, 'wang-fang', 'status').map((c) => [c.at.id, c.to]), [[sha.c4, 'left']]);
    assert.deepEqual(changes(h, 'acme', 'tier').map((c) => [c.at.id, c.from, c.to]), [[sha.c5, 'A', 'B']], 'the uncommitted tier C is not history');
    const t = h.trajectories.find((x) => x.id === 'sun-li')!;
    assert.deepEqual(t.points.map((p) => [p.date, p.stance]), [['2026-08-03', 'supporter'], ['2026-11-09', 'champion']]);
  });

  it('shows a sensitive change only as "personal notes changed", in every format', () => {
    for (const format of ['text', 'markdown', 'json']) {
      const res = run(['history', 'acme', '--format', format]);
      assert.equal(res.status, 0, res.stderr);
      assert.ok(!res.stdout.includes('总部') && !res.stdout.includes('升职'), `${format} leaks a personal note`);
    }
    assert.match(run(['history', 'acme']).stdout, /张伟: personal notes changed/);
    assert.match(run(['history', 'acme', '--locale', 'zh-cn']).stdout, /张伟：个人备注已更新/);
  });

  it('escapes commit subjects and plan text for the terminal and for Markdown', () => {
    const text = run(['history', 'acme']).stdout;
    assert.ok(!text.includes('\u001b'), 'no raw escape character reaches the terminal');
    assert.ok(text.includes('\u241b[31m'), 'the escape is shown as a control picture');
    const md = run(['history', 'acme', '--format', 'markdown']).stdout;
    assert.ok(md.includes('\\*urgent\\*'), md);
  });

  it('--since REV starts from that commit; --since/--until DATE bound the period', () => {
    const fromTag = json(['acme', '--since', 'qbr-q3']);
    assert.equal(fromTag.revisions[0].id, sha.c3);
    assert.equal(changes(fromTag, 'zhang-wei', 'stance').length, 0, 'the stance moved before the tag');
    assert.ok(!fromTag.changes.some((c) => c.change === 'added'));
    const october = json(['acme', '--since', '2026-10-01', '--until', '2026-10-31']);
    assert.deepEqual([...new Set(october.changes.filter((c) => !c.derived).map((c) => october.revisions[c.revision].id))], [sha.c4]);
    assert.ok(october.changes.every((c) => october.revisions[c.revision].date >= '2026-10-01'));
    assert.equal(october.until.sha, sha.c4);
    const days = json(['acme', '--since', '30d']); // 2026-10-21 and later
    assert.deepEqual([...new Set(days.changes.filter((c) => !c.derived).map((c) => days.revisions[c.revision].id))], [sha.c4, sha.c5]);
  });

  it('--person keeps one person', () => {
    const h = json(['acme', '--person', 'zhang-wei']);
    assert.ok(h.changes.length >= 2 && h.changes.every((c) => c.id === 'zhang-wei'));
    const bad = run(['history', 'acme', '--person', 'zhang-we']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /did you mean 'zhang-wei'/);
  });

  it('an unknown account is a usage error', () => {
    const res = run(['history', 'nobody']);
    assert.equal(res.status, 2);
    assert.match(res.stderr, /no account 'nobody'/);
  });

  it('matrix --at and map --at draw the picture as it was', () => {
    const before = run(['matrix', 'acme', '--at', '2026-09-01']);
    assert.equal(before.status, 0, before.stderr);
    assert.match(before.stdout, /张伟[^\n]*: neutral/);
    assert.match(before.stderr, /as it stood at 2026-09-01 \(/);
    const after = run(['matrix', 'acme', '--at', 'qbr-q3']);
    assert.match(after.stdout, /张伟[^\n]*: supporter/);
    const map = run(['map', 'acme', '--at', sha.c1, '--format', 'json']);
    assert.equal(map.status, 0, map.stderr);
    assert.ok(map.stdout.includes('wang-fang'));
    assert.equal(run(['matrix', 'acme', '--at', '2020-01-01']).status, 2);
  });

  it('diff --since compares the working tree with the plan as it stood then', () => {
    const res = keyplan(['diff', '--since', '2026-09-01', '--format', 'json', '--as-of', '2026-11-20'], r.dir);
    assert.equal(res.status, 0, res.stderr);
    const d = JSON.parse(res.stdout) as { base: { sha: string }; accounts: { id: string; people: { id: string; stance?: { from: string; to: string } }[]; fields: { field: string; from: unknown; to: unknown }[] }[] };
    assert.equal(d.base.sha, sha.c1);
    const acme = d.accounts.find((a) => a.id === 'acme')!;
    assert.deepEqual(acme.people.find((p) => p.id === 'zhang-wei')?.stance && [acme.people.find((p) => p.id === 'zhang-wei')!.stance!.from, acme.people.find((p) => p.id === 'zhang-wei')!.stance!.to], ['neutral', 'supporter']);
    assert.deepEqual(acme.fields.find((f) => f.field === 'tier'), { field: 'tier', from: 'A', to: 'C' });
    const tag = keyplan(['diff', '--since', 'qbr-q3', '--as-of', '2026-11-20'], r.dir);
    assert.equal(tag.status, 0, tag.stderr);
    assert.match(tag.stdout, /qbr-q3 \(/);
    assert.equal(keyplan(['diff', 'HEAD~1', '--since', '90d'], r.dir).status, 2);
  });
});
