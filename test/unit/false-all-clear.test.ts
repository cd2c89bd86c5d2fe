/**
 * Issue #14, "false all-clear": the CLI must never look reassuring when it is not — an owner or tier
 * that matches nothing is an error, dark accounts are listed by `overdue`, `report`'s count line
 * counts what it lists, and the PR comment lists every file of identical findings.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { account, md, removeDir, REPO_ROOT, writeTempWorkspace } from '../helpers.js';
import { baseWorkspace, edit } from './helpers/diff-fixtures.js';
import { buildCli, keyplan as keyplanIn, TempRepo } from './helpers/git-repo.js';

const BIN = path.join(REPO_ROOT, 'bin', 'keyplan.cjs');
const SAMPLES = path.join(REPO_ROOT, 'samples');
const AS_OF = ['--as-of', '2026-11-20'];

function keyplan(args: string[], cwd = SAMPLES): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'KEYPLAN_LOCALE', 'KEYPLAN_TODAY', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'TERM']) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('false all-clear: report', () => {
  it('the "N findings" line of each account counts exactly the findings it lists (infos and both places of a finding included)', () => {
    const r = keyplan(['report', ...AS_OF]);
    assert.equal(r.status, 0, r.stderr);
    const blocks = r.stdout.split('\n\n').slice(1);
    assert.equal(blocks.length, 3);
    for (const block of blocks) {
      const lines = block.split('\n');
      const countLine = lines.find((l) => /^ {2}\d+ findings? \(/.test(l));
      assert.ok(countLine, block);
      const [, total, errors, warnings, infos] = /(\d+) findings? \((\d+) errors?, (\d+) warnings?, (\d+) info\)/.exec(countLine)!.map(Number);
      const listed = lines.filter((l) => l.startsWith('  - '));
      assert.equal(listed.length, total, block);
      assert.equal(listed.filter((l) => l.startsWith('  - error ')).length, errors);
      assert.equal(listed.filter((l) => l.startsWith('  - warning ')).length, warnings);
      assert.equal(listed.filter((l) => l.startsWith('  - info ')).length, infos);
    }
  });
});

describe('false all-clear: the PR comment', function () {
  this.timeout(120_000);
  let repo: TempRepo | undefined;
  before(buildCli);
  after(() => repo?.remove());

  it('lists and counts every file of identical findings (3 files with the same error → 3 rows, 3 counted)', () => {
    const base = baseWorkspace();
    repo = new TempRepo(base);
    repo.commit('base');
    let head = base;
    for (const [file, name] of [['accounts/acme/people/zhang-wei.md', '张伟'], ['accounts/acme/people/sun-li.md', '孙立'], ['accounts/globex/people/li-ming.md', '李明']]) {
      head = edit(head, file, `name: ${name}`, `name: ${name}\ninfluense: 3`);
    }
    repo.commit('three typos', head);
    const r = keyplanIn(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown', '--as-of', '2026-11-20'], repo.dir);
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('|') && l.includes('unknown-field'));
    assert.deepEqual(rows.map((l) => /people\/[a-z-]+\.md/.exec(l)?.[0]).sort(), ['people/li-ming.md', 'people/sun-li.md', 'people/zhang-wei.md']);
    const counted = [...r.stdout.matchAll(/\*\*Findings\*\*: (\d+) introduced/g)].reduce((n, m) => n + Number(m[1]), 0);
    assert.equal(counted, 3, r.stdout);
  });
});

describe('false all-clear: overdue filters that match nothing', () => {
  it('an --owner who owns nothing is a usage error with a suggestion and the owners, not "Nobody is overdue"', () => {
    const r = keyplan(['overdue', '--owner', 'li-nna', ...AS_OF]);
    assert.equal(r.status, 2, r.stdout);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no owner 'li-nna'.*did you mean 'li-na'\?.*owners: chen-hao, li-na, wu-tao, yang-fan/);
    const typo = keyplan(['overdue', '--owner', 'wanglei', ...AS_OF]);
    assert.equal(typo.status, 2);
    assert.doesNotMatch(typo.stdout, /Nobody is overdue/);
  });
  it('a real owner still filters (plan contact owners count too)', () => {
    const r = keyplan(['overdue', '--owner', 'yang-fan', ...AS_OF]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /李明/);
  });
  it('a --tier that is not A, B or C is a usage error with a suggestion', () => {
    const r = keyplan(['overdue', '--tier', 'a', ...AS_OF]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--tier takes A, B or C, not 'a'; did you mean 'A'\?/);
  });
});

describe('false all-clear: overdue lists dark accounts', function () {
  this.timeout(120_000); // several CLI runs each
  it('after the contacts, in text, Markdown and JSON (samples: 青禾医疗, 86 days)', () => {
    const text = keyplan(['overdue', ...AS_OF]);
    assert.equal(text.status, 0, text.stderr);
    const dark = text.stdout.slice(text.stdout.indexOf('Accounts gone dark'));
    assert.ok(text.stdout.indexOf('Accounts gone dark') > text.stdout.indexOf('Contacts needing attention'), text.stdout);
    assert.match(dark, /青禾医疗 \(C\)\s+2026-08-26\s+86\s+60\s+chen-hao/);
    assert.doesNotMatch(dark, /华东电信|远航汽车/);
    assert.match(dark, /1 dark account\./);
    const md = keyplan(['overdue', '--format', 'markdown', ...AS_OF]);
    assert.match(md.stdout, /### Accounts gone dark\n\n\| Account \| Last interaction \| Days \| Dark after \| Owner \|\n[^\n]+\n\| 青禾医疗 \\\(C\\\) \| 2026-08-26 \| 86 \| 60 \| chen-hao \|/);
    const json = JSON.parse(keyplan(['overdue', '--format', 'json', ...AS_OF]).stdout);
    assert.deepEqual(json.darkAccounts.map((a: { account: string; daysSince: number; darkAfter: number; file: string }) => [a.account, a.daysSince, a.darkAfter, a.file]),
      [['qinghe-medical', 86, 60, 'accounts/qinghe-medical/account.md']]);
  });
  it('--tier, --owner and paths filter the dark accounts as they filter contacts', () => {
    assert.doesNotMatch(keyplan(['overdue', '--tier', 'A', ...AS_OF]).stdout, /Accounts gone dark/);
    assert.match(keyplan(['overdue', '--tier', 'C', ...AS_OF]).stdout, /Accounts gone dark[\s\S]*青禾医疗/);
    assert.doesNotMatch(keyplan(['overdue', '--owner', 'li-na', ...AS_OF]).stdout, /Accounts gone dark/);
    assert.match(keyplan(['overdue', '--owner', 'chen-hao', ...AS_OF]).stdout, /Accounts gone dark[\s\S]*青禾医疗/);
    assert.doesNotMatch(keyplan(['overdue', 'accounts/east-china-telecom', ...AS_OF]).stdout, /Accounts gone dark/);
    assert.match(keyplan(['overdue', 'accounts/qinghe-medical', ...AS_OF]).stdout, /Accounts gone dark[\s\S]*青禾医疗/);
  });
  it('an account nobody is overdue at but that went dark is not an all-clear; a rule turned off is off here too', () => {
    const ws = writeTempWorkspace({
      'keyplan.yaml': 'dark_after: 30\ncadence:\n  A:\n    default: { ideal: 300, max: 365 }\n',
      'accounts/acme/account.md': account(),
      'accounts/acme/people/p1.md': md(['kind: person', 'id: p1', 'account: acme', 'name: 王一', 'stance: supporter', 'influence: 3']),
      'accounts/acme/interactions/2026.md': md(['kind: interaction-log', 'account: acme', 'year: 2026'], '\n- 2026-09-01 visit @p1: 拜访\n'),
    });
    try {
      const r = keyplan(['overdue', '.', ...AS_OF], ws);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^Nobody is overdue or due soon on 2026-11-20\.\n\nAccounts gone dark[\s\S]*Acme 公司 \(A\)\s+2026-09-01\s+80\s+30\s+li-na/);
      writeFileSync(path.join(ws, 'keyplan.yaml'), 'dark_after: 30\nrules:\n  account-dark: off\ncadence:\n  A:\n    default: { ideal: 300, max: 365 }\n');
      assert.equal(keyplan(['overdue', '.', ...AS_OF], ws).stdout, 'Nobody is overdue or due soon, and no account has gone dark, on 2026-11-20.\n');
    } finally {
      removeDir(ws);
    }
  });
});
