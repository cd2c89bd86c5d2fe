/**
 * A file over MAX_FILE_BYTES is never read, wherever it comes from (bounded work whatever the
 * workspace holds), and the check still says it skipped it as too large: from disk (the command
 * line and the editor read the same way) and from a git revision (diff, --changed-since, history).
 */
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkWorkspace, MAX_FILE_BYTES } from '../../src/core/check/pipeline.js';
import { loadWorkspaceFiles, readAtMost, readSources } from '../../src/disk/walk.js';
import { findRepo, readBlobsBounded, readRevision, resolveCommit } from '../../src/git/git.js';
import { readHistory } from '../../src/git/history.js';
import { removeDir } from '../helpers.js';
import { TempRepo } from './helpers/git-repo.js';

const AS_OF = '2026-11-20';
const ACME = '---\nkind: account\nid: acme\nname: Acme\ntier: B\nowner: li\n---\n';
const LOG_HEAD = '---\nkind: interaction-log\naccount: acme\n---\n';

describe('files over the size bound are never read', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-oversize-'));
    mkdirSync(path.join(dir, 'accounts/acme'), { recursive: true });
    writeFileSync(path.join(dir, 'accounts/acme/account.md'), ACME);
  });
  afterEach(() => removeDir(dir));

  it('from disk: an 8 GiB log (sparse) costs one fstat, and is skipped as too large, with its size', async () => {
    const huge = path.join(dir, 'accounts/acme/huge.md');
    writeFileSync(huge, LOG_HEAD);
    const size = 8 * 1024 ** 3; // more than a Buffer can hold: reading it whole would fail, not skip
    truncateSync(huge, size);
    const read = await loadWorkspaceFiles(dir);
    assert.deepEqual(read.failed, []);
    const file = read.files.find((f) => f.path === 'accounts/acme/huge.md');
    assert.deepEqual(file && { oversize: file.oversize, bytes: file.content.length }, { oversize: size, bytes: 0 });
    const result = checkWorkspace(read.files, { asOf: AS_OF });
    assert.deepEqual(result.skipped, [{ path: 'accounts/acme/huge.md', reason: 'too-large', detail: `${size} bytes`, bytes: size }]);
    assert.deepEqual(result.documents.map((d) => d.path), ['accounts/acme/account.md']);
    // The editor reads files one batch at a time the same way.
    const again = await readSources(dir, ['accounts/acme/huge.md']);
    assert.equal(again.files[0].oversize, size);
  });

  it('from disk: a keyplan.yaml over the bound is a file that could not be read (EFBIG), never an empty configuration', async () => {
    const config = path.join(dir, 'keyplan.yaml');
    writeFileSync(config, 'locale: zh-cn\n');
    truncateSync(config, MAX_FILE_BYTES + 1);
    const read = await loadWorkspaceFiles(dir);
    assert.deepEqual(read.failed, [{ path: 'keyplan.yaml', error: 'EFBIG' }]);
    assert.ok(!read.files.some((f) => f.path === 'keyplan.yaml'));
    assert.deepEqual((await readSources(dir, ['keyplan.yaml'])).failed, [{ path: 'keyplan.yaml', error: 'EFBIG' }]);
  });

  it('a file that turns out longer than its size said is read to its end, and never past the bound', function () {
    if (process.platform !== 'linux') this.skip();
    // /proc files say they are empty and are not; /dev/zero never ends (a file growing without end).
    const withFd = <T>(file: string, f: (fd: number) => T): T => {
      const fd = openSync(file, 'r');
      try {
        return f(fd);
      } finally {
        closeSync(fd);
      }
    };
    const status = withFd('/proc/self/status', (fd) => readAtMost(fd, 0));
    assert.ok(Buffer.isBuffer(status) && /^Name:/.test(status.toString()) && status.length > 100, 'read to its end, past the size fstat gave');
    assert.deepEqual(withFd('/dev/zero', (fd) => readAtMost(fd, 0)), { oversize: MAX_FILE_BYTES + 1 });
    assert.deepEqual(withFd('/dev/zero', (fd) => readAtMost(fd, 100)), { oversize: MAX_FILE_BYTES + 1 });
  });

  it('from a git revision: a blob over the bound is given with its size and skipped as too large, as in a checkout', async () => {
    const r = new TempRepo({ 'keyplan.yaml': 'locale: en\n', 'accounts/acme/account.md': ACME });
    try {
      const line = `- 2026-11-02 call @x: ${'x'.repeat(100)}\n`;
      const huge = `${LOG_HEAD}${line.repeat(Math.ceil((MAX_FILE_BYTES + 1) / line.length))}`;
      r.write({ 'accounts/acme/huge.md': huge });
      r.git('add', '-A');
      r.git('commit', '-q', '-m', 'a huge log');
      const repo = findRepo(r.dir)!;
      const files = readRevision(repo, resolveCommit(repo, 'HEAD')!);
      const file = files.find((f) => f.path === 'accounts/acme/huge.md');
      const size = Buffer.byteLength(huge);
      assert.deepEqual(file && { oversize: file.oversize, bytes: file.content.length }, { oversize: size, bytes: 0 });
      const atRevision = checkWorkspace(files, { asOf: AS_OF }).skipped;
      assert.deepEqual(atRevision, [{ path: 'accounts/acme/huge.md', reason: 'too-large', detail: `${size} bytes`, bytes: size }]);
      // The same as the checkout says.
      assert.deepEqual(atRevision, checkWorkspace((await loadWorkspaceFiles(r.dir)).files, { asOf: AS_OF }).skipped);
      // A history's changed blobs and --changed-since's old versions are asked their size first.
      const huger = huge + line;
      r.write({ 'accounts/acme/huge.md': huger });
      r.git('commit', '-q', '-am', 'longer');
      const changes = readHistory(repo, { sha: resolveCommit(repo, 'HEAD')! }).flatMap((rev) => rev.changes ?? []).filter((c) => c.path === 'accounts/acme/huge.md');
      assert.deepEqual(changes.map((c) => ({ oversize: c.oversize, bytes: c.content?.length })), [{ oversize: size, bytes: 0 }, { oversize: Buffer.byteLength(huger), bytes: 0 }]);
      const blobs = [...readBlobsBounded(repo, [r.git('rev-parse', 'HEAD~1:accounts/acme/huge.md'), r.git('rev-parse', 'HEAD:accounts/acme/account.md')]).values()];
      assert.deepEqual(blobs.map((b) => (Buffer.isBuffer(b) ? b.toString() : b)), [{ oversize: size }, ACME]);
    } finally {
      removeDir(r.dir);
    }
  });
});

