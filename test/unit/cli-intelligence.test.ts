import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from './helpers/git-repo.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the built CLI in the repository root, in English and without colours. */
function keyplan(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };
  delete env.KEYPLAN_LOCALE;
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'keyplan.cjs'), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const AS_OF = ['--as-of', '2026-11-20'];
/** The documented `keyplan overdue samples --as-of 2026-11-20` list, most urgent first. */
const URGENT = ['lin-guohua', 'zhang-wei', 'he-ping', 'tang-li', 'gao-feng', 'li-ming'];
const NAMES: Record<string, string> = { 'lin-guohua': '林国华', 'zhang-wei': '张伟', 'he-ping': '何平', 'tang-li': '唐丽', 'gao-feng': '高峰', 'li-ming': '李明' };

interface OverdueJson {
  version: number;
  asOf: string;
  contacts: { state: string; person: string; account: string; tier: string; owner: string; overdueBy?: number; daysSince?: number; source?: string; explanation: string }[];
}

const overdueJson = (...args: string[]): OverdueJson => {
  const r = keyplan('overdue', 'samples', ...AS_OF, '--format', 'json', ...args);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as OverdueJson;
};

describe('CLI: keyplan overdue and report on the samples', function () {
  this.timeout(120_000);

  before(() => {
    buildCli();
  });

  it('overdue: prints the documented rows in urgency order and exits 0', () => {
    const r = keyplan('overdue', 'samples', ...AS_OF);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Contacts needing attention on 2026-11-20 \(most urgent first\):/);
    const lines = r.stdout.split('\n');
    const rowOf = (id: string) => lines.findIndex((l) => l.includes(NAMES[id]));
    const rows = URGENT.map(rowOf);
    assert.ok(rows.every((i) => i > 0), rows.join(','));
    assert.deepEqual([...rows].sort((a, b) => a - b), rows, 'most urgent first');
    assert.match(lines[rowOf('lin-guohua')], /^overdue \+35d\s+青禾医疗 \(C\)/);
    assert.match(lines[rowOf('zhang-wei')], /^overdue \+12d .* 2026-09-24 meeting\s+57\s+30\/45 \(relationship-plan\)\s+li-na/);
    assert.match(lines[rowOf('he-ping')], /^overdue \+8d /);
    assert.match(lines[rowOf('tang-li')], /^planned 2026-11-12 missed /);
    assert.match(lines[rowOf('gao-feng')], /^never .* never /);
    assert.match(lines[rowOf('li-ming')], /^due soon .* 14\/30 \(person\)\s+yang-fan/);
    for (const ok of ['孙建国', '王芳', '赵敏', '陈静', '周洋', '赵磊', '谢雯', '马军']) assert.ok(!r.stdout.includes(ok), `${ok} is ok or left`);
    assert.match(r.stdout, /6 contacts: 3 overdue, 1 planned missed, 1 never met, 1 due soon\./);
  });

  it('overdue --format json: parses, version 1, same order and details', () => {
    const j = overdueJson();
    assert.equal(j.version, 1);
    assert.equal(j.asOf, '2026-11-20');
    assert.deepEqual(j.contacts.map((c) => c.person), URGENT);
    assert.deepEqual(j.contacts.map((c) => c.state), ['overdue', 'overdue', 'overdue', 'planned-missed', 'never', 'due-soon']);
    const zhang = j.contacts[1];
    assert.deepEqual([zhang.account, zhang.tier, zhang.daysSince, zhang.overdueBy, zhang.source, zhang.owner], ['east-china-telecom', 'A', 57, 12, 'relationship-plan', 'li-na']);
    assert.match(zhang.explanation, /^张伟 \(首席技术官 CTO, TB, tier A\): last met 2026-09-24 by meeting, 57 days ago; the relationship plan expects every 30 days, at most 45 → overdue by 12 days; owner li-na\.$/);
  });

  it('overdue --all adds the contacts that are ok, still without people who left', () => {
    const j = overdueJson('--all');
    assert.equal(j.contacts.length, 13);
    assert.deepEqual(j.contacts.slice(0, 6).map((c) => c.person), URGENT);
    assert.ok(j.contacts.slice(6).every((c) => c.state === 'ok'));
    assert.ok(!j.contacts.some((c) => c.person === 'ma-jun'));
  });

  it('overdue --owner filters by plan contact owner or account owner', () => {
    assert.deepEqual(overdueJson('--owner', 'li-na').contacts.map((c) => c.person), ['zhang-wei', 'li-ming']);
    assert.deepEqual(overdueJson('--owner', 'yang-fan').contacts.map((c) => c.person), ['li-ming']);
    assert.deepEqual(overdueJson('--owner', 'chen-hao').contacts.map((c) => c.person), ['lin-guohua', 'he-ping', 'tang-li', 'gao-feng']);
    // An owner who owns nothing is a usage error (exit 2), not an empty list: test/unit/false-all-clear.test.ts.
  });

  it('overdue --tier filters by account tier', () => {
    assert.deepEqual(overdueJson('--tier', 'B').contacts.map((c) => c.person), ['he-ping', 'tang-li', 'gao-feng']);
    assert.deepEqual(overdueJson('--tier', 'C').contacts.map((c) => c.person), ['lin-guohua']);
    const bad = keyplan('overdue', 'samples', ...AS_OF, '--tier', 'D');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--tier takes A, B or C/);
  });

  it('overdue --format markdown is a table', () => {
    const r = keyplan('overdue', 'samples', ...AS_OF, '--format', 'markdown');
    assert.equal(r.code, 0, r.stderr);
    // The contacts' table (the dark accounts follow under their own heading).
    const lines = r.stdout.split('### Accounts gone dark')[0].split('\n').filter((l) => l.startsWith('|'));
    assert.match(lines[0], /^\| State \| Account \| Person \| Roles \| Last interaction \| Days \| Cadence ideal\/max \| Owner \|$/);
    assert.match(lines[1], /^\|( --- \|){8}$/);
    assert.equal(lines.length, 2 + URGENT.length);
    URGENT.forEach((id, i) => assert.ok(lines[2 + i].includes(NAMES[id]), `row ${i + 1} is ${id}`));
    for (const l of lines) assert.equal(l.split(/(?<!\\)\|/).length, 10, l);
  });

  it('overdue --explain adds each explanation; --locale zh-cn writes them in Chinese', () => {
    const en = keyplan('overdue', 'samples', ...AS_OF, '--explain');
    assert.match(en.stdout, /- 李明 \(核心网运维部经理 Core Network O&M Manager, UB\/Coach, tier A\): last met 2026-11-03 by call, 17 days ago; their own cadence expects every 14 days, at most 30 → due soon: 13 days left before the maximum; owner yang-fan\./);
    const zh = keyplan('overdue', 'samples', ...AS_OF, '--explain', '--locale', 'zh-cn');
    assert.match(zh.stdout, /张伟（首席技术官 CTO，TB，A 类客户）：最近一次互动 2026-09-24（会议），已 57 天；关系规划要求每 30 天一次、最长 45 天 → 已逾期 12 天；负责人 li-na。/);
  });

  it('report --format json: version 1, three accounts', () => {
    const r = keyplan('report', 'samples', ...AS_OF, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as { version: number; asOf: string; locale: string; accounts: { id: string; tier: string; health: { score?: number; band?: string } }[] };
    assert.equal(j.version, 1);
    assert.equal(j.asOf, '2026-11-20');
    assert.equal(j.locale, 'en');
    assert.deepEqual(j.accounts.map((a) => [a.id, a.tier]), [['east-china-telecom', 'A'], ['yuanhang-auto', 'B'], ['qinghe-medical', 'C']]);
    for (const a of j.accounts) assert.ok(typeof a.health.score === 'number' && a.health.band, a.id);
  });

  it('report: text and markdown formats', () => {
    const text = keyplan('report', 'samples', ...AS_OF);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Keyplan report as of 2026-11-20: 3 accounts/);
    assert.match(text.stdout, /青禾医疗 \(qinghe-medical\) · tier C · owner chen-hao · health \d+ (red|amber|green) · DARK/);
    const md = keyplan('report', 'samples', ...AS_OF, '--format', 'markdown');
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^## Keyplan report as of 2026-11-20/);
    assert.match(md.stdout, /\| Account \| Tier \| Owner \| Health \|/);
  });

  it('report for one account folder shows only that account', () => {
    const r = keyplan('report', 'samples/accounts/yuanhang-auto', ...AS_OF, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as { accounts: { id: string }[] }).accounts.map((a) => a.id), ['yuanhang-auto']);
  });

  it('a bad --as-of exits 2 with a usage message', () => {
    for (const command of ['overdue', 'report']) {
      const r = keyplan(command, 'samples', '--as-of', '2026-13-01');
      assert.equal(r.code, 2, command);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /--as-of: 2026-13-01 is not a date that exists/);
    }
    // A date written right that does not exist, and a date written wrong, are told apart.
    const feb30 = keyplan('overdue', 'samples', '--as-of', '2026-02-30');
    assert.equal(feb30.code, 2);
    assert.equal(feb30.stderr, 'keyplan: --as-of: 2026-02-30 is not a date that exists\n');
    const compact = keyplan('overdue', 'samples', '--as-of', '20261120');
    assert.equal(compact.code, 2);
    assert.equal(compact.stderr, "keyplan: --as-of takes a date as YYYY-MM-DD, not '20261120'\n");
    assert.equal(keyplan('overdue', 'samples', '--as-of', '2026-02-30', '--locale', 'zh-cn').stderr, 'keyplan：--as-of：2026-02-30 不是真实存在的日期\n');
  });

  it('an unknown format exits 2', () => {
    const r = keyplan('overdue', 'samples', ...AS_OF, '--format', 'csv');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown format 'csv'/);
  });
});
