/**
 * The ready-to-use CI pieces in samples/: the GitHub Actions workflow's shell steps are run as
 * written against a pull-request merge commit in a depth-2 clone (as actions/checkout makes it),
 * and the pre-commit hook is installed in a repository and made to refuse a bad commit.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, SAMPLES } from '../helpers.js';
import { buildCli, GIT_ENV, TempRepo } from './helpers/git-repo.js';

const WORKFLOW = path.join(SAMPLES, '.github', 'workflows', 'keyplan.yml');
const HOOK = path.join(SAMPLES, '.githooks', 'pre-commit');

/**
 * The workflow and the hook run `keyplan` as shipped, without --as-of: the samples' documented
 * as-of date (samples/README.md) is pinned as "today" through KEYPLAN_TODAY instead.
 */
const TODAY = { KEYPLAN_TODAY: '2026-11-20' };

interface Step { name?: string; id?: string; run?: string; uses?: string; with?: Record<string, unknown>; if?: string; 'continue-on-error'?: boolean }

/** A `keyplan` command on PATH that runs this checkout's build. */
function shimDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-bin-'));
  const shim = path.join(dir, 'keyplan');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO_ROOT, 'bin', 'keyplan.cjs')}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

function sh(script: string, cwd: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('samples/.github/workflows/keyplan.yml and samples/.githooks/pre-commit', function () {
  this.timeout(120_000);
  const cleanup: string[] = [];
  let bin: string;
  before(() => {
    buildCli();
    bin = shimDir();
    cleanup.push(bin);
  });
  after(() => cleanup.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as { on: Record<string, unknown>; permissions: Record<string, string>; env: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
  const steps = workflow.jobs.review.steps;
  const step = (id: string) => steps.find((s) => s.id === id || s.name === id)!;

  it('is complete: runs on pull requests, can comment, checks out two commits, installs Keyplan, checks, summarises, comments, fails on errors', () => {
    assert.ok('pull_request' in workflow.on);
    assert.equal(workflow.permissions['pull-requests'], 'write');
    assert.equal(steps.find((s) => s.uses?.startsWith('actions/checkout'))!.with!['fetch-depth'], 2);
    assert.match(step('Install Keyplan').run!, /npm install --global .*keyplan@/);
    assert.match(step('check').run!, /keyplan check .* --format github/);
    assert.equal(step('check')['continue-on-error'], true);
    assert.match(step('Summarise the relationship changes').run!, /keyplan diff HEAD\^1 HEAD --format markdown/);
    const comment = step('Post or update the pull-request comment');
    assert.match(comment.uses!, /^actions\/github-script@/);
    assert.match(String(comment.with!.script), /updateComment/);
    assert.match(String(comment.with!.script), /createComment/);
    assert.equal(step('Fail on plan errors').if, "steps.check.outcome == 'failure'");
  });

  it('its shell steps work on a pull-request merge commit in a depth-2 clone', () => {
    // The plans repository: samples/ on main; a pull request that moves a stance and adds a typo.
    const origin = new TempRepo();
    cleanup.push(origin.dir);
    cpSync(SAMPLES, origin.dir, { recursive: true });
    origin.commit('plans');
    origin.git('checkout', '-q', '-b', 'pr');
    const wang = path.join(origin.dir, 'accounts/east-china-telecom/people/wang-fang.md');
    writeFileSync(wang, readFileSync(wang, 'utf8').replace('stance: neutral', 'stance: supporter').replace('coverage: multiple', 'coverage: mutliple'));
    origin.commit('PR: 王芳 is now a supporter');
    origin.git('checkout', '-q', 'main');
    origin.git('merge', '-q', '--no-ff', '-m', 'Merge pull request #7', 'pr'); // what refs/pull/7/merge holds
    const ci = mkdtempSync(path.join(os.tmpdir(), 'keyplan-ci-'));
    cleanup.push(ci);
    spawnSync('git', ['clone', '-q', '--depth', '2', `file://${origin.dir}`, ci], { env: GIT_ENV });

    const summary = path.join(ci, '..', `summary-${path.basename(ci)}.md`);
    cleanup.push(summary);
    const env = { ...GIT_ENV, ...workflow.env, ...TODAY, PATH: `${bin}${path.delimiter}${process.env.PATH}`, GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: ci };
    const check = sh(step('check').run!, ci, env);
    assert.equal(check.status, 1, 'the typo fails the check');
    assert.match(check.stdout, /^::error file=accounts\/east-china-telecom\/people\/wang-fang\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=schema::`mutliple` is not an allowed value for `coverage`/m);
    assert.ok(!/file=accounts\/(yuanhang-auto|qinghe-medical)\//.test(check.stdout), 'only the changed account is checked');

    const diff = sh(step('Summarise the relationship changes').run!, ci, env);
    assert.equal(diff.status, 0, diff.stderr);
    const comment = readFileSync(path.join(ci, 'keyplan-diff.md'), 'utf8');
    assert.match(comment, /^<!-- keyplan-diff -->\n### Keyplan review: `HEAD\^1 \([0-9a-f]+\)` → `HEAD \([0-9a-f]+\)`/);
    assert.match(comment, /王芳 moved neutral → supporter ▲/);
    assert.match(comment, /new error: schema/);
    assert.equal(readFileSync(summary, 'utf8'), comment, 'the job summary has the same text');
  });

  it('the pre-commit hook refuses staged plans with errors and lets good ones through', () => {
    const repo = new TempRepo();
    cleanup.push(repo.dir);
    cpSync(path.join(SAMPLES, 'accounts', 'east-china-telecom'), path.join(repo.dir, 'accounts', 'east-china-telecom'), { recursive: true });
    copyFileSync(path.join(SAMPLES, 'keyplan.yaml'), path.join(repo.dir, 'keyplan.yaml'));
    // The samples' deliberate mistakes are fixed first, so the baseline commit is clean.
    const fix = (rel: string, from: string, to: string) => writeFileSync(path.join(repo.dir, rel), readFileSync(path.join(repo.dir, rel), 'utf8').replace(from, to));
    fix('accounts/east-china-telecom/people/zhao-min.md', 'suportive', 'supporter');
    fix('accounts/east-china-telecom/interactions-2026.md', '@li-ming 确认', '@li-ming: 确认');
    mkdirSync(path.join(repo.dir, '.githooks'));
    copyFileSync(HOOK, path.join(repo.dir, '.githooks', 'pre-commit'));
    chmodSync(path.join(repo.dir, '.githooks', 'pre-commit'), 0o755);
    repo.git('config', 'core.hooksPath', '.githooks');
    const env = { ...GIT_ENV, ...TODAY, PATH: `${bin}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1' };
    const commit = (message: string) => spawnSync('git', ['commit', '-q', '-m', message], { cwd: repo.dir, env, encoding: 'utf8' });

    repo.git('add', '-A');
    const first = commit('plans');
    assert.equal(first.status, 0, first.stderr + first.stdout);

    fix('accounts/east-china-telecom/people/li-ming.md', 'influence: 3', 'influence: 9');
    repo.git('add', '-A');
    const bad = commit('bad influence');
    assert.notEqual(bad.status, 0, 'the commit is refused');
    assert.match(bad.stdout + bad.stderr, /li-ming\.md:\d+:\d+ error schema/);
    assert.match(bad.stderr, /fix the errors above, or commit with --no-verify/);

    fix('accounts/east-china-telecom/people/li-ming.md', 'influence: 9', 'influence: 4');
    repo.git('add', '-A');
    const good = commit('influence 4');
    assert.equal(good.status, 0, good.stderr + good.stdout);
  });
});
