/**
 * Issue #14, "silent loss of data": a document that cannot be read is named by every view that
 * leaves it out, and a duplicate id is an error on every file that defines it (built CLI, spawned).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { md, removeDir, REPO_ROOT, writeTempWorkspace } from '../helpers.js';
import { buildCli } from './helpers/git-repo.js';
import { IncrementalChecker } from '../../src/core/check/pipeline.js';

const BIN = path.join(REPO_ROOT, 'bin', 'keyplan.cjs');
const AS_OF = ['--as-of', '2026-11-20'];

function keyplan(args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'KEYPLAN_LOCALE', 'KEYPLAN_TODAY', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'TERM']) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const who = (id: string, account: string, extra: string[] = []) => md(['kind: person', `id: ${id}`, `account: ${account}`, `name: ${id}`, ...extra]);
const plan = (id: string) => md(['kind: account', `id: ${id}`, `name: ${id}`, 'tier: C', 'owner: li-na'], '\n# Plan\n');

describe('unreadable documents and duplicate ids in the views (built CLI)', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    buildCli();
    dir = writeTempWorkspace({
      'keyplan.yaml': 'locale: en\n',
      'accounts/acme/account.md': plan('acme'),
      'accounts/acme/people/eb.md': who('eb', 'acme', ['roles: [EB]', 'influence: 5', 'stance: champion']),
      // A YAML error: a colon inside an unquoted value.
      'accounts/acme/people/zhang-wei.md': who('zhang-wei', 'acme', ['title: CTO: head of it']),
      'accounts/acme/people/tb.md': who('tb', 'acme', ['roles: [TB]', 'reports_to: zhang-wei']),
      'accounts/acme/interactions.md': md(['kind: interaction-log', 'account: acme'], '\n- 2026-11-01 meeting @eb @zhang-wei: kick-off\n'),
      // An account plan that cannot be read, with a readable person of that account.
      'accounts/globex/account.md': '---\nkind: account\nid: globex\nname: Globex\n',
      'accounts/globex/people/li.md': who('li', 'globex', ['roles: [UB]']),
    });
  });

  after(() => removeDir(dir));

  it('check: the YAML errors only, no unknown-reference cascade (person and account ids, @mentions, reports_to)', () => {
    const r = keyplan(['check', '--format', 'json', ...AS_OF], dir);
    const rules = (JSON.parse(r.stdout).diagnostics as { file: string; rule: string }[]).filter((d) => ['yaml-syntax', 'unknown-reference', 'cross-account-reference'].includes(d.rule));
    assert.deepEqual(rules.map((d) => `${d.file} ${d.rule}`), ['accounts/acme/people/zhang-wei.md yaml-syntax', 'accounts/globex/account.md yaml-syntax']);
  });

  const NOTE = /^note: 2 documents could not be read and are left out \(run keyplan check for details\): accounts\/acme\/people\/zhang-wei\.md \([^\n]+\); accounts\/globex\/account\.md \([^\n]+\)$/m;

  for (const args of [['overdue'], ['overdue', '--format', 'json'], ['report'], ['report', '--format', 'markdown'], ['matrix', 'acme'], ['export', 'acme'], ['export']]) {
    it(`${args.join(' ')}: says how many documents could not be read, and which, on stderr`, () => {
      const r = keyplan([...args, ...AS_OF], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, NOTE);
    });
  }

  it('report --format json: an `unreadable` list of {file, reason}', () => {
    const r = keyplan(['report', '--format', 'json', ...AS_OF], dir);
    const json = JSON.parse(r.stdout) as { unreadable?: { file: string; reason: string }[] };
    assert.deepEqual(json.unreadable?.map((u) => u.file), ['accounts/acme/people/zhang-wei.md', 'accounts/globex/account.md']);
    assert.ok(json.unreadable!.every((u) => u.reason.length > 0));
    assert.match(r.stderr, NOTE);
  });

  it('export of an account whose plan cannot be read names the file instead of guessing another account', () => {
    const r = keyplan(['export', 'globex', ...AS_OF], dir);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /no account 'globex' in this workspace \(its account plan, accounts\/globex\/account\.md, could not be read/);
  });

  it('a workspace read whole prints no note', () => {
    const r = keyplan(['overdue', 'samples', ...AS_OF], REPO_ROOT);
    assert.doesNotMatch(r.stderr, /could not be read/);
  });

  describe('duplicate ids', () => {
    let dup: string;
    before(() => {
      dup = writeTempWorkspace({
        'keyplan.yaml': 'locale: en\n',
        'accounts/acme/account.md': plan('acme'),
        'accounts/beta/account.md': plan('beta'),
        'accounts/acme/people/zhang-wei.md': who('zhang-wei', 'acme', ['roles: [EB]']),
        'accounts/beta/people/zhang-wei.md': who('zhang-wei', 'beta', ['roles: [EB]']),
        'accounts/beta/interactions.md': md(['kind: interaction-log', 'account: beta'], '\n- 2026-11-01 meeting @zhang-wei: kick-off\n'),
      });
    });
    after(() => removeDir(dup));

    it('check: an error on both files, each naming the other and the one used; no cross-account warning', () => {
      const r = keyplan(['check', ...AS_OF], dup);
      assert.equal(r.status, 1);
      const lines = r.stdout.split('\n').filter((l) => / (duplicate-id|cross-account-reference) /.test(l));
      assert.deepEqual(lines.map((l) => l.split(' ').slice(0, 3).join(' ')), [
        'accounts/acme/people/zhang-wei.md:3:5 error duplicate-id',
        'accounts/beta/people/zhang-wei.md:3:5 error duplicate-id',
      ]);
      assert.match(lines[0], /also defined in accounts\/beta\/people\/zhang-wei\.md\. .*accounts\/acme\/people\/zhang-wei\.md is used/);
      assert.match(lines[1], /also defined in accounts\/acme\/people\/zhang-wei\.md\./);
    });
  });
});

describe('a file that is there but cannot be opened (the editor feeds it to the checker as such)', () => {
  const files = () => [
    { path: 'keyplan.yaml', content: 'locale: en\n' },
    { path: 'accounts/acme/account.md', content: plan('acme') },
    { path: 'accounts/acme/people/eb.md', content: who('eb', 'acme', ['roles: [EB]']) },
  ];

  it('is listed among the skipped files with why, and leaves the rest checked', () => {
    const checker = new IncrementalChecker('en');
    for (const f of files()) checker.set(f);
    checker.set({ path: 'accounts/acme/people/tb.md', content: '', failure: 'EACCES' });
    const r = checker.check('2026-11-20');
    assert.deepEqual(r.skipped, [{ path: 'accounts/acme/people/tb.md', reason: 'unreadable', detail: 'EACCES' }]);
    assert.deepEqual([...r.workspace.people.keys()], ['eb']);
  });

  it('is read again when it can be, and a file that becomes unreadable is no longer counted', () => {
    const checker = new IncrementalChecker('en');
    for (const f of files()) checker.set(f);
    checker.set({ path: 'accounts/acme/people/tb.md', content: '', failure: 'EACCES' });
    checker.check('2026-11-20');
    checker.set({ path: 'accounts/acme/people/tb.md', content: who('tb', 'acme', ['roles: [TB]']) });
    let r = checker.check('2026-11-20');
    assert.deepEqual(r.skipped, []);
    assert.deepEqual([...r.workspace.people.keys()].sort(), ['eb', 'tb']);
    checker.set({ path: 'accounts/acme/people/eb.md', content: '', failure: 'EIO' });
    r = checker.check('2026-11-20');
    assert.deepEqual(r.skipped.map((s) => `${s.path} ${s.detail}`), ['accounts/acme/people/eb.md EIO']);
    assert.deepEqual([...r.workspace.people.keys()], ['tb']);
  });

  it('an empty file and an unreadable one are told apart', () => {
    const checker = new IncrementalChecker('en');
    for (const f of files()) checker.set(f);
    checker.set({ path: 'accounts/acme/notes.md', content: '' });
    checker.check('2026-11-20');
    checker.set({ path: 'accounts/acme/notes.md', content: '', failure: 'EACCES' });
    assert.deepEqual(checker.check('2026-11-20').skipped.map((s) => s.reason), ['unreadable']);
  });
});
