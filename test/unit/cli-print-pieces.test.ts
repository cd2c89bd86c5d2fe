/**
 * `keyplan check` prints a large output piece by piece (never the whole text at once): the pieces
 * must make the whole output, in whole lines, in few writes (that they are the same characters as
 * the format's text at once is `inPieces`; that they are the same as before, bench/compare-outputs).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/command.js';
import { buildCli, BIN } from './helpers/git-repo.js';

const PEOPLE = 700;

describe('keyplan check prints a large output in pieces', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-pieces-'));
    mkdirSync(path.join(dir, 'accounts/acme/people'), { recursive: true });
    writeFileSync(path.join(dir, 'keyplan.yaml'), 'locale: en\n');
    writeFileSync(path.join(dir, 'accounts/acme/account.md'), '---\nkind: account\nid: acme\nname: Acme\ntier: B\nowner: li\n---\n');
    for (let i = 0; i < PEOPLE; i++) {
      // A stance typo in each: one error per file, with a message of about 150 characters.
      writeFileSync(path.join(dir, `accounts/acme/people/p${i}.md`), `---\nkind: person\nid: p${i}\naccount: acme\nname: 人 ${i}\nstance: suportive\n---\n`);
    }
    // A file name a terminal must not take as a control sequence.
    writeFileSync(path.join(dir, 'accounts/acme/people/evil\u001b[31m.md'), '---\nkind: person\nid: evil\naccount: acme\nname: E\nstance: suportive\n---\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('in whole lines, in few writes, every finding once and the summary last', async () => {
    const writes: string[] = [];
    let stderr = '';
    const io: Io = { stdout: { write: (s: string) => writes.push(s) }, stderr: { write: (s: string) => (stderr += s) }, cwd: dir, env: { PATH: process.env.PATH } };
    const code = await main(['check', '.', '--as-of', '2026-11-20', '--no-color'], io);
    assert.equal(code, 1, stderr);
    const out = writes.join('');
    assert.ok(writes.length > 1 && writes.length <= Math.ceil(out.length / (64 * 1024)) + 1, `${writes.length} writes for ${out.length} characters`);
    for (const w of writes) assert.ok(w.endsWith('\n'), 'every write ends a line');
    const lines = out.split('\n');
    assert.equal(lines.filter((l) => / error schema `suportive`/.test(l)).length, PEOPLE + 1, 'every finding once');
    assert.match(out, /\n\n\S.*\b701 errors?\b.*\n$/, 'the summary last, after a blank line');
    assert.ok(!out.includes('\u001b'), 'no escape character reaches the terminal');
  });

  it('ends quietly, with the status of SIGPIPE, when the reader stops early (keyplan check | head)', () => {
    buildCli();
    // 100 KB of findings: more than a pipe holds, so the write after `head` has gone fails.
    const pipefail = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" check . --as-of 2026-11-20 --no-color | head -c 10`], { cwd: dir, encoding: 'utf8' });
    assert.equal(pipefail.stdout, 'accounts/a');
    assert.equal(pipefail.stderr, '', 'no stack trace, no unhandled error event');
    assert.equal(pipefail.status, 141);
  });
});
