/**
 * Issue #14, "false all-clear": the CLI must never look reassuring when it is not — an owner or tier
 * that matches nothing is an error, dark accounts are listed by `overdue`, `report`'s count line
 * counts what it lists, and the PR comment lists every file of identical findings.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../helpers.js';

const BIN = path.join(REPO_ROOT, 'bin', 'keyplan.cjs');
const SAMPLES = path.join(REPO_ROOT, 'samples');
const AS_OF = ['--as-of', '2026-11-20'];

function keyplan(args: string[], cwd = SAMPLES): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'KEYPLAN_LOCALE', 'KEYPLAN_TODAY', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'TERM']) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('false all-clear: report', () => {
  it('the "N findings" line of each account counts exactly the findings it lists (infos and both places of a finding included)', () => {
    const r = keyplan(['report', ...AS_OF]);
    assert.equal(r.status, 0, r.stderr);
    const blocks = r.stdout.split('\n\n').slice(1);
    assert.equal(blocks.length, 3);
    for (const block of blocks) {
      const lines = block.split('\n');
      const countLine = lines.find((l) => /^ {2}\d+ findings? \(/.test(l));
      assert.ok(countLine, block);
      const [, total, errors, warnings, infos] = /(\d+) findings? \((\d+) errors?, (\d+) warnings?, (\d+) info\)/.exec(countLine)!.map(Number);
      const listed = lines.filter((l) => l.startsWith('  - '));
      assert.equal(listed.length, total, block);
      assert.equal(listed.filter((l) => l.startsWith('  - error ')).length, errors);
      assert.equal(listed.filter((l) => l.startsWith('  - warning ')).length, warnings);
      assert.equal(listed.filter((l) => l.startsWith('  - info ')).length, infos);
    }
  });
});
