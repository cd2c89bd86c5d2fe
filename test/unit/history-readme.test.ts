/**
 * The README's `keyplan history` example is real output: this test builds the same four months of
 * 华东电信's plan (test/unit/helpers/example-repo.ts) in a temporary repository, runs the command
 * and compares with the README. After a deliberate change, regenerate the block with
 *   KEYPLAN_UPDATE_README=1 npx mocha test/unit/history-readme.test.ts
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers.js';
import { historyExampleRepository } from './helpers/example-repo.js';
import { buildCli, keyplan, type TempRepo } from './helpers/git-repo.js';

const README = path.join(REPO_ROOT, 'README.md');
const START = '<!-- history-example:start -->';
const END = '<!-- history-example:end -->';
const COMMAND = ['history', 'east-china-telecom', '--since', '2026-09-01', '--as-of', '2026-11-20'];
const normalize = (s: string) => s.replace(/\b[0-9a-f]{7,40}\b/g, '<sha>').trim();

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
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    assert.ok(start >= 0 && end > start, `README.md needs ${START} … ${END}`);
    const block = `${START}\n\`\`\`\n$ keyplan ${COMMAND.join(' ')}\n${output.trimEnd()}\n\`\`\`\n${END}`;
    if (process.env.KEYPLAN_UPDATE_README) writeFileSync(README, readme.slice(0, start) + block + readme.slice(end + END.length));
    else assert.equal(normalize(readme.slice(start, end + END.length)), normalize(block), 'README example is stale: KEYPLAN_UPDATE_README=1 npx mocha test/unit/history-readme.test.ts');
  });

  it('dates each move with its commit', () => {
    assert.match(output, /^2026-09-15 张伟 neutral → supporter ▲ · 李娜: QBR 后更新立场$/m);
    assert.match(output, /张伟 +neutral ·4 \(2026-08-03\) → supporter ·4 \(2026-09-15\) → champion ·4 \(2026-11-03\)/);
  });
});
