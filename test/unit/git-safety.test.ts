/**
 * Nothing from a repository runs: a repository whose own .git/config names programs (an fsmonitor
 * hook, an external diff, a pager, a textconv driver) gets none of them run by `keyplan diff`
 * against the working tree or by `keyplan check --changed-since`. Real git, real repository.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { accountDoc, personDoc } from './helpers/diff-fixtures.js';
import { buildCli, GIT_ENV, keyplan, TempRepo } from './helpers/git-repo.js';

describe('git: a repository\'s configured programs never run', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let marker: string;

  before(() => {
    buildCli();
    repo = new TempRepo({
      'keyplan.yaml': 'locale: en\n',
      'accounts/acme/account.md': accountDoc('acme'),
      'accounts/acme/people/li.md': personDoc({ id: 'li', name: 'Li', influence: 4, stance: 'neutral' }),
      '.gitattributes': '*.md diff=evil\n',
    });
    repo.commit('plans');
    marker = path.join(repo.dir, 'ran.txt');
    const script = path.join(repo.dir, '.git', 'evil.sh');
    writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\nexit 0\n`);
    chmodSync(script, 0o755);
    for (const [key, value] of [['core.fsmonitor', script], ['diff.external', script], ['core.pager', script], ['diff.evil.textconv', script], ['core.hooksPath', path.join(repo.dir, '.git')]]) repo.git('config', key, value);
    // A change in the working tree, so that git refreshes the index (where fsmonitor runs).
    repo.write({ 'accounts/acme/people/li.md': personDoc({ id: 'li', name: 'Li', influence: 4, stance: 'supporter' }) });
  });
  after(() => repo?.remove());
  beforeEach(() => rmSync(marker, { force: true }));

  it('the trap is real: plain git runs the repository\'s fsmonitor and textconv', () => {
    execFileSync('git', ['status', '--porcelain'], { cwd: repo.dir, env: GIT_ENV });
    execFileSync('git', ['diff', '--textconv', 'HEAD', '--', 'accounts'], { cwd: repo.dir, env: GIT_ENV });
    assert.ok(existsSync(marker), 'the configured programs did not run under plain git; the test would prove nothing');
  });

  it('keyplan diff (HEAD → working tree) runs none of them', () => {
    const r = keyplan(['diff', 'HEAD', '--as-of', '2026-11-20'], repo.dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /neutral → supporter/);
    assert.ok(!existsSync(marker), 'a program configured by the repository ran');
  });

  it('keyplan check --changed-since runs none of them', () => {
    const r = keyplan(['check', '--changed-since', 'HEAD', '--as-of', '2026-11-20', '--format', 'json'], repo.dir);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.ok(!existsSync(marker), 'a program configured by the repository ran');
  });
});
