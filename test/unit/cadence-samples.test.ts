import assert from 'node:assert/strict';
import type { CheckResult } from '../../src/core/check/pipeline.js';
import { buildReport } from '../../src/core/report/report.js';
import { contactLeft } from '../../src/core/rules/cadence/contact-left.js';
import { cadenceOf, checkSamples, findings, lineOf, sampleText } from './helpers/workspace.js';

/** The "Cadence states at 2026-11-20" table of samples/README.md. */
const EXPECTED: { person: string; account: string; last?: string; line?: number; days?: number; cadence?: [number, number]; source?: string; key?: string; state: string; overdueBy?: number }[] = [
  { account: 'east-china-telecom', person: 'sun-jianguo', last: '2026-11-05', line: 40, days: 15, cadence: [30, 45], source: 'config', key: 'A.EB', state: 'ok' },
  { account: 'east-china-telecom', person: 'zhang-wei', last: '2026-09-24', line: 28, days: 57, cadence: [30, 45], source: 'relationship-plan', state: 'overdue', overdueBy: 12 },
  { account: 'east-china-telecom', person: 'wang-fang', last: '2026-11-05', line: 40, days: 15, cadence: [45, 60], source: 'config', key: 'A.default', state: 'ok' },
  { account: 'east-china-telecom', person: 'li-ming', last: '2026-11-03', line: 39, days: 17, cadence: [14, 30], source: 'person', state: 'due-soon' },
  { account: 'east-china-telecom', person: 'zhao-min', last: '2026-10-15', line: 33, days: 36, cadence: [45, 60], source: 'config', key: 'A.default', state: 'ok' },
  { account: 'east-china-telecom', person: 'chen-jing', last: '2026-10-09', line: 32, days: 42, cadence: [45, 60], source: 'config', key: 'A.default', state: 'ok' },
  { account: 'east-china-telecom', person: 'zhou-yang', last: '2026-10-20', line: 34, days: 31, cadence: [45, 60], source: 'config', key: 'A.default', state: 'ok' },
  { account: 'yuanhang-auto', person: 'ma-jun', state: 'left' },
  { account: 'yuanhang-auto', person: 'gao-feng', cadence: [60, 90], source: 'config', key: 'B.default', state: 'never' },
  { account: 'yuanhang-auto', person: 'tang-li', last: '2026-10-28', line: 32, days: 23, cadence: [60, 90], source: 'config', key: 'B.default', state: 'planned-missed' },
  { account: 'yuanhang-auto', person: 'zhao-lei', last: '2026-11-10', line: 36, days: 10, cadence: [30, 45], source: 'person', state: 'ok' },
  { account: 'yuanhang-auto', person: 'he-ping', last: '2026-08-14', line: 21, days: 98, cadence: [60, 90], source: 'config', key: 'B.default', state: 'overdue', overdueBy: 8 },
  { account: 'qinghe-medical', person: 'lin-guohua', last: '2026-06-18', line: 11, days: 155, cadence: [60, 120], source: 'config', key: 'C.EB', state: 'overdue', overdueBy: 35 },
  { account: 'qinghe-medical', person: 'xie-wen', last: '2026-08-26', line: 19, days: 86, cadence: [90, 180], source: 'config', key: 'C.default', state: 'ok' },
];

describe('samples at 2026-11-20: cadence states (samples/README.md)', () => {
  let r: CheckResult;
  before(async () => {
    r = await checkSamples();
  });

  it('has exactly the 14 documented people', () => {
    assert.deepEqual(r.cadences.map((c) => c.person.id).sort(), EXPECTED.map((e) => e.person).sort());
  });

  for (const e of EXPECTED) {
    it(`${e.person}: ${e.state}${e.days !== undefined ? ` after ${e.days} days` : ''}`, async () => {
      const c = cadenceOf(r, e.person);
      assert.equal(c.account.id, e.account);
      assert.equal(c.state, e.state);
      if (e.state === 'left') return;
      assert.equal(c.last?.date, e.last);
      assert.equal(c.daysSince, e.days);
      assert.deepEqual(c.expected, { ideal: e.cadence![0], max: e.cadence![1] });
      assert.equal(c.source, e.source);
      if (e.key) assert.equal(c.sourceKey, e.key);
      if (e.overdueBy !== undefined) assert.equal(c.overdueBy, e.overdueBy);
      if (e.line !== undefined) {
        const log = `accounts/${e.account}/interactions-2026.md`;
        assert.equal(c.last?.doc.path, log);
        const text = await sampleText(log);
        assert.equal(c.last!.doc.bodyRange(c.last!.entry.start, c.last!.entry.end).start.line, e.line);
        assert.ok(text.split('\n')[e.line - 1].includes(e.last!), `line ${e.line} of ${log} holds ${e.last}`);
      }
    });
  }

  it('shows every cadence state at least once', () => {
    const states = new Set(r.cadences.map((c) => c.state));
    for (const s of ['ok', 'due-soon', 'overdue', 'never', 'planned-missed', 'left']) assert.ok(states.has(s as never), s);
  });

  it('sun-jianguo\'s plan `next` was met on the day itself; gao-feng\'s is still ahead', () => {
    assert.equal(cadenceOf(r, 'sun-jianguo').contact?.contact.next, '2026-11-05');
    assert.equal(cadenceOf(r, 'sun-jianguo').missedPlan, undefined);
    assert.equal(cadenceOf(r, 'gao-feng').contact?.contact.next, '2026-11-27');
    assert.equal(cadenceOf(r, 'gao-feng').missedPlan, undefined);
  });

  it('tang-li missed the plan `next` 2026-11-12 by 8 days', () => {
    assert.deepEqual(cadenceOf(r, 'tang-li').missedPlan, { next: '2026-11-12', daysAgo: 8 });
    const d = findings(r, 'planned-interaction-missed');
    assert.equal(d.length, 1);
    assert.equal(d[0].file, 'accounts/yuanhang-auto/relationship-plan-2026.md');
  });

  it('only qinghe-medical is dark (86 days > 60)', () => {
    const byId = Object.fromEntries(r.activity.map((a) => [a.account.id, a]));
    assert.deepEqual([byId['east-china-telecom'].last?.date, byId['east-china-telecom'].daysSince, byId['east-china-telecom'].dark], ['2026-11-05', 15, false]);
    assert.deepEqual([byId['yuanhang-auto'].last?.date, byId['yuanhang-auto'].daysSince, byId['yuanhang-auto'].dark], ['2026-11-10', 10, false]);
    assert.deepEqual([byId['qinghe-medical'].last?.date, byId['qinghe-medical'].daysSince, byId['qinghe-medical'].dark], ['2026-08-26', 86, true]);
    assert.deepEqual(findings(r, 'account-dark').map((d) => d.file), ['accounts/qinghe-medical/account.md']);
  });

  it('contact-left: ma-jun is still a contact in the yuanhang-auto plan (line 13)', async () => {
    const plan = 'accounts/yuanhang-auto/relationship-plan-2026.md';
    const onPlan = findings(r, 'contact-left', plan);
    assert.equal(onPlan.length, 1);
    assert.equal(onPlan[0].range.start.line, 13);
    assert.equal(lineOf(await sampleText(plan), 'person: ma-jun'), 13);
    assert.equal(findings(r, 'contact-left', 'accounts/yuanhang-auto/people/ma-jun.md').length, 1);
    assert.equal(findings(r, 'contact-left').length, 2);
    // It says to keep the file (old log entries mention the person), not only to remove them from the plan.
    assert.match(onPlan[0].message, /keep their file with `status: left`: do not delete it, old log entries mention them\.$/);
  });

  it('contact-left in Chinese also says to keep the file', () => {
    assert.match(contactLeft.message('zh-cn', 'default', { name: '马骏', plan: 'p.md' }), /保留其人员文件（`status: left`）：不要删除，旧的互动记录仍提及此人。$/);
  });

  it('the report agrees with the cadence engine', () => {
    const report = buildReport(r);
    for (const e of EXPECTED) {
      const p = report.accounts.find((a) => a.id === e.account)!.people.find((x) => x.id === e.person)!;
      assert.equal(p.cadence.state, e.state, e.person);
      if (e.line) assert.equal(p.cadence.lastInteraction?.line, e.line, e.person);
    }
  });
});
