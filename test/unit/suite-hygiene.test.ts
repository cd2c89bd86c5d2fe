/**
 * The suite's own rules, checked on its source: every test file that runs the built CLI or the
 * bundles builds them first through `buildCli` (so it passes alone, in any order, and while a
 * second run builds in the same checkout: the build renames complete files into place).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers.js';

const UNIT = path.join(REPO_ROOT, 'test', 'unit');

describe('test suite hygiene', () => {
  it('every test file that runs bin/keyplan.cjs or reads dist/ builds through buildCli, never by its own spawn of the build', () => {
    const offenders: string[] = [];
    for (const name of readdirSync(UNIT).filter((n) => n.endsWith('.test.ts') && n !== 'suite-hygiene.test.ts')) {
      const text = readFileSync(path.join(UNIT, name), 'utf8');
      const usesBuild = /keyplan\.cjs|dist\/|keyplan(?:In)?\(\[/.test(text);
      if (usesBuild && (text.match(/\bbuildCli\b/g) ?? []).length < 2) // its import, and a call offenders.push(`${name}: runs the build output without buildCli()`);
      if (/scripts\/build\.mjs|'build\.mjs'/.test(text)) offenders.push(`${name}: spawns the build itself`);
    }
    assert.deepEqual(offenders, []);
  });
});
