/**
 * Issue #14, keyplan.yaml: degrade per value, never per file, and always say so. A bad value is
 * reported at its place with what is used instead and only that value falls back; a keyplan.yaml
 * that cannot be read at all is an error finding (and a note for the commands without findings);
 * reading never blocks on a FIFO, and a folder that cannot be listed is reported.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkWorkspace, loadConfig, type SourceFile } from '../../src/core/check/pipeline.js';
import { md, removeDir, REPO_ROOT, unprivileged, writeTempWorkspace } from '../helpers.js';
import { findingProblems } from './helpers/generators.js';
import { buildCli } from './helpers/git-repo.js';

const BIN = path.join(REPO_ROOT, 'bin', 'keyplan.cjs');
const PIN = '2026-11-20';

function check(files: Record<string, string | Uint8Array>) {
  const sources: SourceFile[] = Object.entries(files).map(([p, content]) => ({ path: p, content }));
  return checkWorkspace(sources, { asOf: PIN, locale: 'en' });
}

const configFindings = (r: ReturnType<typeof check>) => r.diagnostics.filter((d) => d.file === 'keyplan.yaml');

/** A small clean workspace (as in cli.test.ts): a C-tier account, three contacts met on PIN. */
function workspace(config: string | Uint8Array): Record<string, string | Uint8Array> {
  const who = (id: string, extra: string[]) => md(['kind: person', `id: ${id}`, 'account: acme', `name: ${id}`, ...extra]);
  return {
    'keyplan.yaml': config,
    'accounts/acme/account.md': md(['kind: account', 'id: acme', 'name: Acme 公司', 'tier: C', 'owner: li-na'], '\n# Acme\n'),
    'accounts/acme/people/eb.md': who('eb', ['roles: [EB]', 'influence: 5', 'stance: champion', 'coverage: in-depth']),
    'accounts/acme/people/tb.md': who('tb', ['roles: [TB, Coach]', 'influence: 3', 'stance: supporter', 'coverage: multiple', 'reports_to: eb']),
    'accounts/acme/people/ub.md': who('ub', ['roles: [UB]', 'influence: 2', 'stance: neutral', 'coverage: brief', 'reports_to: tb']),
    'accounts/acme/interactions.md': md(['kind: interaction-log', 'account: acme'], `\n- ${PIN} meeting @eb @tb @ub: kick-off\n`),
  };
}

function keyplan(args: string[], cwd: string, timeout = 60_000) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'KEYPLAN_LOCALE', 'KEYPLAN_TODAY', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'TERM']) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args, '--as-of', PIN], { cwd, env, encoding: 'utf8', timeout });
  if (r.error) throw r.error;
  return r;
}

const SETTINGS = [
  'cadence:',
  '  B:',
  '    default: { ideal: 20, max: 25 }',
  'dark_after: 15',
  'exclude: ["drafts/**"]',
  'rules:',
  '  account-dark: error',
  '  single-threaded: { A: error, B: warning, C: no }',
  '',
].join('\n');

describe('keyplan.yaml degrades per value (issue #14)', function () {
  this.timeout(120_000);

  describe('one bad value', () => {
    it('only that value falls back; every other setting is kept', () => {
      const r = check(workspace(SETTINGS));
      assert.deepEqual(r.config.cadence.B.default, { ideal: 20, max: 25 });
      assert.equal(r.config.darkAfter, 15);
      assert.deepEqual(r.config.exclude, ['drafts/**']);
      assert.deepEqual(r.config.rules, { 'account-dark': 'error', 'single-threaded': { A: 'error', B: 'warning' } });
    });

    it('is reported once, at the bad leaf, with "did you mean" and the fallback named (not the anyOf artefact)', () => {
      const found = configFindings(check(workspace(SETTINGS)));
      assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
      const [d] = found;
      assert.equal(d.severity, 'error');
      assert.deepEqual([d.range.start.line, d.range.start.column], [8, 47]);
      assert.match(d.message, /^`no` is not an allowed value for `C`\. Did you mean `off`\?/);
      assert.match(d.message, /Using the default for C \(info\) instead\.$/);
      assert.doesNotMatch(d.message, /group of fields/);
    });

    it('a plain severity that is no severity suggests the word and names the rule\'s built-in severity', () => {
      const [d, ...rest] = configFindings(check(workspace('rules:\n  single-threaded: warn\n')));
      assert.equal(rest.length, 0);
      assert.match(d.message, /Did you mean `warning`\?.*Using the built-in severity of `single-threaded` \(A: warning, B: warning, C: info\) instead\./);
    });

    it('a rule id that does not exist is reported with "did you mean", and the other rule settings apply', () => {
      const { config, diagnostics } = loadConfig({ path: 'keyplan.yaml', content: 'rules:\n  single-thread: off\n  missing-coach: error\n' });
      assert.deepEqual(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.rule}`), ['2:3 unknown-field']);
      assert.match(diagnostics[0].message, /`single-thread`.*Did you mean `single-threaded`\?/);
      assert.equal(config.rules['missing-coach'], 'error');
      assert.equal(config.rules['single-thread'], undefined);
    });

    it('a cadence with max below ideal is reported like a person\'s, and only that cadence is ignored', () => {
      const r = check(workspace('cadence:\n  A:\n    EB: { ideal: 20, max: 25 }\n  B:\n    default: { ideal: 60, max: 30 }\ndark_after: 15\n'));
      const found = configFindings(r);
      assert.equal(found.length, 1);
      assert.equal(found[0].rule, 'schema');
      assert.deepEqual([found[0].range.start.line, found[0].range.start.column], [5, 32]);
      assert.match(found[0].message, /^The maximum interval \(30 days\) is shorter than the ideal one \(60 days\)\. Using the built-in cadence for B\.default \(60\/90 days\) instead\.$/);
      assert.deepEqual(r.config.cadence.B.default, { ideal: 60, max: 90 });
      assert.equal(r.config.cadenceFromFile.has('B.default'), false);
      assert.deepEqual(r.config.cadence.A.EB, { ideal: 20, max: 25 });
      assert.equal(r.config.darkAfter, 15);
    });

    it('says it in Chinese too', () => {
      const files = workspace(`locale: zh-cn\n${SETTINGS}`);
      const r = checkWorkspace(Object.entries(files).map(([p, content]) => ({ path: p, content })), { asOf: PIN });
      const [d] = configFindings(r);
      assert.match(d.message, /是否应为 `off`？.*C 类改用默认级别（info）。$/);
    });
  });

  describe('a keyplan.yaml that cannot be read at all is an error finding', () => {
    const cases: [string, string | Uint8Array, string, string][] = [
      ['one non-UTF-8 byte', Buffer.concat([Buffer.from('rules:\n  single-threaded: error\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]), 'encoding', 'not-utf8'],
      ['a YAML syntax error', 'rules:\n  single-threaded: error\n  x: [\n', 'yaml-syntax', 'yaml'],
      ['a list, not a mapping', '- rules\n- exclude\n', 'schema', 'not-mapping'],
      ['a bare word', 'hello\n', 'schema', 'not-mapping'],
    ];
    for (const [name, content, rule, unreadable] of cases) {
      it(name, () => {
        const r = check(workspace(content));
        const found = configFindings(r);
        assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
        assert.equal(found[0].rule, rule);
        assert.equal(found[0].severity, 'error');
        assert.match(found[0].message, /built-in settings/);
        assert.equal(r.config.unreadable, unreadable);
      });
    }

    it('an empty keyplan.yaml is not unreadable: nothing is set', () => {
      const r = check(workspace('# nothing yet\n'));
      assert.equal(configFindings(r).length, 0);
      assert.equal(r.config.unreadable, undefined);
    });
  });

  describe('through the CLI', () => {
    const temps: string[] = [];
    const temp = (files: Record<string, string | Uint8Array>) => {
      const dir = writeTempWorkspace(files);
      temps.push(dir);
      return dir;
    };
    before(() => {
      buildCli();
    });
    after(() => {
      for (const d of temps) {
        try {
          chmodSync(path.join(d, 'locked'), 0o755);
        } catch {
          /* not every workspace has one */
        }
        removeDir(d);
      }
    });

    it('check fails on a keyplan.yaml with one non-UTF-8 byte; overdue and report say the built-in settings were used', () => {
      const dir = temp(workspace(Buffer.from('locale: en\n# caf\xe9\n', 'latin1')));
      const c = keyplan(['check'], dir);
      assert.equal(c.status, 1, c.stdout + c.stderr);
      assert.match(c.stdout, /keyplan\.yaml:1:1 error encoding/);
      for (const command of ['overdue', 'report']) {
        const r = keyplan([command], dir);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stderr, /note: keyplan\.yaml could not be read \(it is not UTF-8 text\); the built-in settings were used/);
      }
    });

    it('check fails on a bad keyplan.yaml value, and the rest of the settings still apply (exclude:)', () => {
      const dir = temp({ ...workspace(SETTINGS), 'drafts/broken.md': md(['kind: person', 'id: Broken Id']) });
      const c = keyplan(['check'], dir);
      assert.equal(c.status, 1);
      assert.match(c.stdout, /keyplan\.yaml:8:47 error schema `no` is not an allowed value for `C`/);
      assert.doesNotMatch(c.stdout, /drafts\/broken\.md/);
    });

    it('a FIFO named keyplan.yaml or *.md is never opened: check ends, says so, and exits 2', function () {
      if (process.platform === 'win32') this.skip();
      const dir = temp(workspace('locale: en\n'));
      removeDir(path.join(dir, 'keyplan.yaml'));
      execFileSync('mkfifo', [path.join(dir, 'keyplan.yaml'), path.join(dir, 'accounts/acme/pipe.md')]);
      const r = keyplan(['check'], dir, 20_000);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /could not read keyplan\.yaml \(not a regular file but a named pipe; not opened, the built-in settings were used\)/);
      assert.match(r.stderr, /note: accounts\/acme\/pipe\.md is not a regular file \(a named pipe\); not read/);
    });

    it('the notes and errors of reading the workspace are in the language of the command line (#18)', function () {
      if (process.platform === 'win32') this.skip();
      const dir = temp(workspace('locale: en\n'));
      removeDir(path.join(dir, 'keyplan.yaml'));
      execFileSync('mkfifo', [path.join(dir, 'keyplan.yaml'), path.join(dir, 'accounts/acme/pipe.md')]);
      const r = keyplan(['check', '--locale', 'zh-CN'], dir, 20_000);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /无法读取 keyplan\.yaml（不是普通文件，而是命名管道；未打开，已使用内置设置）/);
      assert.match(r.stderr, /提示：accounts\/acme\/pipe\.md 不是普通文件（命名管道）；未读取/);
      assert.doesNotMatch(r.stderr, /named pipe|not read|built-in/);
    });

    it('a Markdown file or folder whose name is not UTF-8 fails the check (exit 2), named; a real U+FFFD name is read', function () {
      if (process.platform !== 'linux') this.skip(); // macOS and Windows refuse such names
      const dir = temp(workspace('locale: en\n'));
      const people = Buffer.from(path.join(dir, 'accounts/acme/people/'));
      writeFileSync(Buffer.concat([people, Buffer.from([0x62, 0xff]), Buffer.from('.md')]), md(['kind: person', 'id: bad', 'account: acme', 'name: B']));
      mkdirSync(Buffer.concat([people, Buffer.from([0xfe])]));
      writeFileSync(path.join(dir, 'accounts/acme/people/ok\uFFFD.md'), md(['kind: person', 'id: fine', 'account: acme', 'name: F', 'influense: 3']));
      const r = keyplan(['check'], dir);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /could not read accounts\/acme\/people\/b\uFFFD\.md \(the file name is not valid UTF-8/);
      assert.match(r.stderr, /could not read accounts\/acme\/people\/\uFFFD\/? \(the folder name is not valid UTF-8/);
      assert.match(r.stdout, /people\/ok\uFFFD\.md:\d+:\d+ error unknown-field/, 'a name that really holds U+FFFD is read and checked');
    });

    // As root, chmod 000 does not stop reading a folder: the command then runs as `nobody`.
    const command = unprivileged([process.execPath, BIN]);
    (command && process.platform !== 'win32' ? it : it.skip)('an unreadable folder is reported (exit 2), not skipped silently', () => {
      const dir = temp({ ...workspace('locale: en\n'), 'locked/x.md': md(['kind: account', 'id: locked', 'name: L', 'tier: C', 'owner: li-na']) });
      chmodSync(dir, 0o755);
      chmodSync(path.join(dir, 'locked'), 0o000);
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
      const r = spawnSync(command![0], [...command!.slice(1), 'check', '--as-of', PIN], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
      chmodSync(path.join(dir, 'locked'), 0o755);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /keyplan: could not read locked\/? \(EACCES\)/);
      assert.match(r.stdout, /documents? checked/, 'the rest is still checked');
    });
  });
});

describe('keyplan.yaml: a finding about its bytes stays inside the file', () => {
  // Both found by the fuzz test: a NUL byte made the file "not UTF-8" with a range counted in bytes.
  for (const [name, bytes] of [
    ['a one-byte keyplan.yaml holding NUL (seed -76204913)', [0]],
    ['NUL then U+0080, valid UTF-8 (seed -2024231203, TZ=Asia/Shanghai run)', [0, 194, 128]],
  ] as const) {
    it(name, () => {
      const files = [{ path: 'keyplan.yaml', content: Uint8Array.from(bytes) }];
      const { diagnostics, config } = loadConfig(files[0]);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].severity, 'error');
      assert.notEqual(diagnostics[0].rule, 'encoding', 'the bytes are UTF-8: the finding is about what they say');
      assert.ok(config.unreadable, 'the built-in settings are used, and said to be');
      assert.deepEqual(findingProblems(files, diagnostics), []);
      assert.equal(diagnostics[0].message.match(/built-in settings/g)?.length, 1, 'the fallback is said once');
    });
  }

  it('a keyplan.yaml that is not UTF-8 is the encoding finding, on its first bytes', () => {
    const { diagnostics } = loadConfig({ path: 'keyplan.yaml', content: Uint8Array.from([0x6c, 0xff, 0x3a]) });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].rule, 'encoding');
    assert.deepEqual(diagnostics[0].range, { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } });
  });
});
