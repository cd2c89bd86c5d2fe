import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AccountDiff, WorkspaceDiff } from '../../src/core/diff/diff.js';
import { accountDoc, AS_OF, baseWorkspace, edit, logDoc, personDoc } from './helpers/diff-fixtures.js';
import { buildCli, keyplan, TempRepo } from './helpers/git-repo.js';

type DiffJson = WorkspaceDiff & { base: { sha: string; label: string }; head: { sha?: string; label: string } };

function diffJson(cwd: string, args: string[]): DiffJson {
  const r = keyplan(['diff', '--format', 'json', '--as-of', AS_OF, ...args], cwd);
  assert.equal(r.status, 0, `keyplan diff ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as DiffJson;
}

const account = (d: WorkspaceDiff, id: string): AccountDiff => {
  const a = d.accounts.find((x) => x.id === id);
  assert.ok(a, `account ${id} in ${d.accounts.map((x) => x.id).join(', ')}`);
  return a!;
};

describe('keyplan diff on real git repositories', function () {
  this.timeout(120_000);
  const repos: TempRepo[] = [];
  const repo = (files?: Record<string, string>) => {
    const r = new TempRepo(files);
    repos.push(r);
    return r;
  };
  before(buildCli);
  after(() => repos.forEach((r) => r.remove()));

  /**
   * main: the base workspace plus a third account. feature (branched from it): a stance that
   * moved two steps, a new EB, logged interactions, a fixed typo, a deleted account, a file moved
   * with git mv. main then moves on with a change of its own, which the default base ignores.
   */
  let r: TempRepo;
  let baseSha: string;
  before(() => {
    const files = {
      ...baseWorkspace(),
      'accounts/globex/people/zhou-yang.md': personDoc({ id: 'zhou-yang', account: 'globex', name: '周洋', roles: ['TB'], influence: 3, stance: 'suporter', coverage: 'multiple' }),
      'accounts/initech/account.md': accountDoc('initech', { name: 'Initech', tier: 'C', owner: 'wu-tao' }),
      'accounts/initech/people/bob.md': personDoc({ id: 'bob', account: 'initech', name: 'Bob', roles: ['EB'], influence: 5, stance: 'neutral', coverage: 'brief' }),
      'README.md': '# Plans\n',
    };
    r = repo(files);
    baseSha = r.commit('Plans as of week 46');
    r.git('checkout', '-q', '-b', 'feature');
    let next = edit(files, 'accounts/acme/people/zhang-wei.md', 'stance: neutral', 'stance: champion');
    next = edit(next, 'accounts/globex/people/zhou-yang.md', 'stance: suporter', 'stance: supporter');
    r.write({
      'accounts/acme/people/zhang-wei.md': next['accounts/acme/people/zhang-wei.md'],
      'accounts/globex/people/zhou-yang.md': next['accounts/globex/people/zhou-yang.md'],
      'accounts/acme/people/liu-yang.md': personDoc({ id: 'liu-yang', name: '刘洋', title: 'CFO', roles: ['EB'], influence: 5, stance: 'neutral', coverage: 'brief' }),
      'accounts/acme/interactions-2026.md': logDoc('acme', [
        '2026-10-01 meeting @zhang-wei @sun-li: 技术交流',
        '2026-11-01 visit @sun-li: 商务拜访',
        '2026-11-10 call @wang-fang: 需求澄清',
        '2026-11-18 visit @zhang-wei @liu-yang: 首次拜访刘总',
      ]),
      'accounts/initech/account.md': null,
      'accounts/initech/people/bob.md': null,
    });
    r.gitMove('accounts/globex/people/li-ming.md', 'accounts/globex/team/li-ming.md');
    r.commit('Week 47 plan update');
    r.git('checkout', '-q', 'main');
    r.commit('Unrelated change on main', { 'accounts/globex/account.md': accountDoc('globex', { name: 'Globex', tier: 'A', owner: 'chen-hao' }) });
    r.git('checkout', '-q', 'feature');
  });

  it('BASE defaults to the merge base with main; HEAD to the working tree', () => {
    const d = diffJson(r.dir, []);
    assert.equal(d.base.sha, baseSha);
    assert.match(d.base.label, /^main \(merge base [0-9a-f]{7,}\)$/);
    assert.equal(d.head.label, 'working tree');
    assert.ok(!d.accounts.some((a) => a.fields.some((f) => f.field === 'tier')), 'the change made on main after branching is not part of the diff');
  });

  it('describes every change semantically', () => {
    const d = diffJson(r.dir, ['main~1', 'feature']);
    const acme = account(d, 'acme');
    const zhang = acme.people.find((p) => p.id === 'zhang-wei')!;
    assert.deepEqual(zhang.stance, { from: 'neutral', to: 'champion', direction: 'improved', steps: 2 });
    assert.equal(acme.people.find((p) => p.id === 'liu-yang')!.change, 'added');
    assert.ok(d.headlines.some((h) => h.kind === 'key-role-added' && h.role === 'EB' && h.names?.[0] === '刘洋'));
    assert.deepEqual(acme.interactions.added.map((i) => i.date), ['2026-11-18']);
    assert.deepEqual(acme.interactions.met.map((m) => m.name), ['刘洋', '张伟']);
    const globex = account(d, 'globex');
    assert.ok(globex.findings.resolved.some((f) => f.rule === 'schema' && f.file === 'accounts/globex/people/zhou-yang.md'), 'the fixed typo is a resolved finding');
    const initech = account(d, 'initech');
    assert.equal(initech.change, 'removed');
    assert.equal(d.headlines[0].kind, 'account-removed');
  });

  it('a file moved with git mv is a rename, not a deletion and an addition', () => {
    const d = diffJson(r.dir, ['main~1', 'feature']);
    const moved = d.files.filter((f) => f.path.endsWith('li-ming.md') || f.from?.endsWith('li-ming.md'));
    assert.deepEqual(moved, [{ change: 'renamed', path: 'accounts/globex/team/li-ming.md', from: 'accounts/globex/people/li-ming.md', kind: 'person' }]);
    const globex = account(d, 'globex');
    assert.ok(!globex.people.some((p) => p.id === 'li-ming'), 'li-ming did not change');
    assert.ok(!globex.findings.introduced.length, JSON.stringify(globex.findings.introduced));
  });

  it('uncommitted and untracked changes are part of HEAD = working tree', () => {
    r.write({ 'accounts/globex/people/zhou-yang.md': personDoc({ id: 'zhou-yang', account: 'globex', name: '周洋', roles: ['TB'], influence: 3, stance: 'skeptic', coverage: 'multiple' }) });
    r.write({ 'accounts/globex/people/new-hire.md': personDoc({ id: 'new-hire', account: 'globex', name: '新人', influence: 1, stance: 'unknown', coverage: 'none' }) });
    try {
      const d = diffJson(r.dir, ['HEAD']);
      const globex = account(d, 'globex');
      assert.deepEqual(globex.people.find((p) => p.id === 'zhou-yang')!.stance, { from: 'supporter', to: 'skeptic', direction: 'worsened', steps: 2 });
      assert.equal(globex.people.find((p) => p.id === 'new-hire')!.change, 'added');
    } finally {
      r.git('checkout', '-q', '--', '.');
      r.write({ 'accounts/globex/people/new-hire.md': null });
    }
  });

  it('the Markdown output names the revisions and lists the headlines first', () => {
    const out = keyplan(['diff', 'main~1', 'feature', '--format', 'markdown', '--as-of', AS_OF], r.dir);
    assert.equal(out.status, 0, out.stderr);
    const md = out.stdout;
    assert.match(md, /^### Keyplan review: `main~1 \([0-9a-f]+\)` → `feature \([0-9a-f]+\)` · as of 2026-11-20\n/);
    assert.match(md, /\n- Initech: account removed \(1 person\)\n/);
    assert.match(md, /\n- ACME 公司: 张伟 moved neutral → champion ▲ \(2 steps\)\n/);
    assert.match(md, /\n- ACME 公司: new EB: 刘洋\n/);
    assert.match(md, /renamed `accounts\/globex\/people\/li-ming\.md` → `accounts\/globex\/team\/li-ming\.md`/);
    assert.ok(md.indexOf('#### ') > md.indexOf('- ACME 公司: new EB'), 'headlines come before the account sections');
  });

  it('paths narrow the output to the accounts they hold; `--` separates paths from revisions', () => {
    const d = diffJson(r.dir, ['main~1', 'feature', '--', 'accounts/globex']);
    assert.deepEqual(d.accounts.map((a) => a.id), ['globex']);
    const d2 = diffJson(r.dir, ['main~1', 'accounts/acme']);
    assert.deepEqual(d2.accounts.map((a) => a.id), ['acme']);
  });

  it('works in a shallow clone once the base is fetched', () => {
    const shallow = r.shallowClone('feature');
    repos.push(shallow);
    assert.equal(shallow.git('rev-parse', '--is-shallow-repository'), 'true');
    // The default branch fetched without history: there is no merge base, so main itself is the base.
    shallow.git('fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');
    shallow.git('remote', 'set-head', 'origin', 'main'); // as on GitHub, where origin/HEAD is the default branch
    const out = keyplan(['diff', '--format', 'json', '--as-of', AS_OF], shallow.dir);
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stderr, /no merge base of HEAD and origin\/main/);
    assert.match((JSON.parse(out.stdout) as DiffJson).base.label, /^origin\/main \(/);
    // A base commit that was not fetched: a clear message, exit code 2.
    const missing = keyplan(['diff', baseSha, '--as-of', AS_OF], shallow.dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /neither a revision nor a path/);
    // Fetched (as CI does with the pull request's base commit): the full semantic diff.
    shallow.git('fetch', '-q', '--depth', '1', 'origin', baseSha);
    const d = diffJson(shallow.dir, [baseSha, 'HEAD']);
    assert.equal(d.base.sha, baseSha);
    assert.deepEqual(account(d, 'acme').people.find((p) => p.id === 'zhang-wei')!.stance?.steps, 2);
    assert.ok(d.files.some((f) => f.change === 'renamed'), 'renames are found in a shallow clone too');
    assert.equal(account(d, 'initech').change, 'removed');
  });

  it('a workspace in a subfolder of the repository, run from anywhere inside it', () => {
    const sub = repo();
    const files = Object.fromEntries(Object.entries(baseWorkspace()).map(([p, c]) => [`plans/${p}`, c]));
    sub.commit('plans', { ...files, 'docs/other.md': '# not plans\n' });
    sub.commit('stance', { 'plans/accounts/acme/people/wang-fang.md': files['plans/accounts/acme/people/wang-fang.md'].replace('stance: opponent', 'stance: neutral') });
    for (const [cwd, args] of [[sub.dir, ['HEAD~1', 'HEAD', '--', 'plans']], [path.join(sub.dir, 'plans'), ['HEAD~1', 'HEAD']], [path.join(sub.dir, 'plans', 'accounts'), ['HEAD~1', 'HEAD']]] as const) {
      const d = diffJson(cwd, [...args]);
      assert.deepEqual(d.accounts.map((a) => a.id), ['acme'], cwd);
      assert.deepEqual(account(d, 'acme').people.map((p) => `${p.id} ${p.stance?.from}→${p.stance?.to}`), ['wang-fang opponent→neutral']);
      assert.ok(d.files.every((f) => f.path.startsWith('accounts/')), 'paths are workspace-relative');
    }
  });

  it('usage errors: outside a git repository, unknown revision, bad format', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'keyplan-nogit-'));
    try {
      const r1 = keyplan(['diff'], outside);
      assert.equal(r1.status, 2);
      assert.match(r1.stderr, /inside a git working tree/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    const r2 = keyplan(['diff', 'no-such-branch'], r.dir);
    assert.equal(r2.status, 2);
    assert.match(r2.stderr, /'no-such-branch' is neither a revision nor a path/);
    const r3 = keyplan(['diff', '--format', 'html'], r.dir);
    assert.equal(r3.status, 2);
    assert.match(r3.stderr, /unknown format 'html'/);
  });

  it('--matrix-dir writes the matrix before and after and the Markdown embeds them', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-matrix-'));
    try {
      const out = keyplan(['diff', 'main~1', 'feature', '--format', 'markdown', '--as-of', AS_OF, '--matrix-dir', dir], r.dir);
      assert.equal(out.status, 0, out.stderr);
      const rel = dir.split(path.sep).join('/');
      assert.ok(out.stdout.includes(`(${encodeURI(`${rel}/acme.before.svg`)})`), out.stdout);
      assert.ok(out.stdout.includes(`(${encodeURI(`${rel}/acme.after.svg`)})`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
