/**
 * Golden outputs: every command and format of the CLI on the samples (and on the samples' two-commit
 * history for diff and --changed-since), compared byte for byte with test/fixtures/golden/. They
 * keep refactorings honest: a change to any output shows up here. After a deliberate change:
 *   KEYPLAN_UPDATE_GOLDEN=1 npx mocha test/unit/cli-golden.test.ts
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers.js';
import { exampleRepository } from './helpers/example-repo.js';
import { buildCli, keyplan, type TempRepo } from './helpers/git-repo.js';

const GOLDEN = path.join(REPO_ROOT, 'test', 'fixtures', 'golden');
const AS_OF = ['--as-of', '2026-11-20'];
const ACCOUNTS = ['east-china-telecom', 'yuanhang-auto', 'qinghe-medical'];

/** name → [args, where: the samples folder or the example repository]. */
const CASES: Record<string, [string[], 'samples' | 'repo']> = {
  'help.txt': [['--help'], 'samples'],
  'check.txt': [['check', ...AS_OF], 'samples'],
  'check.zh-cn.txt': [['check', '--locale', 'zh-cn', ...AS_OF], 'samples'],
  'check.json': [['check', '--format', 'json', ...AS_OF], 'samples'],
  'check.github.txt': [['check', '--format', 'github', ...AS_OF], 'samples'],
  'check.sarif.json': [['check', '--format', 'sarif', ...AS_OF], 'samples'],
  'check.junit.xml': [['check', '--format', 'junit', ...AS_OF], 'samples'],
  'check.quiet.txt': [['check', '--quiet', ...AS_OF], 'samples'],
  'overdue.txt': [['overdue', ...AS_OF], 'samples'],
  'overdue.all-explain.txt': [['overdue', '--all', '--explain', ...AS_OF], 'samples'],
  'overdue.zh-cn.txt': [['overdue', '--all', '--explain', '--locale', 'zh-cn', ...AS_OF], 'samples'],
  'overdue.json': [['overdue', '--all', '--format', 'json', ...AS_OF], 'samples'],
  'overdue.md': [['overdue', '--all', '--format', 'markdown', ...AS_OF], 'samples'],
  'report.txt': [['report', ...AS_OF], 'samples'],
  'report.zh-cn.txt': [['report', '--locale', 'zh-cn', ...AS_OF], 'samples'],
  'report.json': [['report', '--format', 'json', ...AS_OF], 'samples'],
  'report.md': [['report', '--format', 'markdown', ...AS_OF], 'samples'],
  'report.inventory.txt': [['report', '--inventory', ...AS_OF], 'samples'],
  'report.inventory.by-tier.zh-cn.md': [['report', '--inventory', '--by', 'tier', '--format', 'markdown', '--locale', 'zh-cn', ...AS_OF], 'samples'],
  'report.inventory.json': [['report', '--inventory', '--format', 'json', ...AS_OF], 'samples'],
  ...Object.fromEntries(ACCOUNTS.flatMap((a) => [
    [`export.${a}.md`, [['export', a, ...AS_OF], 'samples']],
    [`export.${a}.json`, [['export', a, '--format', 'json', ...AS_OF], 'samples']],
    [`matrix.${a}.txt`, [['matrix', a, ...AS_OF], 'samples']],
    [`matrix.${a}.svg`, [['matrix', a, '--format', 'svg', ...AS_OF], 'samples']],
    [`map.${a}.txt`, [['map', a, ...AS_OF], 'samples']],
  ])),
  'map.east-china-telecom.mermaid.txt': [['map', 'east-china-telecom', '--format', 'mermaid', ...AS_OF], 'samples'],
  'map.east-china-telecom.zh-cn.txt': [['map', 'east-china-telecom', '--locale', 'zh-cn', ...AS_OF], 'samples'],
  'map.yuanhang-auto.svg': [['map', 'yuanhang-auto', '--format', 'svg', ...AS_OF], 'samples'],
  'map.yuanhang-auto.json': [['map', 'yuanhang-auto', '--format', 'json', ...AS_OF], 'samples'],
  'diff.txt': [['diff', 'main', 'plan-update-w47', ...AS_OF], 'repo'],
  'diff.md': [['diff', 'main', 'plan-update-w47', '--format', 'markdown', ...AS_OF], 'repo'],
  'diff.zh-cn.md': [['diff', 'main', 'plan-update-w47', '--format', 'markdown', '--locale', 'zh-cn', ...AS_OF], 'repo'],
  'diff.json': [['diff', 'main', 'plan-update-w47', '--format', 'json', ...AS_OF], 'repo'],
  'history.yuanhang-auto.txt': [['history', 'yuanhang-auto', '--until', 'plan-update-w47', ...AS_OF], 'repo'],
  'history.qinghe-medical.zh-cn.md': [['history', 'qinghe-medical', '--until', 'plan-update-w47', '--format', 'markdown', '--locale', 'zh-cn', ...AS_OF], 'repo'],
  'check.changed-since.github.txt': [['check', '--changed-since', 'main', '--format', 'github', ...AS_OF], 'repo'],
};

describe('CLI golden outputs (byte-identical across refactorings)', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  before(() => {
    buildCli();
    repo = exampleRepository();
    if (process.env.KEYPLAN_UPDATE_GOLDEN) mkdirSync(GOLDEN, { recursive: true });
  });
  after(() => repo?.remove());

  for (const [name, [args, where]] of Object.entries(CASES)) {
    it(`keyplan ${args.join(' ')} (${where}) → ${name}`, () => {
      const cwd = where === 'samples' ? path.join(REPO_ROOT, 'samples') : repo.dir;
      const run = keyplan(args, cwd, { KEYPLAN_TODAY: '2026-11-30' });
      const actual = `exit ${run.status}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
      const file = path.join(GOLDEN, name);
      if (process.env.KEYPLAN_UPDATE_GOLDEN) writeFileSync(file, actual);
      assert.ok(existsSync(file), `${name} is missing: KEYPLAN_UPDATE_GOLDEN=1 npx mocha test/unit/cli-golden.test.ts`);
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }
});
