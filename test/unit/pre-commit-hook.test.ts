/**
 * samples/.githooks/pre-commit in a real git repository: a staged deletion or rename of a Keyplan
 * document is checked against the whole workspace (deleting a person that others reference is
 * refused), and unrelated commits still go through.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeDir, REPO_ROOT, SAMPLES } from '../helpers.js';
import { buildCli, GIT_ENV, TempRepo } from './helpers/git-repo.js';

const HOOK = path.join(SAMPLES, '.githooks', 'pre-commit');

const WORKSPACE = {
  'keyplan.yaml': 'locale: en\n',
  'accounts/acme/account.md': '---\nkind: account\nid: acme\nname: Acme\ntier: A\nowner: li-na\n---\n',
  'accounts/acme/people/zhang-wei.md': '---\nkind: person\nid: zhang-wei\naccount: acme\nname: Zhang Wei\nroles: [EB]\nstance: neutral\ninfluence: 4\n---\n',
  'accounts/acme/people/wang-fang.md': '---\nkind: person\nid: wang-fang\naccount: acme\nname: Wang Fang\nroles: [UB]\nstance: supporter\ninfluence: 2\nreports_to: zhang-wei\n---\n',
};

describe('samples/.githooks/pre-commit: deletions and renames', function () {
  this.timeout(120_000);
  let bin: string;
  let repo: TempRepo;
  let env: NodeJS.ProcessEnv;

  before(() => {
    buildCli();
    bin = mkdtempSync(path.join(os.tmpdir(), 'keyplan-bin-'));
    writeFileSync(path.join(bin, 'keyplan'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO_ROOT, 'bin', 'keyplan.cjs')}" "$@"\n`);
    chmodSync(path.join(bin, 'keyplan'), 0o755);
  });
  after(() => removeDir(bin));

  beforeEach(() => {
    repo = new TempRepo(WORKSPACE);
    mkdirSync(path.join(repo.dir, '.githooks'));
    copyFileSync(HOOK, path.join(repo.dir, '.githooks', 'pre-commit'));
    chmodSync(path.join(repo.dir, '.githooks', 'pre-commit'), 0o755);
    repo.git('config', 'core.hooksPath', '.githooks');
    env = { ...GIT_ENV, KEYPLAN_TODAY: '2026-11-20', PATH: `${bin}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1' };
    repo.git('add', '-A');
    const first = commit('plans');
    assert.equal(first.status, 0, first.stderr + first.stdout);
  });
  afterEach(() => removeDir(repo.dir));

  const commit = (message: string) => spawnSync('git', ['commit', '-q', '-m', message], { cwd: repo.dir, env, encoding: 'utf8' });

  it('refuses a staged deletion of a person that another document references', () => {
    repo.git('rm', '-q', 'accounts/acme/people/zhang-wei.md');
    const r = commit('remove zhang-wei');
    assert.notEqual(r.status, 0, 'the commit is refused');
    assert.match(r.stdout + r.stderr, /wang-fang\.md:\d+:\d+ error .*zhang-wei/);
    assert.match(r.stderr, /fix the errors above, or commit with --no-verify/);
    assert.equal(repo.git('log', '--oneline').split('\n').length, 1);
  });

  it('refuses a staged rename that leaves a reference behind, and lets harmless deletions through', () => {
    // A person renamed (file and id): the reference to the old id in another document breaks.
    repo.git('mv', 'accounts/acme/people/zhang-wei.md', 'accounts/acme/people/zhang-wei-old.md');
    writeFileSync(path.join(repo.dir, 'accounts/acme/people/zhang-wei-old.md'), WORKSPACE['accounts/acme/people/zhang-wei.md'].replace('id: zhang-wei', 'id: zhang-wei-old'));
    repo.git('add', '-A');
    const renamed = commit('rename zhang-wei');
    assert.notEqual(renamed.status, 0, renamed.stdout + renamed.stderr);
    assert.match(renamed.stdout + renamed.stderr, /wang-fang\.md:\d+:\d+ error .*zhang-wei/);

    repo.git('reset', '-q', '--hard');
    repo.git('rm', '-q', 'accounts/acme/people/wang-fang.md');
    const harmless = commit('remove wang-fang');
    assert.equal(harmless.status, 0, harmless.stdout + harmless.stderr);
  });
});
