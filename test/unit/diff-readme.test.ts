/**
 * The README's "Reviewing plans in pull requests" example is real output: this test builds the
 * same two-commit history from samples/ in a temporary repository, runs `keyplan diff` and compares
 * with the README. After a deliberate change to the samples or the output, regenerate the block with
 *   KEYPLAN_UPDATE_README=1 npx mocha test/unit/diff-readme.test.ts
 */
import assert from 'node:assert/strict';
import { exampleRepository } from './helpers/example-repo.js';
import { buildCli, keyplan, type TempRepo } from './helpers/git-repo.js';
import { assertReadmeBlock } from './helpers/readme-block.js';

const START = '<!-- diff-example:start -->';
const END = '<!-- diff-example:end -->';
const MAP_START = '<!-- map-example:start -->';
const MAP_END = '<!-- map-example:end -->';
const EXAMPLE_COMMAND = ['diff', 'main', 'plan-update-w47', '--format', 'markdown', '--as-of', '2026-11-20'];

describe('README: the pull-request example is real `keyplan diff` output', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let output: string;
  before(() => {
    buildCli();
    repo = exampleRepository();
    const r = keyplan(EXAMPLE_COMMAND, repo.dir);
    assert.equal(r.status, 0, r.stderr);
    output = r.stdout;
  });
  after(() => repo?.remove());

  it('matches the block in README.md', () => {
    assertReadmeBlock(START, END, `\`\`\`\`markdown\n${output.trimEnd()}\n\`\`\`\``, 'test/unit/diff-readme.test.ts');
  });

  it('shows the chart GitHub draws from the example: the changed part of 远航汽车\'s decision chain after the update', () => {
    // The last Mermaid chart of the comment: 远航汽车 after the update.
    const charts = [...output.matchAll(/```mermaid\n[\s\S]*?```/g)].map((m) => m[0]);
    assert.equal(charts.length, 2, 'one account changed its lines: a chart before and one after');
    assertReadmeBlock(MAP_START, MAP_END, charts[1], 'test/unit/diff-readme.test.ts', (s: string) => s);
  });

  it('shows every kind of change the example makes, and no personal notes', () => {
    for (const expected of [
      '王芳 moved neutral → supporter ▲',
      '林国华 moved neutral → skeptic ▼',
      'new EB: 高峰',
      'resolved: log-entry-malformed, schema, interaction-overdue',
      'back on track: 高峰, 唐丽',
      '| 马军 | removed from the plan |',
      'personal notes changed',
      '**Decision chain**: 2 added, 1 removed',
      '- 🆕 何平 → 高峰 (reports to)',
      '  p_tang_li -. strong .-> p_gao_feng',
    ]) assert.ok(output.includes(expected), expected);
    for (const secret of ['免费试用', '控制成本']) assert.ok(!output.includes(secret), secret);
  });
});
