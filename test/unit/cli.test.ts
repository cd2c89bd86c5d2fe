import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { today } from '../../src/core/dates.js';
import { md, removeDir, REPO_ROOT, writeTempWorkspace } from '../helpers.js';

const BIN = path.join(REPO_ROOT, 'bin', 'keyplan.cjs');
const ANSI = /\u001b\[[0-9;]*m/;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with a predictable environment (English, no colour forcing). */
function keyplan(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'KEYPLAN_LOCALE', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'TERM']) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env: { ...env, ...options.env }, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A small workspace that is clean under every rule, dated today: a C-tier account with an economic
 * buyer, three contacts (two covered in depth) and a log entry with each of them today.
 */
function cleanWorkspace(extraLog = ''): Record<string, string> {
  const day = today();
  const who = (id: string, extra: string[]) => md(['kind: person', `id: ${id}`, 'account: acme', `name: ${id}`, ...extra]);
  return {
    'keyplan.yaml': 'locale: en\n',
    'accounts/acme/account.md': md(['kind: account', 'id: acme', 'name: Acme 公司', 'tier: C', 'owner: li-na'], '\n# Acme\n'),
    'accounts/acme/people/eb.md': who('eb', ['roles: [EB]', 'influence: 5', 'stance: champion', 'coverage: in-depth']),
    'accounts/acme/people/tb.md': who('tb', ['roles: [TB, Coach]', 'influence: 3', 'stance: supporter', 'coverage: multiple', 'reports_to: eb']),
    'accounts/acme/people/ub.md': who('ub', ['roles: [UB]', 'influence: 2', 'stance: neutral', 'coverage: brief', 'reports_to: tb']),
    'accounts/acme/interactions.md': md(['kind: interaction-log', 'account: acme'], `\n- ${day} meeting @eb @tb @ub: kick-off\n${extraLog}`),
    'README.md': '# Not a Keyplan document\n',
  };
}

describe('CLI (built bin/keyplan.cjs, spawned)', function () {
  this.timeout(60_000);
  const temps: string[] = [];
  const temp = (files: Record<string, string>) => {
    const dir = writeTempWorkspace(files);
    temps.push(dir);
    return dir;
  };

  before(() => {
    const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `build failed:\n${r.stdout}\n${r.stderr}`);
  });

  after(() => temps.forEach(removeDir));

  describe('check samples', () => {
    let run: Run;
    before(() => {
      run = keyplan(['check', 'samples']);
    });

    it('exits 1 (there are errors)', () => {
      assert.equal(run.status, 1, run.stderr);
    });

    it('prints `file:line:col severity rule message` lines with paths relative to the current folder', () => {
      const out = run.stdout;
      assert.match(out, /^samples\/accounts\/east-china-telecom\/people\/zhao-min\.md:10:9 error schema `suportive` is not an allowed value for `stance`\./m);
      assert.match(out, /^samples\/accounts\/yuanhang-auto\/people\/he-ping\.md:7:13 error unknown-reference No person with the id `liu-qiang`/m);
      assert.match(out, /^samples\/accounts\/qinghe-medical\/people\/xie-wen\.md:9:1 error unknown-field `influense` is not a field/m);
      assert.match(out, /^samples\/accounts\/east-china-telecom\/interactions-2026\.md:35:3 error log-entry-malformed /m);
      assert.match(out, /^samples\/accounts\/yuanhang-auto\/interactions-2026\.md:26:14 warning unknown-channel `golf` /m);
    });

    it('ends with a summary line', () => {
      const last = run.stdout.trimEnd().split('\n').pop()!;
      assert.match(last, /^✖ \d+ problems \(\d+ errors, \d+ warnings?, \d+ info\) in \d+ files; 26 documents checked\.$/);
    });

    it('has no ANSI colour codes when stdout is not a terminal', () => {
      assert.doesNotMatch(run.stdout, ANSI);
      assert.doesNotMatch(run.stderr, ANSI);
    });
  });

  it('uses colours when forced (FORCE_COLOR=1), and --no-color turns them off', () => {
    assert.match(keyplan(['check', 'samples'], { env: { FORCE_COLOR: '1' } }).stdout, ANSI);
    assert.doesNotMatch(keyplan(['check', 'samples', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout, ANSI);
  });

  it('a clean workspace exits 0 with "No problems"', () => {
    const dir = temp(cleanWorkspace());
    const r = keyplan(['check'], { cwd: dir });
    assert.equal(r.stdout, '✔ No problems; 5 documents checked.\n');
    assert.equal(r.status, 0);
  });

  describe('warnings', () => {
    let dir: string;
    before(() => {
      dir = temp(cleanWorkspace(`- ${today()} golf @eb: 18 holes\n`));
    });

    it('warnings only: exit 0', () => {
      const r = keyplan(['check', '.'], { cwd: dir });
      assert.match(r.stdout, /^accounts\/acme\/interactions\.md:7:14 warning unknown-channel `golf`/m);
      assert.match(r.stdout, /✖ 1 problem \(0 errors, 1 warning, 0 info\) in 1 file; 5 documents checked\./);
      assert.equal(r.status, 0);
    });

    it('--max-warnings 0: exit 1; --max-warnings 1: exit 0', () => {
      assert.equal(keyplan(['check', '--max-warnings', '0'], { cwd: dir }).status, 1);
      assert.equal(keyplan(['check', '--max-warnings', '1'], { cwd: dir }).status, 0);
    });

    it('--max-warnings takes a whole number', () => {
      const r = keyplan(['check', '--max-warnings', 'few'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--max-warnings takes a whole number/);
    });

    it('--quiet hides warnings', () => {
      const r = keyplan(['check', '--quiet'], { cwd: dir });
      assert.doesNotMatch(r.stdout, /warning/);
      assert.match(r.stdout, /No problems/);
      assert.equal(r.status, 0);
    });
  });

  it('--quiet still shows errors', () => {
    const r = keyplan(['check', 'samples', '--quiet']);
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stdout, / warning /);
    assert.match(r.stdout, /zhao-min\.md:10:9 error schema/);
  });

  it('--format json: version, summary and diagnostics', () => {
    const r = keyplan(['check', 'samples', '--format', 'json']);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout) as { version: number; summary: Record<string, number>; diagnostics: any[] };
    assert.equal(out.version, 1);
    for (const k of ['errors', 'warnings', 'infos', 'files', 'documents']) assert.equal(typeof out.summary[k], 'number', k);
    assert.equal(out.summary.documents, 26);
    assert.equal(out.summary.errors + out.summary.warnings + out.summary.infos, out.diagnostics.length);
    for (const d of out.diagnostics) {
      assert.equal(typeof d.file, 'string');
      assert.equal(typeof d.range.start.line, 'number');
      assert.equal(typeof d.range.start.column, 'number');
      assert.equal(typeof d.range.end.line, 'number');
      assert.equal(typeof d.range.end.column, 'number');
      assert.ok(['error', 'warning', 'info'].includes(d.severity));
      assert.equal(typeof d.rule, 'string');
      assert.equal(typeof d.message, 'string');
    }
    const zhao = out.diagnostics.find((d) => d.file === 'samples/accounts/east-china-telecom/people/zhao-min.md');
    assert.deepEqual({ rule: zhao.rule, severity: zhao.severity, range: zhao.range }, {
      rule: 'schema', severity: 'error', range: { start: { line: 10, column: 9 }, end: { line: 10, column: 18 } },
    });
  });

  it('--format json on a clean workspace', () => {
    const dir = temp(cleanWorkspace());
    const r = keyplan(['check', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 0);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.diagnostics, []);
    assert.deepEqual(out.summary, { errors: 0, warnings: 0, infos: 0, files: 0, documents: 5 });
  });

  it('a non-existent path: exit 2 with a message', () => {
    const r = keyplan(['check', 'no/such/folder']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no\/such\/folder: no such file or directory/);
    assert.equal(r.stdout, '');
  });

  it('an unknown option: exit 2', () => {
    const r = keyplan(['check', '--bogus', 'samples']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^keyplan: .*--bogus/);
  });

  it('an unknown format, locale or command: exit 2', () => {
    assert.equal(keyplan(['check', 'samples', '--format', 'xml']).status, 2);
    assert.equal(keyplan(['check', 'samples', '--locale', 'fr']).status, 2);
    assert.equal(keyplan(['frobnicate']).status, 2);
  });

  it('--locale zh-cn gives Chinese messages', () => {
    const r = keyplan(['check', 'samples', '--locale', 'zh-cn']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /he-ping\.md:7:13 error unknown-reference 客户 `yuanhang-auto` 中没有标识为 `liu-qiang` 的人员。/);
    assert.match(r.stdout, /zhao-min\.md:10:9 error schema `suportive` 不是 `stance` 的可用取值。/);
  });

  it('KEYPLAN_LOCALE=zh-cn gives Chinese messages too', () => {
    assert.match(keyplan(['check', 'samples'], { env: { KEYPLAN_LOCALE: 'zh-cn' } }).stdout, /没有标识为 `liu-qiang` 的人员/);
  });

  it('check <single file> reports only that file', () => {
    const r = keyplan(['check', 'samples/accounts/yuanhang-auto/people/he-ping.md']);
    assert.equal(r.status, 1);
    const findings = r.stdout.split('\n').filter((l) => /:\d+:\d+ /.test(l));
    assert.ok(findings.length > 0);
    for (const l of findings) assert.ok(l.startsWith('samples/accounts/yuanhang-auto/people/he-ping.md:'), l);
    assert.ok(findings.some((l) => l.startsWith('samples/accounts/yuanhang-auto/people/he-ping.md:7:13 error unknown-reference ')));
    assert.match(r.stdout, /1 document checked\./);
  });

  it('check <single file> still resolves references to other files', () => {
    // tb.md reports to eb, defined in eb.md; the log mentions people of other files.
    const dir = temp(cleanWorkspace());
    for (const file of ['accounts/acme/people/tb.md', 'accounts/acme/interactions.md']) {
      const r = keyplan(['check', file], { cwd: dir });
      assert.equal(r.stdout, '✔ No problems; 1 document checked.\n', file);
      assert.equal(r.status, 0);
    }
  });

  it('check <single file> exits 0 when only other files have problems', () => {
    const r = keyplan(['check', 'samples/accounts/east-china-telecom/people/li-ming.md']);
    assert.doesNotMatch(r.stdout, /zhao-min|he-ping|xie-wen/);
  });

  it('skips .gitignore\'d folders', () => {
    const broken = md(['kind: person', 'id: draft', 'account: acme', 'name: Draft', 'stance: suportive']);
    const files = { ...cleanWorkspace(), '.gitignore': 'drafts/\n', 'drafts/draft.md': broken, 'accounts/acme/.gitignore': 'scratch/\n', 'accounts/acme/scratch/x.md': broken };
    const dir = temp(files);
    const r = keyplan(['check'], { cwd: dir });
    assert.equal(r.stdout, '✔ No problems; 5 documents checked.\n');
    assert.equal(r.status, 0);
    // Without the ignore files the same drafts are reported.
    const dir2 = temp({ ...files, '.gitignore': '', 'accounts/acme/.gitignore': '' });
    const r2 = keyplan(['check'], { cwd: dir2 });
    assert.equal(r2.status, 1);
    assert.match(r2.stdout, /^drafts\/draft\.md:6:9 error schema/m);
    assert.match(r2.stdout, /^accounts\/acme\/scratch\/x\.md:6:9 error schema/m);
  });

  it('skips paths excluded in keyplan.yaml', () => {
    const broken = md(['kind: person', 'id: old', 'account: acme', 'name: Old', 'stance: suportive']);
    const dir = temp({ ...cleanWorkspace(), 'keyplan.yaml': 'exclude:\n  - "archive/**"\n', 'archive/2019/old.md': broken });
    const r = keyplan(['check'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout);
  });

  it('--help exits 0 and prints usage', () => {
    for (const args of [['--help'], ['-h'], ['check', '--help']]) {
      const r = keyplan(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.match(r.stdout, /^Usage: keyplan <command>/);
    }
  });

  it('no command prints usage and exits 2', () => {
    const r = keyplan([]);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /^Usage: keyplan/);
  });

  it('--version prints the package version', () => {
    const r = keyplan(['--version']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
