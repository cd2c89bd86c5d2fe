/**
 * The README's `keyplan history` example is real output: this test builds the same four months of
 * 华东电信's plan (test/unit/helpers/example-repo.ts) in a temporary repository, runs the command
 * and compares with the README. After a deliberate change, regenerate the block with
 *   KEYPLAN_UPDATE_README=1 npx mocha test/unit/history-readme.test.ts
 */
import assert from 'node:assert/strict';
import { historyExampleRepository } from './helpers/example-repo.js';
import { buildCli, keyplan, type TempRepo } from './helpers/git-repo.js';
import { assertReadmeBlock } from './helpers/readme-block.js';

const START = '<!-- history-example:start -->';
const END = '<!-- history-example:end -->';
const COMMAND = ['history', 'east-china-telecom', '--since', '2026-09-01', '--as-of', '2026-11-20'];

describe('README: the history example is real `keyplan history` output', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let output: string;
  before(() => {
    buildCli();
    repo = historyExampleRepository();
    const r = keyplan(COMMAND, repo.dir);
    assert.equal(r.status, 0, r.stderr);
    output = r.stdout;
  });
  after(() => repo?.remove());

  it('matches the block in README.md', () => {
    assertReadmeBlock(START, END, `\`\`\`\n$ keyplan ${COMMAND.join(' ')}\n${output.trimEnd()}\n\`\`\``, 'test/unit/history-readme.test.ts');
  });

  it('dates each move with its commit', () => {
    assert.match(output, /^2026-09-15 张伟 neutral → supporter ▲ · 李娜: QBR 后更新立场$/m);
    assert.match(output, /张伟 +neutral ·4 \(2026-08-03\) → supporter ·4 \(2026-09-15\) → champion ·4 \(2026-11-03\)/);
  });
});
