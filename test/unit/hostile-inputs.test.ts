/**
 * Hostile input: the corpus in test/fixtures/hostile (one test per file, and a test that every
 * file there has one), inputs too large to commit (made here at run time in the temporary
 * folder), the file system's tricks (symbolic-link loops, links out of the workspace, files that
 * vanish or change while a workspace is read) and ids that try to escape the workspace where
 * Keyplan builds a file path. Nothing may crash, hang, leave the workspace or lose data.
 */
import { sayText } from '../../src/core/i18n/cli.js';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkWorkspace, MAX_FILE_BYTES, type CheckResult, type SourceFile } from '../../src/core/check/pipeline.js';
import { appendLogEntry, newLogDocument } from '../../src/core/language/log-entry.js';
import { checkNewId, interactionLogPath, isSafeRelativePath, newAccountFiles, newPersonFile, personFilePath } from '../../src/core/language/templates.js';
import { main, type Io } from '../../src/cli/main.js';
import { listMarkdownFiles, loadWorkspaceFiles, readSources } from '../../src/disk/walk.js';
import { FIXTURES, removeDir, writeTempWorkspace } from '../helpers.js';
import { record } from './helpers/figures.js';
import { checkAndVerify } from './helpers/generators.js';

const AS_OF = '2026-11-20';
const HOSTILE_DIR = path.join(FIXTURES, 'hostile');
const ACME = '---\nkind: account\nid: acme\nname: Acme\ntier: B\nowner: li-na\n---\n';

async function cli(args: string[], cwd: string, stderrWrite?: (s: string) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => { stderr += s; stderrWrite?.(s); }, isTTY: Boolean(stderrWrite) },
    cwd,
    env: {},
  };
  return { code: await main(args, io), stdout, stderr };
}

/**
 * Checks one fixture next to a small valid workspace. No time is asserted (timings belong in the
 * benchmark): each fixture's test asserts the finding that shows the bound which stopped it.
 */
function checkFixture(name: string, as = `accounts/acme/people/${name}`): { result: CheckResult; file: SourceFile } {
  const file: SourceFile = { path: as, content: new Uint8Array(readFileSync(path.join(HOSTILE_DIR, name))) };
  const result = checkAndVerify([{ path: 'accounts/acme/account.md', content: ACME }, file], AS_OF);
  return { result, file };
}

const on = (r: CheckResult, file: string) => r.diagnostics.filter((d) => d.file === file);
const at = (d: { range: { start: { line: number; column: number }; end: { line: number; column: number } } }) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`;

/** The expectation for each committed fixture. */
const FIXTURE_TESTS: Record<string, () => void> = {
  'alias-bomb.md': () => {
    const { result, file } = checkFixture('alias-bomb.md');
    const found = on(result, file.path);
    assert.deepEqual(found.map((d) => d.rule), ['yaml-syntax']);
    assert.match(found[0].message, /alias/i);
  },
  'keyplan-alias-bomb.yaml': () => {
    const { result } = checkFixture('keyplan-alias-bomb.yaml', 'keyplan.yaml');
    assert.deepEqual(on(result, 'keyplan.yaml').map((d) => d.rule), ['yaml-syntax']);
    assert.ok(result.config.channels.includes('visit'), 'the defaults apply');
  },
  'deep-flow-nesting.md': () => {
    const { result, file } = checkFixture('deep-flow-nesting.md');
    assert.deepEqual(on(result, file.path).map((d) => `${d.rule} ${d.message}`), ['yaml-syntax The frontmatter is nested too deeply to be read.']);
  },
  'binary.md': () => {
    const { result, file } = checkFixture('binary.md');
    assert.deepEqual(on(result, file.path), []);
    assert.deepEqual(result.skipped, [{ path: file.path, reason: 'binary' }]);
  },
  'invalid-utf8.md': () => {
    const { result, file } = checkFixture('invalid-utf8.md');
    assert.deepEqual(on(result, file.path).map((d) => `${d.rule} ${at(d)}`), ['encoding 1:1-1:4']);
  },
  'invalid-utf8-note.md': () => {
    const { result, file } = checkFixture('invalid-utf8-note.md');
    assert.deepEqual(on(result, file.path), []);
    assert.deepEqual(result.skipped, [{ path: file.path, reason: 'not-utf8' }]);
  },
  'bom.md': () => {
    // The byte-order mark is not a character of line 1: positions are those an editor shows.
    const { result, file } = checkFixture('bom.md');
    assert.deepEqual(on(result, file.path).filter((d) => d.rule === 'schema').map(at), ['6:9-6:18']);
    assert.ok(result.workspace.people.has('bom'));
  },
  'nul-early.md': () => {
    // A Keyplan document with a NUL byte is read as text (as the editor shows it), with a warning
    // that git will treat it as binary; here the NUL also makes the id invalid.
    const { result, file } = checkFixture('nul-early.md');
    const found = on(result, file.path);
    assert.deepEqual(found.filter((d) => d.rule === 'encoding').map((d) => `${d.severity} ${at(d)}`), ['warning 1:1-1:4']);
    assert.ok(found.some((d) => d.rule === 'schema'), 'the id with a NUL is not a valid id');
    assert.equal(result.skipped.length, 0);
  },
  'nul-late.md': () => {
    const { result, file } = checkFixture('nul-late.md', 'accounts/acme/interactions-2026.md');
    assert.deepEqual(on(result, file.path).filter((d) => d.rule === 'encoding'), [], 'a NUL after the first 8 kB is text');
    assert.ok(result.documents.some((d) => d.path === file.path));
  },
  'crlf.md': () => {
    const { result, file } = checkFixture('crlf.md');
    assert.deepEqual(on(result, file.path).filter((d) => d.rule === 'schema').map(at), ['6:9-6:18']);
  },
  'lone-cr.md': () => {
    const { result, file } = checkFixture('lone-cr.md');
    assert.deepEqual(on(result, file.path).filter((d) => d.rule === 'schema').map(at), ['6:9-6:18']);
    assert.ok(result.workspace.people.has('lone-cr'));
  },
  'mixed-eol.md': () => {
    const { result, file } = checkFixture('mixed-eol.md');
    assert.deepEqual(on(result, file.path).filter((d) => d.rule === 'schema').map(at), ['6:9-6:18']);
    assert.ok(result.workspace.people.has('mixed'));
  },
  'prototype-keys.md': () => {
    const { result, file } = checkFixture('prototype-keys.md');
    const unknown = on(result, file.path).filter((d) => d.rule === 'unknown-field').map((d) => d.message);
    assert.equal(unknown.length, 3, unknown.join('\n'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is untouched');
    assert.equal(Object.getPrototypeOf(result.workspace.people.get('constructor')?.data ?? {}), Object.prototype);
  },
  'path-ids.md': () => {
    const { result, file } = checkFixture('path-ids.md');
    assert.ok(on(result, file.path).filter((d) => d.rule === 'schema').length >= 2);
    // Invalid ids never enter the model, so no path is ever built from them.
    assert.ok(![...result.workspace.accounts.keys(), ...result.workspace.people.keys()].some((id) => id.includes('/') || id.includes('.')));
  },
  'unclosed.md': () => {
    const { result, file } = checkFixture('unclosed.md', 'accounts/acme/account-2.md');
    assert.deepEqual(on(result, file.path).map((d) => `${d.rule} ${at(d)}`), ['yaml-syntax 1:1-1:4']);
  },
  'yaml-tags.md': () => {
    const { result, file } = checkFixture('yaml-tags.md');
    const p = result.workspace.people.get('tags');
    assert.ok(p);
    // Tags name no type Keyplan knows: the values stay text (never a Buffer, Date or Set).
    assert.equal(p.data.name, 'aGVsbG8=');
    assert.equal(p.data.title, '2026-01-01');
    assert.ok(on(result, file.path).some((d) => d.rule === 'schema' && /roles/.test(d.message)));
  },
};

describe('hostile input', function () {
  this.timeout(120_000);

  describe('the corpus in test/fixtures/hostile', () => {
    it('has a test for every file', () => {
      const files = readdirSync(HOSTILE_DIR).filter((f) => f !== 'README.md').sort();
      assert.deepEqual(files, Object.keys(FIXTURE_TESTS).sort());
    });
    for (const [name, test] of Object.entries(FIXTURE_TESTS)) {
      it(name, () => {
        test();
        record('hostile.fixtures-passed');
      });
    }
  });

  describe('too large to commit (made at run time)', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'keyplan-hostile-'));
    });
    after(() => removeDir(dir));

    it('a 50 MB document is over the size bound and skipped with a note; the rest of the workspace is checked', async () => {
      mkdirSync(path.join(dir, 'big/accounts/acme'), { recursive: true });
      writeFileSync(path.join(dir, 'big/accounts/acme/account.md'), ACME);
      const line = `- 2026-11-02 call @x: ${'x'.repeat(100)}\n`;
      const huge = `---\nkind: interaction-log\naccount: acme\n---\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`;
      writeFileSync(path.join(dir, 'big/accounts/acme/huge.md'), huge);
      const size = Buffer.byteLength(huge);
      // The bound: anything over MAX_FILE_BYTES is never parsed, whatever it holds.
      assert.ok(size > MAX_FILE_BYTES && MAX_FILE_BYTES <= 10 * 1024 * 1024, `${size} bytes against a bound of ${MAX_FILE_BYTES}`);
      const started = Date.now();
      const r = await cli(['check', 'big', '--as-of', AS_OF, '--no-color'], dir);
      const ms = Date.now() - started; // a figure for docs/reliability.md (npm run fuzz), not asserted
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, `note: skipped big/accounts/acme/huge.md (larger than the 10 MB a document may have: ${size} bytes)\n`);
      // The account next to it is checked; nothing of the huge log is read (no interaction is logged,
      // and the account has nobody yet: it is onboarding, with the first interaction still to log).
      assert.match(r.stdout, /; 1 document checked\.\n$/);
      assert.match(r.stdout, /^big\/accounts\/acme\/account\.md:\d+:\d+ info account-onboarding Acme is new \(onboarding\)\. Next: .*log a first interaction/m);
      const json = JSON.parse((await cli(['check', 'big', '--format', 'json', '--as-of', AS_OF], dir)).stdout);
      assert.deepEqual(json.skipped, [{ path: 'big/accounts/acme/huge.md', reason: 'too-large', detail: `${size} bytes`, bytes: size }]);
      assert.equal(json.summary.documents, 1);
      // At the bound, a log is read to its last line: notes, then one entry naming an unknown @x.
      const head = '---\nkind: interaction-log\naccount: acme\n---\n';
      const last = '- 2026-11-02 call @x: the last line\n';
      const note = `${'x'.repeat(99)}\n`;
      const notes = Math.floor((MAX_FILE_BYTES - head.length - last.length) / note.length);
      const atBound = `${head}${note.repeat(notes)}${last}`;
      assert.ok(Buffer.byteLength(atBound) <= MAX_FILE_BYTES && Buffer.byteLength(atBound) > MAX_FILE_BYTES - note.length);
      writeFileSync(path.join(dir, 'big/accounts/acme/huge.md'), atBound);
      const read = JSON.parse((await cli(['check', 'big', '--format', 'json', '--as-of', AS_OF], dir)).stdout);
      assert.deepEqual(read.skipped, []);
      assert.equal(read.summary.documents, 2);
      const unknown = read.diagnostics.filter((d: { rule: string }) => d.rule === 'unknown-reference');
      assert.deepEqual(unknown.map((d: { file: string; range: { start: { line: number } } }) => `${d.file}:${d.range.start.line}`), [`big/accounts/acme/huge.md:${5 + notes}`]);
      record('hostile.runtime-passed');
      record('hostile.50mb-ms', ms);
    });

    for (const withCode of [false, true]) {
      it(`a 200 000-line interaction log${withCode ? ' with a fenced code block (CommonMark path)' : ' (line-by-line path)'} is read whole, every entry in its place`, () => {
        const people = ['zhang-wei', 'li-ming'];
        const lines: string[] = [];
        for (let i = 0; i < 200_000; i++) lines.push(`- 2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} call @${people[i % 2]}: entry ${i}`);
        const body = (withCode ? '```\n- 2026-01-01 call @nobody: inside code, not an entry\n```\n' : '') + lines.join('\n') + '\n';
        const started = Date.now();
        const result = checkWorkspace([
          { path: 'accounts/acme/account.md', content: ACME },
          { path: 'accounts/acme/people/zhang-wei.md', content: '---\nkind: person\nid: zhang-wei\naccount: acme\nname: Z\n---\n' },
          { path: 'accounts/acme/people/li-ming.md', content: '---\nkind: person\nid: li-ming\naccount: acme\nname: L\n---\n' },
          { path: 'accounts/acme/interactions-2026.md', content: `---\nkind: interaction-log\naccount: acme\n---\n${body}` },
        ], { asOf: AS_OF });
        const ms = Date.now() - started; // a figure for docs/reliability.md (npm run fuzz), not asserted
        const interactions = result.workspace.accounts.get('acme')!.interactions;
        assert.equal(interactions.length, 200_000);
        assert.ok(!result.diagnostics.some((d) => d.rule === 'unknown-reference'), 'the entry inside the code block is not read');
        // The first and the last entry are read in full and placed on their own lines (the body starts on line 5).
        const bodyLine = 5 + (withCode ? 3 : 0);
        for (const i of [0, 199_999]) {
          const found = interactions.filter((x) => x.summary === `entry ${i}`);
          assert.equal(found.length, 1, `entry ${i}`);
          const [x] = found;
          assert.deepEqual([x.date, x.channel, x.people], [`2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, 'call', [people[i % 2]]]);
          assert.equal(x.doc.bodyRange(x.entry.start, x.entry.end).start.line, bodyLine + i, `entry ${i}`);
        }
        record('hostile.runtime-passed');
        record(withCode ? 'hostile.log-200k-commonmark-ms' : 'hostile.log-200k-lines-ms', ms);
      });
    }

    it('a 1 MB line and 2 000 levels of block nesting', () => {
      const long = checkAndVerify([{ path: 'p.md', content: `---\nkind: person\nid: long\naccount: acme\nname: Long\ntitle: ${'x'.repeat(1_000_000)}\n---\n` }], AS_OF);
      assert.ok(long.workspace.people.has('long'));
      const nested = `---\nkind: person\nid: deep\naccount: acme\nname: Deep\nneeds:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:\n`).join('')}${' '.repeat(2001)}x\n---\n`;
      const deep = checkAndVerify([{ path: 'p.md', content: nested }], AS_OF);
      assert.deepEqual(deep.diagnostics.filter((d) => d.rule === 'yaml-syntax').map((d) => d.message), ['The frontmatter is nested too deeply to be read.']);
      assert.ok(!deep.workspace.people.has('deep'), 'a document too deep to read does not enter the model');
      record('hostile.runtime-passed');
    });
  });

  describe('the file system', () => {
    let dir: string;
    let outside: string;
    beforeEach(() => {
      dir = writeTempWorkspace({ 'accounts/acme/account.md': ACME, 'accounts/acme/people/zhang-wei.md': '---\nkind: person\nid: zhang-wei\naccount: acme\nname: 张伟\n---\n' });
      outside = mkdtempSync(path.join(os.tmpdir(), 'keyplan-outside-'));
      writeFileSync(path.join(outside, 'secret.md'), '---\nkind: person\nid: secret\naccount: acme\nname: TOP-SECRET-OUTSIDE\nstance: leaked-value\n---\n');
      writeFileSync(path.join(outside, 'keyplan.yaml'), 'channels: [TOP-SECRET-CONFIG]\nlocale: zh-cn\n');
    });
    afterEach(() => {
      removeDir(dir);
      removeDir(outside);
    });

    it('a symbolic-link loop and links out of the workspace are not followed (files, folders, keyplan.yaml)', async () => {
      symlinkSync('.', path.join(dir, 'loop'), 'dir');
      symlinkSync(path.join(dir, 'accounts'), path.join(dir, 'accounts/acme/back-up'), 'dir');
      symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'accounts/acme/people/secret.md'));
      symlinkSync(outside, path.join(dir, 'linked-folder'), 'dir');
      symlinkSync(path.join(outside, 'keyplan.yaml'), path.join(dir, 'keyplan.yaml'));
      const listed = await listMarkdownFiles(dir);
      assert.deepEqual(listed, ['accounts/acme/account.md', 'accounts/acme/people/zhang-wei.md']);
      const loaded = await loadWorkspaceFiles(dir);
      assert.deepEqual(loaded.files.map((f) => f.path), listed, 'keyplan.yaml through a link is not read');
      assert.match(loaded.notes.map((n) => sayText('en', n)).join('\n'), /keyplan\.yaml is a symbolic link/);
      for (const format of ['text', 'json', 'github', 'sarif', 'junit']) {
        const r = await cli(['check', '.', '--format', format, '--as-of', AS_OF], dir);
        assert.ok(r.code === 0 || r.code === 1, `${format}: exit ${r.code} ${r.stderr}`);
        assert.ok(!/TOP-SECRET|leaked-value/.test(r.stdout + r.stderr), `${format} shows content from outside the workspace`);
      }
      record('hostile.runtime-passed');
    });

    it('a file deleted between listing and reading is a note, not an error', async () => {
      // 500 files make the walk report progress; the progress callback deletes one listed file.
      const many: Record<string, string> = {};
      // All in the folder of the file to delete: the folder is listed at once, so it is listed.
      for (let i = 0; i < 520; i++) many[`accounts/acme/people/n${String(i).padStart(3, '0')}.md`] = `# note ${i}\n`;
      for (const [rel, content] of Object.entries(many)) {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), content);
      }
      const victim = path.join(dir, 'accounts/acme/people/zhang-wei.md');
      const r = await cli(['check', '.', '--as-of', AS_OF, '--no-color'], dir, (s) => { if (/Reading \d+ files/.test(s) && existsSync(victim)) unlinkSync(victim); });
      assert.ok(!existsSync(victim));
      assert.match(r.stderr, /note: accounts\/acme\/people\/zhang-wei\.md was deleted while the workspace was read; checked without it/);
      assert.notEqual(r.code, 2, r.stderr);
      // And at the level of the reader: vanished, not failed.
      const read = await readSources(dir, ['accounts/acme/account.md', 'accounts/acme/gone.md']);
      assert.deepEqual(read.vanished, ['accounts/acme/gone.md']);
      assert.deepEqual(read.failed, []);
      record('hostile.runtime-passed');
    });

    it('a file replaced by a folder or a link while the workspace is read is an error with a message (exit 2)', async () => {
      const listed = await listMarkdownFiles(dir);
      const target = path.join(dir, 'accounts/acme/people/zhang-wei.md');
      rmSync(target);
      mkdirSync(target);
      let read = await readSources(dir, listed);
      assert.deepEqual(read.failed, [{ path: 'accounts/acme/people/zhang-wei.md', error: 'EISDIR' }]);
      rmSync(target, { recursive: true });
      symlinkSync(path.join(outside, 'secret.md'), target);
      read = await readSources(dir, listed);
      assert.equal(read.failed.length, 1, 'a link that replaced a listed file is not followed');
      assert.ok(!read.files.some((f) => Buffer.from(f.content as Uint8Array).toString().includes('TOP-SECRET')));
      // Through the CLI, as root too: a listed file replaced by a folder while the workspace is
      // read is exit 2 with its name. 520 files make the walk report progress, after the folder
      // holding the file was listed; the progress callback replaces it.
      rmSync(target);
      writeFileSync(target, '---\nkind: person\nid: zhang-wei\naccount: acme\nname: x\n---\n');
      for (let i = 0; i < 520; i++) writeFileSync(path.join(dir, `accounts/acme/people/n${String(i).padStart(3, '0')}.md`), `# note ${i}\n`);
      let replaced = false;
      const swapped = await cli(['check', '.', '--as-of', AS_OF, '--no-color'], dir, (s) => {
        if (/Reading \d+ files/.test(s) && !replaced) {
          rmSync(target);
          mkdirSync(target);
          replaced = true;
        }
      });
      assert.ok(replaced, 'the walk reported progress');
      assert.equal(swapped.code, 2, swapped.stderr);
      assert.match(swapped.stderr, /could not read accounts\/acme\/people\/zhang-wei\.md \(EISDIR\)/);
      // And an unreadable file, where permissions can make one (not as root): exit 2 with its name.
      rmSync(target, { recursive: true });
      writeFileSync(target, '---\nkind: person\nid: zhang-wei\naccount: acme\nname: x\n---\n', { mode: 0o000 });
      const r = await cli(['check', '.', '--as-of', AS_OF], dir);
      if (process.getuid?.() === 0) assert.equal(r.code, 0, `root reads any file: ${r.stderr}`);
      else {
        assert.equal(r.code, 2);
        assert.match(r.stderr, /could not read accounts\/acme\/people\/zhang-wei\.md \(EACCES\)/);
      }
      record('hostile.runtime-passed');
    });
  });

  describe('ids used to build file paths', () => {
    const HOSTILE_IDS = ['../../etc/passwd', '..', '.', 'a/b', 'a\\b', '/etc/passwd', 'C:evil', 'con', 'CON', 'nul', 'com1', 'lpt9', 'aux', 'prn', 'with space', 'Zhang', 'zhang_wei', '-x', 'x-', 'a--b', '', 'a'.repeat(65), 'é', '张伟', 'x\u0000y', 'x\ny', '%2e%2e'];

    it('checkNewId rejects every hostile id, and New Account / New Person say why, clearly', () => {
      for (const id of HOSTILE_IDS) {
        assert.ok(checkNewId(id), JSON.stringify(id));
        assert.throws(() => newPersonFile({ id, account: 'acme', name: 'x' }), (err: Error) => err.message.startsWith(`invalid person id ${JSON.stringify(id)}: `) && err.message.length > 30, id);
        assert.throws(() => newAccountFiles({ id, name: 'x', tier: 'A', owner: 'li-na', created: '2026-11-30' }), /^Error: invalid account id/, id);
      }
      assert.throws(() => newPersonFile({ id: '../x', account: 'acme', name: 'x' }), /lowercase letters a–z, digits and single hyphens/);
      assert.throws(() => newPersonFile({ id: 'con', account: 'acme', name: 'x' }), /reserved by Windows/);
      record('hostile.ids-rejected', HOSTILE_IDS.length);
    });

    it('Log Interaction and New Person build paths only inside the workspace', () => {
      for (const id of HOSTILE_IDS) {
        assert.throws(() => interactionLogPath(id, 2026), /invalid account id/, id);
        assert.throws(() => personFilePath('acme', id), /invalid person id/, id);
        assert.throws(() => newLogDocument(id, 2026), /invalid account id/, id);
      }
      for (const docPath of ['../outside/account.md', '/etc/account.md', 'accounts/../../x/account.md', 'C:/x/account.md', 'a\\..\\b/account.md']) {
        assert.throws(() => interactionLogPath('acme', 2026, docPath), /not inside the workspace/, docPath);
      }
      assert.equal(interactionLogPath('acme', 2026), 'accounts/acme/interactions-2026.md');
      assert.equal(interactionLogPath('acme', 2026, 'clients/acme/plan.md'), 'clients/acme/interactions-2026.md');
      assert.equal(personFilePath('acme', 'zhang-wei', 'clients/acme/plan.md'), 'clients/acme/people/zhang-wei.md');
      for (const p of [interactionLogPath('acme', 2026), personFilePath('acme', 'zhang-wei')]) assert.ok(isSafeRelativePath(p));
      // A log entry cannot smuggle a line (or a mention of a bad id) into the file.
      assert.throws(() => appendLogEntry('', { date: AS_OF, channel: 'call', people: ['../x'], summary: 'x' }));
      assert.throws(() => appendLogEntry('', { date: AS_OF, channel: 'call\n- 2026', people: ['a'], summary: 'x' }));
    });

    it('a hostile id in a plan file never reaches a path: the CLI writes nothing outside the workspace', async () => {
      // The workspace sits alone in a folder of its own, so "next to it" is not the shared temp folder
      // other processes write in.
      const parent = writeTempWorkspace({});
      const dir = path.join(parent, 'ws');
      for (const [rel, content] of Object.entries({ 'accounts/acme/account.md': ACME, 'evil.md': readFileSync(path.join(HOSTILE_DIR, 'path-ids.md'), 'utf8') })) {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), content);
      }
      try {
        const out = path.join(dir, 'out');
        mkdirSync(out);
        const r = await cli(['matrix', 'acme', '.', '--svg', 'out/acme.svg', '--as-of', AS_OF], dir);
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(readdirSync(out), ['acme.svg']);
        assert.deepEqual(readdirSync(parent), ['ws'], 'nothing new next to the workspace');
      } finally {
        removeDir(parent);
      }
    });
  });
});
