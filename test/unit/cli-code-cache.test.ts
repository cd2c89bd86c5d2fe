/**
 * The CLI's V8 code cache (scripts/cli-code-cache.mjs, bin/keyplan.cjs): the build makes one that
 * this Node takes, the command line answers byte for byte the same with it, without it and with one
 * that does not fit, and a cache is never used with a bundle or data it was not made from.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../helpers.js';
import { buildCli } from './helpers/git-repo.js';

type Loaded = { cli: unknown; cache: 'none' | 'mismatch' | 'rejected' | 'used' };

describe('the command line\'s code cache', () => {
  let dir: string;
  before(() => {
    buildCli();
    // A copy of the built command line (bin/ and dist/), to spoil its cache without touching the checkout's.
    dir = mkdtempSync(path.join(tmpdir(), 'keyplan-code-cache-'));
    for (const sub of ['bin', 'dist']) mkdirSync(path.join(dir, sub));
    copyFileSync(path.join(REPO_ROOT, 'bin', 'keyplan.cjs'), path.join(dir, 'bin', 'keyplan.cjs'));
    copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(dir, 'package.json'));
    for (const f of readdirSync(path.join(REPO_ROOT, 'dist'))) if (/\.cjs(\.cache)?$/.test(f)) copyFileSync(path.join(REPO_ROOT, 'dist', f), path.join(dir, 'dist', f));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cacheOf = (file: string): Loaded['cache'] => {
    const r = spawnSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(path.join(dir, 'bin', 'keyplan.cjs'))}).loadCli(${JSON.stringify(file)}).cache)`], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout as Loaded['cache'];
  };
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'keyplan.cjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const commands = [
    ['check', 'samples', '--as-of', '2026-11-20', '--no-color'],
    ['check', 'samples', '--as-of', '2026-11-20', '--format', 'json'],
    ['report', 'samples', '--as-of', '2026-11-20', '--format', 'json'],
    ['overdue', 'samples', '--as-of', '2026-11-20', '--no-color', '--locale', 'zh-CN'],
  ];

  it('the build leaves a cache this Node takes for the built bundle', () => {
    // In new processes, as commands are (a test process may have changed V8's flags, and V8 then refuses any cache).
    assert.equal(cacheOf(path.join(REPO_ROOT, 'dist', 'cli.cjs')), 'used');
    assert.equal(cacheOf(path.join(dir, 'dist', 'cli.cjs')), 'used');
  });

  it('answers byte for byte the same with the cache, without it, and with a cache that does not fit', () => {
    const file = path.join(dir, 'dist', 'cli.cjs');
    const cache = readFileSync(`${file}.cache`);
    const withCache = commands.map(run);
    for (const r of withCache) assert.ok(r.stdout.length > 100, r.stderr);
    try {
      // Another bundle's cache: its checksum line no longer fits the bundle.
      writeFileSync(file, `${readFileSync(file, 'latin1')}\n// another build\n`, 'latin1');
      assert.equal(cacheOf(file), 'mismatch');
      assert.deepEqual(commands.map(run), withCache);
      // A bundle of the same length with one character changed: V8, which checks the length only,
      // would take the cache; the checksum does not. (`Keyplan` in a message becomes `KeyplaN`.)
      const original = readFileSync(path.join(REPO_ROOT, 'dist', 'cli.cjs'), 'latin1');
      const at = original.lastIndexOf('Keyplan') + 6;
      writeFileSync(file, `${original.slice(0, at)}N${original.slice(at + 1)}`, 'latin1');
      assert.equal(readFileSync(file).length, Buffer.byteLength(original, 'latin1'));
      assert.equal(cacheOf(file), 'mismatch');
    } finally {
      copyFileSync(path.join(REPO_ROOT, 'dist', 'cli.cjs'), file);
    }
    try {
      // Data that is not what the checksum line names (a byte changed on disk): never handed to V8.
      const spoiled = Buffer.from(cache);
      spoiled[spoiled.length - 100] ^= 0xff;
      writeFileSync(`${file}.cache`, spoiled);
      assert.equal(cacheOf(file), 'mismatch');
      assert.deepEqual(commands.map(run), withCache);
      // No cache at all.
      rmSync(`${file}.cache`);
      assert.equal(cacheOf(file), 'none');
      assert.deepEqual(commands.map(run), withCache);
    } finally {
      writeFileSync(`${file}.cache`, cache);
    }
    assert.equal(cacheOf(file), 'used');
  });

  it('a cache made by another Node or under other V8 flags is refused by V8 and the bundle compiled as usual', () => {
    const file = path.join(dir, 'dist', 'cli.cjs');
    const r = spawnSync(process.execPath, ['--no-lazy-feedback-allocation', '-e', `process.stdout.write(require(${JSON.stringify(path.join(dir, 'bin', 'keyplan.cjs'))}).loadCli(${JSON.stringify(file)}).cache)`], { encoding: 'utf8' });
    assert.equal(r.stdout, 'rejected', r.stderr);
    const checked = spawnSync(process.execPath, ['--no-lazy-feedback-allocation', path.join(dir, 'bin', 'keyplan.cjs'), ...commands[1]], { cwd: REPO_ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    assert.equal(checked.stdout, run(commands[1]).stdout);
  });
});
