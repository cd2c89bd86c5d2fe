/**
 * The CLI writes only where it is asked to (`matrix --svg`, `diff --matrix-dir`, `export --out`),
 * atomically, never through a symbolic link, never over a file it did not write unless --force,
 * and not at all when the target changed while it was writing. Every other command writes nothing.
 */
import assert from 'node:assert/strict';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { main, type Io } from '../../src/cli/main.js';
import { WriteRefused, writeOutputFile } from '../../src/cli/write.js';
import { removeDir, writeTempWorkspace } from '../helpers.js';
import { TempRepo } from './helpers/git-repo.js';

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
  this.timeout(60_000);
  let dir: string;
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
    // Its own earlier output is replaced without --force.
    writeFileSync(path.join(dir, 'acme.svg'), readFileSync(path.join(dir, 'acme.svg'), 'utf8').replace('</svg>', '<!-- old --></svg>'));
    assert.equal((await cli(['matrix', 'acme', '.', '--svg', 'acme.svg', '--as-of', AS_OF], dir)).code, 0);
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
    await writeOutputFile(target, '<svg class="kp-matrix">v1</svg>\n', { isOurs: () => true });
    await assert.rejects(
      writeOutputFile(target, '<svg class="kp-matrix">v2</svg>\n', { isOurs: () => true, what: 'the SVG', beforeRename: () => writeFileSync(target, 'edited by someone else\n') }),
      (err: Error) => err instanceof WriteRefused && /changed on disk while Keyplan was writing the SVG; nothing was written/.test(err.message),
    );
    assert.equal(readFileSync(target, 'utf8'), 'edited by someone else\n');
    // A file that appears at the target meanwhile is kept too.
    const fresh = path.join(dir, 'new.svg');
    await assert.rejects(writeOutputFile(fresh, 'x', { isOurs: () => true, beforeRename: () => writeFileSync(fresh, 'theirs') }), WriteRefused);
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
});
