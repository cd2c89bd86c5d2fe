/**
 * The CLI writes only where it is asked to (`matrix --svg`, `diff --matrix-dir`, `export --out`),
 * atomically, never through a symbolic link, never over a file it did not write unless --force,
 * and not at all when the target changed while it was writing. Every other command writes nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main, type Io } from '../../src/cli/main.js';
import { sealContent, sealState, WriteRefused, writeOutputFile } from '../../src/cli/write.js';
import { removeDir, REPO_ROOT, unprivileged, writeTempWorkspace } from '../helpers.js';
import { buildCli, TempRepo } from './helpers/git-repo.js';

const AS_OF = '2026-11-20';
const WORKSPACE = {
  'keyplan.yaml': 'locale: en\n',
  'accounts/acme/account.md': '---\nkind: account\nid: acme\nname: Acme\ntier: A\nowner: li-na\n---\n',
  'accounts/acme/people/zhang-wei.md': '---\nkind: person\nid: zhang-wei\naccount: acme\nname: 张伟\nroles: [EB]\nstance: neutral\ninfluence: 4\n---\n',
};

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, cwd, env: {} };
  return { code: await main(args, io), stdout, stderr };
}

/** Every path under `dir` with its size and modification time (links not followed). */
function tree(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(path.join(dir, rel))) {
    if (name === '.git') continue;
    const p = rel ? `${rel}/${name}` : name;
    const st = lstatSync(path.join(dir, p));
    if (st.isDirectory()) Object.assign(out, tree(dir, p));
    else out[p] = `${st.size}:${st.mtimeMs}`;
  }
  return out;
}

describe('CLI writes', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => buildCli());
  beforeEach(() => {
    dir = writeTempWorkspace(WORKSPACE);
  });
  afterEach(() => removeDir(dir));

  it('check, overdue, report, matrix (to stdout) and export (to stdout) write nothing at all', async () => {
    const before = tree(dir);
    for (const args of [['check', '.'], ['check', '.', '--format', 'sarif'], ['overdue', '.'], ['report', '.', '--format', 'json'], ['matrix', 'acme', '.', '--format', 'svg'], ['export', '.'], ['export', 'acme', '--format', 'json']]) {
      const r = await cli([...args, '--as-of', AS_OF], dir);
      assert.ok(r.code === 0 || r.code === 1, `${args.join(' ')}: ${r.stderr}`);
    }
    assert.deepEqual(tree(dir), before);
  });

  it('matrix --svg writes the file it was given, and only it (no temporary file left)', async () => {
    const before = tree(dir);
    const r = await cli(['matrix', 'acme', '.', '--svg', 'acme.svg', '--as-of', AS_OF], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(Object.keys(tree(dir)).sort(), [...Object.keys(before), 'acme.svg'].sort());
    assert.match(readFileSync(path.join(dir, 'acme.svg'), 'utf8'), /^<svg [^>]*class="kp-matrix"/);
    // Its own earlier output is replaced without --force; once edited, only with --force.
    assert.equal((await cli(['matrix', 'acme', '.', '--svg', 'acme.svg', '--as-of', AS_OF], dir)).code, 0);
    writeFileSync(path.join(dir, 'acme.svg'), readFileSync(path.join(dir, 'acme.svg'), 'utf8').replace('</svg>', '<!-- old --></svg>'));
    const edited = await cli(['matrix', 'acme', '.', '--svg', 'acme.svg', '--as-of', AS_OF], dir);
    assert.equal(edited.code, 2);
    assert.match(edited.stderr, /acme\.svg was edited since Keyplan wrote it; not overwriting the edits \(use --force to replace it\)/);
    assert.equal((await cli(['matrix', 'acme', '.', '--svg', 'acme.svg', '--force', '--as-of', AS_OF], dir)).code, 0);
    assert.ok(!readFileSync(path.join(dir, 'acme.svg'), 'utf8').includes('<!-- old -->'));
  });

  it('refuses to overwrite a file Keyplan did not write, unless --force', async () => {
    writeFileSync(path.join(dir, 'notes.svg'), 'my drawing');
    const r = await cli(['matrix', 'acme', '.', '--svg', 'notes.svg', '--as-of', AS_OF], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /notes\.svg exists and was not written by Keyplan; not overwriting it \(use --force to replace it\)/);
    assert.equal(readFileSync(path.join(dir, 'notes.svg'), 'utf8'), 'my drawing');
    assert.equal((await cli(['matrix', 'acme', '.', '--svg', 'notes.svg', '--force', '--as-of', AS_OF], dir)).code, 0);
    assert.match(readFileSync(path.join(dir, 'notes.svg'), 'utf8'), /^<svg /);
    // The same for export --out, whose own earlier output (Markdown or JSON) it recognises.
    writeFileSync(path.join(dir, 'brief.md'), '# My own brief\n');
    const e = await cli(['export', 'acme', '--out', 'brief.md', '--as-of', AS_OF], dir);
    assert.equal(e.code, 2);
    assert.equal(readFileSync(path.join(dir, 'brief.md'), 'utf8'), '# My own brief\n');
    for (const format of ['markdown', 'json']) {
      const file = `brief.${format}`;
      assert.equal((await cli(['export', 'acme', '--format', format, '--out', file, '--as-of', AS_OF], dir)).code, 0);
      const again = await cli(['export', 'acme', '--format', format, '--out', file, '--as-of', AS_OF], dir);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, new RegExp(`Wrote ${file.replace('.', '\\.')} \\(1 account, sensitive personal notes left out\\)`));
    }
  });

  it('never writes through a symbolic link (and --force replaces the link, not what it points to)', async () => {
    mkdirSync(path.join(dir, 'elsewhere'));
    writeFileSync(path.join(dir, 'elsewhere/precious.txt'), 'precious');
    symlinkSync(path.join(dir, 'elsewhere/precious.txt'), path.join(dir, 'link.svg'));
    const r = await cli(['matrix', 'acme', '.', '--svg', 'link.svg', '--as-of', AS_OF], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /symbolic link/);
    assert.equal(readFileSync(path.join(dir, 'elsewhere/precious.txt'), 'utf8'), 'precious');
    assert.equal((await cli(['matrix', 'acme', '.', '--svg', 'link.svg', '--force', '--as-of', AS_OF], dir)).code, 0);
    assert.equal(readFileSync(path.join(dir, 'elsewhere/precious.txt'), 'utf8'), 'precious');
    assert.ok(lstatSync(path.join(dir, 'link.svg')).isFile());
    assert.throws(() => readlinkSync(path.join(dir, 'link.svg')));
  });

  it('a folder as the target is refused', async () => {
    mkdirSync(path.join(dir, 'out.svg'));
    const r = await cli(['matrix', 'acme', '.', '--svg', 'out.svg', '--as-of', AS_OF], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is a folder/);
    assert.ok(statSync(path.join(dir, 'out.svg')).isDirectory());
  });

  it('if the target changes while Keyplan writes, nothing is written and the user is told', async () => {
    const target = path.join(dir, 'acme.svg');
    await writeOutputFile(target, '<svg class="kp-matrix">v1</svg>\n', { seal: 'comment' });
    await assert.rejects(
      writeOutputFile(target, '<svg class="kp-matrix">v2</svg>\n', { seal: 'comment', what: 'svg', beforeRename: () => writeFileSync(target, 'edited by someone else\n') }),
      (err: Error) => err instanceof WriteRefused && /changed on disk while Keyplan was writing the SVG; nothing was written/.test(err.message),
    );
    assert.equal(readFileSync(target, 'utf8'), 'edited by someone else\n');
    // A file that appears at the target meanwhile is kept too.
    const fresh = path.join(dir, 'new.svg');
    await assert.rejects(writeOutputFile(fresh, 'x', { seal: 'comment', beforeRename: () => writeFileSync(fresh, 'theirs') }), WriteRefused);
    assert.equal(readFileSync(fresh, 'utf8'), 'theirs');
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left behind');
  });

  it('diff --matrix-dir writes only <account>.before.svg / .after.svg into the folder, and refuses foreign files there', async () => {
    const repo = new TempRepo(WORKSPACE);
    try {
      repo.git('add', '-A');
      repo.git('commit', '-q', '-m', 'base');
      repo.write({ 'accounts/acme/people/zhang-wei.md': WORKSPACE['accounts/acme/people/zhang-wei.md'].replace('stance: neutral', 'stance: supporter') });
      const r = await cli(['diff', 'HEAD', '--format', 'markdown', '--matrix-dir', 'm', '--as-of', AS_OF], repo.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(readdirSync(path.join(repo.dir, 'm')).sort(), ['acme.after.svg', 'acme.before.svg']);
      writeFileSync(path.join(repo.dir, 'm/acme.before.svg'), 'not ours');
      const again = await cli(['diff', 'HEAD', '--format', 'markdown', '--matrix-dir', 'm', '--as-of', AS_OF], repo.dir);
      assert.equal(again.code, 2);
      assert.equal(readFileSync(path.join(repo.dir, 'm/acme.before.svg'), 'utf8'), 'not ours');
      assert.equal((await cli(['diff', 'HEAD', '--format', 'markdown', '--matrix-dir', 'm', '--force', '--as-of', AS_OF], repo.dir)).code, 0);
    } finally {
      removeDir(repo.dir);
    }
  });

  it('only regular files are replaced: a FIFO or a device node at the target is refused, even with --force', async function () {
    const fifo = path.join(dir, 'pipe.svg');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    for (const force of [[], ['--force']]) {
      const r = await cli(['matrix', 'acme', '.', '--svg', 'pipe.svg', ...force, '--as-of', AS_OF], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /pipe\.svg is a named pipe \(FIFO\); Keyplan only ever replaces regular files, even with --force/);
      assert.ok(lstatSync(fifo).isFIFO());
    }
    const device = path.join(dir, 'null.md');
    if (spawnSync('mknod', [device, 'c', '1', '3']).status === 0) {
      const r = await cli(['export', 'acme', '--out', 'null.md', '--force', '--as-of', AS_OF], dir);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /null\.md is a character device; Keyplan only ever replaces regular files/);
      assert.ok(lstatSync(device).isCharacterDevice());
    }
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.keyplan-lock')), []);
  });

  it('ownership is a seal of the content, not the first line: edited or look-alike files need --force', async () => {
    for (const [format, file] of [['markdown', 'brief.md'], ['json', 'brief.json']]) {
      const first = await cli(['export', 'acme', '--format', format, '--out', file, '--as-of', AS_OF], dir);
      assert.equal(first.code, 0, first.stderr);
      const written = readFileSync(path.join(dir, file), 'utf8');
      assert.equal(sealState(written, format === 'json' ? 'json' : 'comment'), 'sealed');
      if (format === 'json') assert.match(JSON.parse(written)['keyplan-sha256'], /^[0-9a-f]{64}$/, 'the seal is a field; the file is still JSON');
      // The seal is only in files: stdout is unchanged.
      const stdout = (await cli(['export', 'acme', '--format', format, '--as-of', AS_OF], dir)).stdout;
      assert.ok(!stdout.includes('keyplan-sha256'));
      // Hand-added notes are kept.
      const edited = format === 'json' ? written.replace('"acme"', '"acme (checked by hand)"') : written.replace('### Health', 'My notes: call Wei on Monday.\n\n### Health');
      assert.notEqual(edited, written);
      writeFileSync(path.join(dir, file), edited);
      const r = await cli(['export', 'acme', '--format', format, '--out', file, '--as-of', AS_OF], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, new RegExp(`${file.replace('.', '\\.')} was edited since Keyplan wrote it; not overwriting the edits \\(use --force to replace it\\)`));
      assert.equal(readFileSync(path.join(dir, file), 'utf8'), edited);
      assert.equal((await cli(['export', 'acme', '--format', format, '--out', file, '--force', '--as-of', AS_OF], dir)).code, 0);
      assert.equal(readFileSync(path.join(dir, file), 'utf8'), written);
    }
    // Notes that start with a copied first line (or name the generator) are not ours.
    const brief = readFileSync(path.join(dir, 'brief.md'), 'utf8');
    writeFileSync(path.join(dir, 'notes.md'), brief.split('\n')[0] + '\nMy own notes.\n');
    writeFileSync(path.join(dir, 'notes.json'), '{"generator": "keyplan export", "mine": true}\n');
    writeFileSync(path.join(dir, 'notes.svg'), '<svg xmlns="http://www.w3.org/2000/svg" class="kp-matrix"><!-- my drawing --></svg>\n');
    for (const [args, file, content] of [
      [['export', 'acme', '--out', 'notes.md'], 'notes.md', readFileSync(path.join(dir, 'notes.md'), 'utf8')],
      [['export', 'acme', '--format', 'json', '--out', 'notes.json'], 'notes.json', readFileSync(path.join(dir, 'notes.json'), 'utf8')],
      [['matrix', 'acme', '.', '--svg', 'notes.svg'], 'notes.svg', readFileSync(path.join(dir, 'notes.svg'), 'utf8')],
    ] as const) {
      const r = await cli([...args, '--as-of', AS_OF], dir);
      assert.equal(r.code, 2, `${file}: ${r.stdout}`);
      assert.match(r.stderr, /exists and was not written by Keyplan; not overwriting it/);
      assert.equal(readFileSync(path.join(dir, file), 'utf8'), content);
    }
    // A seal copied onto other content does not match it.
    const sealed = sealContent('<svg class="kp-matrix"></svg>\n', 'comment');
    assert.equal(sealState(sealed, 'comment'), 'sealed');
    assert.equal(sealState('<!-- mine -->\n' + sealed, 'comment'), 'edited');
    assert.equal(sealState(sealed.replace('<svg', '<svg id="x"'), 'comment'), 'edited');
  });

  it("re-export keeps the existing file's permissions (a 0600 brief stays 0600)", async () => {
    assert.equal((await cli(['export', 'acme', '--out', 'brief.md', '--as-of', AS_OF], dir)).code, 0);
    chmodSync(path.join(dir, 'brief.md'), 0o600);
    const r = await cli(['export', 'acme', '--out', 'brief.md', '--as-of', AS_OF], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(statSync(path.join(dir, 'brief.md')).mode & 0o7777, 0o600);
    chmodSync(path.join(dir, 'brief.md'), 0o640);
    assert.equal((await cli(['export', 'acme', '--out', 'brief.md', '--force', '--as-of', AS_OF], dir)).code, 0);
    assert.equal(statSync(path.join(dir, 'brief.md')).mode & 0o7777, 0o640);
  });

  it('never writes through a symbolic link to a folder, anywhere on the way to the target', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'keyplan-outside-'));
    try {
      symlinkSync(outside, path.join(dir, 'out'));
      mkdirSync(path.join(dir, 'a'));
      symlinkSync(outside, path.join(dir, 'a', 'link'));
      mkdirSync(path.join(outside, 'b'));
      for (const [args, shown] of [
        [['export', 'acme', '--out', 'out/brief.md'], 'out'],
        [['export', 'acme', '--out', 'a/link/b/brief.md', '--force'], 'link'],
        [['matrix', 'acme', '.', '--svg', 'out/acme.svg', '--force'], 'out'],
      ] as const) {
        const r = await cli([...args, '--as-of', AS_OF], dir);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
        assert.match(r.stderr, new RegExp(`${shown} is a symbolic link to a folder; Keyplan does not write through linked folders`));
      }
      const repo = new TempRepo(WORKSPACE);
      try {
        repo.git('add', '-A');
        repo.git('commit', '-q', '-m', 'base');
        repo.write({ 'accounts/acme/people/zhang-wei.md': WORKSPACE['accounts/acme/people/zhang-wei.md'].replace('stance: neutral', 'stance: supporter') });
        symlinkSync(outside, path.join(repo.dir, 'm'));
        const r = await cli(['diff', 'HEAD', '--format', 'markdown', '--matrix-dir', 'm/svg', '--as-of', AS_OF], repo.dir);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /m is a symbolic link to a folder/);
      } finally {
        removeDir(repo.dir);
      }
      assert.deepEqual(readdirSync(outside), ['b']);
      assert.deepEqual(readdirSync(path.join(outside, 'b')), []);
    } finally {
      removeDir(outside);
    }
  });

  it('concurrent writers of one new file cannot both succeed', async () => {
    for (let round = 0; round < 20; round++) {
      const target = path.join(dir, `race-${round}.svg`);
      const results = await Promise.allSettled([
        writeOutputFile(target, '<svg>A</svg>\n', { seal: 'comment', base: dir }),
        writeOutputFile(target, '<svg>B</svg>\n', { seal: 'comment', base: dir }),
      ]);
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? ['AB'[i]] : []));
      assert.equal(won.length, 1, `round ${round}: ${results.map((r) => r.status).join(', ')}`);
      for (const r of results) if (r.status === 'rejected') assert.ok(r.reason instanceof WriteRefused, String(r.reason));
      assert.equal(readFileSync(target, 'utf8'), sealContent(`<svg>${won[0]}</svg>\n`, 'comment'));
    }
    // Two exports at once, through the CLI: never two "Wrote" for one new file.
    for (let round = 0; round < 5; round++) {
      const file = `brief-${round}.md`;
      const both = await Promise.all([cli(['export', 'acme', '--out', file, '--as-of', AS_OF], dir), cli(['export', 'acme', '--out', file, '--as-of', AS_OF], dir)]);
      for (const r of both) assert.ok(r.code === 0 || (r.code === 2 && /nothing was written|another Keyplan command is writing/.test(r.stderr)), r.stderr);
    }
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.keyplan-lock')), []);
  });

  it('a missing folder is named in one sentence (exit 2, no stack trace)', async () => {
    for (const args of [['export', 'acme', '--out', 'no/such/brief.md'], ['matrix', 'acme', '.', '--svg', 'nowhere/acme.svg']]) {
      const r = await cli([...args, '--as-of', AS_OF], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^keyplan: the folder \S+(no|nowhere) does not exist; create it first, then run the command again\n$/);
    }
  });

  // As root a read-only folder is still writable: the command then runs as `nobody`.
  const command = unprivileged([process.execPath, path.join(REPO_ROOT, 'bin', 'keyplan.cjs')]);
  (command ? it : it.skip)('a read-only folder is named in one sentence (exit 2, no stack trace)', () => {
    mkdirSync(path.join(dir, 'ro'));
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'ro'), 0o555);
    try {
      const r = spawnSync(command![0], [...command!.slice(1), 'export', 'acme', '--out', 'ro/brief.md', '--as-of', AS_OF], { cwd: dir, env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /^keyplan: cannot write in the folder \S+ro: it is read-only for you \(permission denied\); nothing was written\n$/);
      assert.deepEqual(readdirSync(path.join(dir, 'ro')), []);
    } finally {
      chmodSync(path.join(dir, 'ro'), 0o755);
    }
  });
});
