/**
 * The property `keyplan check --changed-since` rests on: for random pull-request-like changes to a
 * generated workspace (edits, renames, deletions, new files, escaped ids, ignore and config
 * changes), the scoped check's findings equal the full check's on the files it reports on, every
 * file whose findings the change alters is reported on, and its exit code is never lower than the
 * full check's on those files. `npm test` runs a few dozen seeded cases; `npm run fuzz` scales them
 * by KEYPLAN_FUZZ_SCALE (and KEYPLAN_FUZZ_SEED replays a seed).
 */
import assert from 'node:assert/strict';
import { affectedScope, isIgnoreFile } from '../../src/core/check/affected.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { alteredFiles, AS_OF, checkProperty, escaped, exitOf, generator, sources, unreadableCases, workspace } from './helpers/changed-since-gen.js';
import { record } from './helpers/figures.js';
import { runs } from './helpers/generators.js';
import { buildCli, keyplan, TempRepo } from './helpers/git-repo.js';

describe('keyplan check --changed-since: never more lenient than a full check (property)', () => {
  it('random pull-request-like changes (seeded; more under npm run fuzz)', function () {
    const cases = runs(30);
    this.timeout(60_000 + cases * 3_000);
    const seed0 = Number(process.env.KEYPLAN_FUZZ_SEED ?? 20261130);
    const base = workspace();
    for (let i = 0; i < cases; i++) {
      const { rnd, mutate } = generator(seed0 + i);
      let before = base;
      for (let k = 0; k < 4; k++) before = mutate(before);
      let after = before;
      for (let k = 0, n = 1 + rnd(3); k < n; k++) after = mutate(after);
      try {
        checkProperty(before, after);
      } catch (err) {
        (err as Error).message = `case ${i} (KEYPLAN_FUZZ_SEED=${seed0 + i} reproduces it as case 0): ${(err as Error).message}`;
        throw err;
      }
    }
    record('fuzz.changed-since', cases);
  });

  it('a document the check cannot read (broken YAML, not UTF-8) still counts for its account and its id', () => {
    for (const c of unreadableCases()) {
      try {
        checkProperty(c.before, c.after);
      } catch (err) {
        (err as Error).message = `${c.name}: ${(err as Error).message}`;
        throw err;
      }
    }
  });

  it('an escaped id and an ignore-file change are each seen', () => {
    const base = workspace();
    // A person whose id is written with escapes is deleted: the plan of another account that lists it changes.
    const b: Record<string, string> = { ...base, 'accounts/south/relationship-plan-2026.md': base['accounts/south/relationship-plan-2026.md'].replace('contacts:\n', `contacts:\n  - {person: ${escaped('li-west')}, layer: key}\n`) };
    const a: Record<string, string> = { ...b };
    delete a['accounts/west/people/li-west.md'];
    checkProperty(b, a);
    assert.ok(isIgnoreFile('a/b/.gitignore') && isIgnoreFile('.gitignore') && !isIgnoreFile('x.gitignore'));
    const scope = affectedScope(sources(base), [{ path: 'accounts/.gitignore' }]);
    assert.equal(scope.full, true);
    assert.match(scope.reason!, /accounts\/\.gitignore changed/);
  });
});

describe('keyplan check --changed-since: the property through git and the CLI', function () {
  this.timeout(120_000);
  before(() => buildCli());
  type Json = { diagnostics: Diagnostic[]; scope?: { files: string[] } };

  it('random pull-request-like changes, committed and in the working tree (seeded; more under npm run fuzz)', function () {
    const cases = runs(3);
    this.timeout(60_000 + cases * 20_000);
    const seed0 = Number(process.env.KEYPLAN_FUZZ_SEED ?? 20261201);
    for (let i = 0; i < cases; i++) {
      const { rnd, mutate } = generator(seed0 + i);
      let before = workspace();
      for (let k = 0; k < 3; k++) before = mutate(before);
      let after = before;
      for (let k = 0, n = 1 + rnd(3); k < n; k++) after = mutate(after);
      const repo = new TempRepo(before);
      try {
        const base = repo.commit('base');
        const edits: Record<string, string | null> = {};
        for (const p of new Set([...Object.keys(before), ...Object.keys(after)])) if (before[p] !== after[p]) edits[p] = after[p] ?? null;
        // Half the cases commit the change, half leave it in the working tree (untracked files included).
        if (rnd(2)) repo.commit('pr', edits);
        else repo.write(edits);
        const run = (args: string[]) => {
          const r = keyplan(['check', '--format', 'json', '--as-of', AS_OF, ...args], repo.dir);
          return { status: r.status, stderr: r.stderr, json: JSON.parse(r.stdout) as Json };
        };
        const full = run([]);
        const scoped = run(['--changed-since', base]);
        const files = new Set(scoped.json.scope!.files);
        const context = `case ${i} (seed ${seed0 + i}): ${Object.keys(edits).join(', ')}\n${scoped.stderr}`;
        assert.deepEqual(scoped.json.diagnostics, full.json.diagnostics.filter((d) => files.has(d.file)), context);
        const altered = alteredFiles(before, after);
        for (const p of altered) assert.ok(files.has(p), `${p} not checked; ${context}`);
        assert.ok((scoped.status ?? 9) >= exitOf(full.json.diagnostics.filter((d) => altered.includes(d.file))), context);
      } finally {
        repo.remove();
      }
    }
    record('fuzz.changed-since-git', cases);
  });
});
