import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { addDays, today } from '../../src/core/dates.js';
import { md, removeDir, REPO_ROOT, writeTempWorkspace } from '../helpers.js';
import { buildCli } from './helpers/git-repo.js';

const BIN = path.join(REPO_ROOT, 'bin', 'keyplan.cjs');
const ANSI = /\u001b\[[0-9;]*m/;

/**
 * The one "today" of these tests: the samples' documented as-of date (samples/README.md). Every run
 * on dated data passes it as `--as-of`; the tests about the default pin it with KEYPLAN_TODAY.
 */
const PIN = '2026-11-20';
const AS_OF = ['--as-of', PIN];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with a predictable environment (English, no colour forcing, no inherited KEYPLAN_TODAY). */
function keyplan(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'KEYPLAN_LOCALE', 'KEYPLAN_TODAY', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'TERM']) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env: { ...env, ...options.env }, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A small workspace that is clean under every rule as of PIN: a C-tier account with an economic
 * buyer, three contacts (two covered in depth) and a log entry with each of them on PIN.
 */
function cleanWorkspace(extraLog = ''): Record<string, string> {
  const day = PIN;
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
    buildCli();
  });

  after(() => temps.forEach(removeDir));

  describe('check samples', () => {
    let run: Run;
    before(() => {
      run = keyplan(['check', 'samples', ...AS_OF]);
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
    const forced = keyplan(['check', 'samples', ...AS_OF], { env: { FORCE_COLOR: '1' } });
    assert.equal(forced.status, 1, forced.stderr);
    assert.match(forced.stdout, ANSI);
    const off = keyplan(['check', 'samples', '--no-color', ...AS_OF], { env: { FORCE_COLOR: '1' } });
    assert.equal(off.status, 1, off.stderr);
    assert.doesNotMatch(off.stdout, ANSI);
  });

  it('a clean workspace exits 0 with "No problems"', () => {
    const dir = temp(cleanWorkspace());
    const r = keyplan(['check', ...AS_OF], { cwd: dir });
    assert.equal(r.stdout, '✔ No problems; 5 documents checked.\n');
    assert.equal(r.status, 0);
  });

  describe('warnings', () => {
    let dir: string;
    before(() => {
      dir = temp(cleanWorkspace(`- ${PIN} golf @eb: 18 holes\n`));
    });

    it('warnings only: exit 0', () => {
      const r = keyplan(['check', '.', ...AS_OF], { cwd: dir });
      assert.match(r.stdout, /^accounts\/acme\/interactions\.md:7:14 warning unknown-channel `golf`/m);
      assert.match(r.stdout, /✖ 1 problem \(0 errors, 1 warning, 0 info\) in 1 file; 5 documents checked\./);
      assert.equal(r.status, 0);
    });

    it('--max-warnings 0: exit 1; --max-warnings 1: exit 0', () => {
      assert.equal(keyplan(['check', '--max-warnings', '0', ...AS_OF], { cwd: dir }).status, 1);
      assert.equal(keyplan(['check', '--max-warnings', '1', ...AS_OF], { cwd: dir }).status, 0);
    });

    it('--max-warnings takes a whole number', () => {
      const r = keyplan(['check', '--max-warnings', 'few', ...AS_OF], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--max-warnings takes a whole number/);
    });

    it('--quiet hides warnings', () => {
      const r = keyplan(['check', '--quiet', ...AS_OF], { cwd: dir });
      assert.doesNotMatch(r.stdout, /warning/);
      assert.match(r.stdout, /No problems/);
      assert.equal(r.status, 0);
    });
  });

  it('--quiet still shows errors', () => {
    const r = keyplan(['check', 'samples', '--quiet', ...AS_OF]);
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stdout, / warning /);
    assert.match(r.stdout, /zhao-min\.md:10:9 error schema/);
  });

  it('--format json: version, summary and diagnostics', () => {
    const r = keyplan(['check', 'samples', '--format', 'json', ...AS_OF]);
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
    const r = keyplan(['check', '--format', 'json', ...AS_OF], { cwd: dir });
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
    const r = keyplan(['check', '--bogus', 'samples', ...AS_OF]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^keyplan: .*--bogus/);
  });

  it('an unknown format, locale or command: exit 2', () => {
    assert.equal(keyplan(['check', 'samples', '--format', 'xml', ...AS_OF]).status, 2);
    assert.equal(keyplan(['check', 'samples', '--locale', 'fr', ...AS_OF]).status, 2);
    assert.equal(keyplan(['frobnicate']).status, 2);
  });

  it('--locale zh-cn gives Chinese messages', () => {
    const r = keyplan(['check', 'samples', '--locale', 'zh-cn', ...AS_OF]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /he-ping\.md:7:13 错误 unknown-reference 客户 `yuanhang-auto` 中没有标识为 `liu-qiang` 的人员。/);
    assert.match(r.stdout, /zhao-min\.md:10:9 错误 schema `suportive` 不是 `stance` 的可用取值。/);
  });

  it('KEYPLAN_LOCALE=zh-cn gives Chinese messages too', () => {
    const r = keyplan(['check', 'samples', ...AS_OF], { env: { KEYPLAN_LOCALE: 'zh-cn' } });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /没有标识为 `liu-qiang` 的人员/);
  });

  it('check <single file> reports only that file', () => {
    const r = keyplan(['check', 'samples/accounts/yuanhang-auto/people/he-ping.md', ...AS_OF]);
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
      const r = keyplan(['check', file, ...AS_OF], { cwd: dir });
      assert.equal(r.stdout, '✔ No problems; 1 document checked.\n', file);
      assert.equal(r.status, 0);
    }
  });

  it('check <single file> exits 0 when only other files have problems', () => {
    const r = keyplan(['check', 'samples/accounts/east-china-telecom/people/li-ming.md', ...AS_OF]);
    assert.doesNotMatch(r.stdout, /zhao-min|he-ping|xie-wen/);
    assert.match(r.stdout, /1 document checked\./);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('skips .gitignore\'d folders', () => {
    const broken = md(['kind: person', 'id: draft', 'account: acme', 'name: Draft', 'stance: suportive']);
    const files = { ...cleanWorkspace(), '.gitignore': 'drafts/\n', 'drafts/draft.md': broken, 'accounts/acme/.gitignore': 'scratch/\n', 'accounts/acme/scratch/x.md': broken };
    const dir = temp(files);
    const r = keyplan(['check', ...AS_OF], { cwd: dir });
    assert.equal(r.stdout, '✔ No problems; 5 documents checked.\n');
    assert.equal(r.status, 0);
    // Without the ignore files the same drafts are reported.
    const dir2 = temp({ ...files, '.gitignore': '', 'accounts/acme/.gitignore': '' });
    const r2 = keyplan(['check', ...AS_OF], { cwd: dir2 });
    assert.equal(r2.status, 1);
    assert.match(r2.stdout, /^drafts\/draft\.md:6:9 error schema/m);
    assert.match(r2.stdout, /^accounts\/acme\/scratch\/x\.md:6:9 error schema/m);
  });

  it('skips paths excluded in keyplan.yaml', () => {
    const broken = md(['kind: person', 'id: old', 'account: acme', 'name: Old', 'stance: suportive']);
    const dir = temp({ ...cleanWorkspace(), 'keyplan.yaml': 'exclude:\n  - "archive/**"\n', 'archive/2019/old.md': broken });
    const r = keyplan(['check', ...AS_OF], { cwd: dir });
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /No problems; 5 documents checked\./);
  });

  it('--help exits 0 and prints usage', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = keyplan(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.match(r.stdout, /^Usage: keyplan <command>/);
    }
    for (const args of [['check', '--help'], ['check', '-h'], ['help', 'check']]) {
      const r = keyplan(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.match(r.stdout, /^Usage: keyplan check \[paths\.\.\.\] \[options\]\n/, args.join(' '));
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

  describe('today, when --as-of is not given (the clock is set by each test)', () => {
    const asOfOf = (r: Run) => (JSON.parse(r.stdout) as { asOf: string }).asOf;
    /** The calendar date in a time zone, computed by the test independently of the core. */
    const dateIn = (timeZone: string, at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

    it('KEYPLAN_TODAY=YYYY-MM-DD sets it: the same output as --as-of that day', () => {
      const pinned = keyplan(['overdue', 'samples', '--format', 'json', ...AS_OF]);
      assert.equal(pinned.status, 0, pinned.stderr);
      const viaEnv = keyplan(['overdue', 'samples', '--format', 'json'], { env: { KEYPLAN_TODAY: PIN } });
      assert.equal(viaEnv.status, 0, viaEnv.stderr);
      assert.equal(asOfOf(viaEnv), PIN);
      assert.equal(viaEnv.stdout, pinned.stdout);
      const leap = keyplan(['overdue', 'samples', '--format', 'json'], { env: { KEYPLAN_TODAY: '2028-02-29' } });
      assert.equal(leap.status, 0, leap.stderr);
      assert.equal(asOfOf(leap), '2028-02-29');
    });

    it('--as-of wins over KEYPLAN_TODAY', () => {
      const pinned = keyplan(['overdue', 'samples', '--format', 'json', ...AS_OF]);
      const both = keyplan(['overdue', 'samples', '--format', 'json', ...AS_OF], { env: { KEYPLAN_TODAY: '2031-02-28' } });
      assert.equal(both.status, 0, both.stderr);
      assert.equal(asOfOf(both), PIN);
      assert.equal(both.stdout, pinned.stdout);
    });

    it('check on a workspace dated KEYPLAN_TODAY is clean; a day earlier, its log entry is in the future and not counted (exit 0)', () => {
      const dir = temp(cleanWorkspace());
      const same = keyplan(['check'], { cwd: dir, env: { KEYPLAN_TODAY: PIN } });
      assert.equal(same.stdout, '✔ No problems; 5 documents checked.\n');
      assert.equal(same.status, 0);
      const before = keyplan(['check', '--format', 'json'], { cwd: dir, env: { KEYPLAN_TODAY: addDays(PIN, -1) } });
      assert.equal(before.status, 0, before.stderr);
      const rules = (JSON.parse(before.stdout) as { diagnostics: { rule: string; severity: string }[] }).diagnostics.map((d) => `${d.severity} ${d.rule}`).sort();
      assert.deepEqual(rules, ['warning account-dark', 'warning interaction-never', 'warning interaction-never', 'warning interaction-never', 'warning log-entry-in-future']);
    });

    it('an invalid KEYPLAN_TODAY is ignored: today is the local calendar date of the machine', () => {
      for (const value of ['2026-02-30', '20261120', '2026-11-20T00:00', 'tomorrow', '']) {
        const start = today(new Date());
        const r = keyplan(['overdue', 'samples', '--format', 'json'], { env: { KEYPLAN_TODAY: value } });
        const end = today(new Date());
        assert.equal(r.status, 0, `${value}: ${r.stderr}`);
        assert.ok([start, end].includes(asOfOf(r)), `KEYPLAN_TODAY=${JSON.stringify(value)}: as of ${asOfOf(r)}, expected ${start}`);
      }
    });

    it('the default is the date in the local time zone (UTC+14 and UTC−11 are always on different days)', () => {
      const seen: string[] = [];
      for (const TZ of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        const start = dateIn(TZ, new Date());
        const r = keyplan(['overdue', 'samples', '--format', 'json'], { env: { TZ } });
        const end = dateIn(TZ, new Date());
        assert.equal(r.status, 0, r.stderr);
        assert.ok([start, end].includes(asOfOf(r)), `TZ=${TZ}: as of ${asOfOf(r)}, expected ${start}`);
        seen.push(asOfOf(r));
      }
      assert.notEqual(seen[0], seen[1]);
    });
  });
});
