/**
 * README examples are real output: the block between two markers must equal what the command
 * printed (commit ids aside). With KEYPLAN_UPDATE_README=1 the block is written instead.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers.js';

const README = path.join(REPO_ROOT, 'README.md');

/** Commit ids depend on when the example repository was built; everything else must match. */
export const withoutShas = (s: string) => s.replace(/\b[0-9a-f]{7,40}\b/g, '<sha>').trim();

/** Asserts that README.md holds `start` + `body` + `end` (compared after `normalize`), or writes it. */
export function assertReadmeBlock(start: string, end: string, body: string, testFile: string, normalize: (s: string) => string = withoutShas): void {
  const readme = readFileSync(README, 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  assert.ok(from >= 0 && to > from, `README.md needs ${start} … ${end}`);
  const block = `${start}\n${body}\n${end}`;
  if (process.env.KEYPLAN_UPDATE_README) writeFileSync(README, readme.slice(0, from) + block + readme.slice(to + end.length));
  else assert.equal(normalize(readme.slice(from, to + end.length)), normalize(block), `README example is stale: KEYPLAN_UPDATE_README=1 npx mocha --no-config --node-option import=tsx --extension ts ${testFile}`);
}
