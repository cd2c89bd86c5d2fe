import assert from 'node:assert/strict';
import { buildReport, REPORT_VERSION, type AccountReport, type WorkspaceReport } from '../../src/core/report/report.js';
import { AS_OF, checkSamples, workspace } from './helpers/workspace.js';

describe('report: the samples at 2026-11-20', () => {
  let report: WorkspaceReport;
  let byId: Record<string, AccountReport>;
  before(async () => {
    const result = await checkSamples();
    report = buildReport(result);
    byId = Object.fromEntries(report.accounts.map((a) => [a.id, a]));
  });

  it('is version 1, dated, in English', () => {
    assert.equal(report.version, 1);
    assert.equal(REPORT_VERSION, 1);
    assert.equal(report.asOf, AS_OF);
    assert.equal(report.locale, 'en');
  });

  it('has three accounts sorted by tier', () => {
    assert.deepEqual(report.accounts.map((a) => [a.id, a.tier, a.owner, a.name]), [
      ['east-china-telecom', 'A', 'li-na', '华东电信'],
      ['yuanhang-auto', 'B', 'chen-hao', '远航汽车'],
      ['qinghe-medical', 'C', 'chen-hao', '青禾医疗'],
    ]);
    assert.deepEqual(report.accounts.map((a) => a.reviewStatus), ['approved', 'submitted', 'draft']);
    assert.deepEqual(report.accounts.map((a) => a.file), ['accounts/east-china-telecom/account.md', 'accounts/yuanhang-auto/account.md', 'accounts/qinghe-medical/account.md']);
  });

  it('counts people and cadence states per account', () => {
    assert.deepEqual(byId['east-china-telecom'].counts, { people: 7, active: 7, overdue: 1, dueSoon: 1, never: 0, plannedMissed: 0 });
    assert.deepEqual(byId['yuanhang-auto'].counts, { people: 5, active: 4, overdue: 1, dueSoon: 0, never: 1, plannedMissed: 1 });
    assert.deepEqual(byId['qinghe-medical'].counts, { people: 2, active: 2, overdue: 1, dueSoon: 0, never: 0, plannedMissed: 0 });
  });

  it('counts active people per quadrant (people who left are not placed)', () => {
    // A: sun-jianguo (supporter, 5), zhang-wei (champion, 4) and li-ming (champion, on the line at 3) champions;
    // zhou-yang (supporter, 2) fan; wang-fang and chen-jing (neutral) on an axis; zhao-min's stance is invalid: unplaced.
    assert.deepEqual(byId['east-china-telecom'].quadrants, { champions: 3, blockers: 0, fans: 1, naysayers: 0, axis: 2, unplaced: 1 });
    // B: tang-li champion, and zhao-lei (champion, 3) leaning to the champions; he-ping (skeptic, 3) leaning to the blockers;
    // gao-feng's stance is unknown; ma-jun left.
    assert.deepEqual(byId['yuanhang-auto'].quadrants, { champions: 2, blockers: 1, fans: 0, naysayers: 0, axis: 0, unplaced: 1 });
    // C: lin-guohua neutral; xie-wen's influence is misspelt, so unknown.
    assert.deepEqual(byId['qinghe-medical'].quadrants, { champions: 0, blockers: 0, fans: 0, naysayers: 0, axis: 1, unplaced: 1 });
    const placed = (id: string) => report.accounts.flatMap((a) => a.people).find((p) => p.id === id)!.placement;
    assert.deepEqual(placed('sun-jianguo'), { x: 1, y: 5, quadrant: 'champions' });
    assert.equal(placed('gao-feng').quadrant, 'unplaced');
    assert.equal(placed('gao-feng').x, undefined);
  });

  it('has a health score and band for every account, with its three parts', () => {
    for (const a of report.accounts) {
      assert.equal(typeof a.health.score, 'number', a.id);
      assert.ok(a.health.score! >= 0 && a.health.score! <= 100, a.id);
      assert.ok(['red', 'amber', 'green'].includes(a.health.band!), a.id);
      assert.deepEqual(a.health.parts.map((p) => p.part), ['relationship', 'experience', 'business']);
      assert.ok(a.health.parts.every((p) => p.score !== undefined), a.id);
    }
    assert.ok(byId['east-china-telecom'].health.score! > byId['yuanhang-auto'].health.score!, 'the healthy A account scores above B');
    assert.ok(byId['east-china-telecom'].health.score! > byId['qinghe-medical'].health.score!, 'the healthy A account scores above C');
    const penalties = (id: string) => byId[id].health.parts[0].details.filter((d) => d.effect !== undefined).map((d) => d.label).sort();
    assert.deepEqual(penalties('east-china-telecom'), []);
    assert.deepEqual(penalties('yuanhang-auto'), ['key-player-uncovered', 'missing-economic-buyer']);
    assert.deepEqual(penalties('qinghe-medical'), ['economic-buyer-not-supportive', 'single-threaded']);
  });

  it('lists people most urgent first', () => {
    assert.deepEqual(byId['east-china-telecom'].people.slice(0, 2).map((p) => p.id), ['zhang-wei', 'li-ming']);
    assert.deepEqual(byId['yuanhang-auto'].people.map((p) => p.id), ['he-ping', 'tang-li', 'gao-feng', 'zhao-lei', 'ma-jun']);
    assert.deepEqual(byId['qinghe-medical'].people.map((p) => p.id), ['lin-guohua', 'xie-wen']);
    for (const a of report.accounts) {
      const states = a.people.map((p) => p.cadence.state);
      const rank = (s: string) => ['overdue', 'planned-missed', 'never', 'due-soon', 'ok', 'left', 'unknown'].indexOf(s);
      for (let i = 1; i < states.length; i++) assert.ok(rank(states[i - 1]) <= rank(states[i]), `${a.id}: ${states.join(', ')}`);
    }
  });

  it('gives temperatures to active people only, and the last interaction and dark state per account', () => {
    const people = report.accounts.flatMap((a) => a.people);
    for (const p of people) assert.equal(p.temperature === undefined, p.status === 'left', p.id);
    assert.equal(people.find((p) => p.id === 'ma-jun')!.status, 'left');
    assert.deepEqual(report.accounts.map((a) => [a.lastInteraction, a.dark]), [
      [{ date: '2026-11-05', daysSince: 15 }, false],
      [{ date: '2026-11-10', daysSince: 10 }, false],
      [{ date: '2026-08-26', daysSince: 86 }, true],
    ]);
  });

  it('carries each account\'s findings, including the cadence ones', () => {
    const rules = (id: string) => new Set(byId[id].findings.map((f) => f.rule));
    assert.ok(rules('east-china-telecom').has('interaction-overdue'));
    assert.ok(rules('yuanhang-auto').has('contact-left'));
    assert.ok(rules('qinghe-medical').has('account-dark'));
    for (const a of report.accounts) for (const f of a.findings) assert.ok(f.file.startsWith(`accounts/${a.id}/`), `${a.id}: ${f.file}`);
  });

  it('is plain JSON (round-trips)', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(report)).accounts.length, 3);
  });
});

describe('report: people and targets', () => {
  const r = () =>
    workspace()
      .account('acme', { tier: 'B' })
      .person('a', { stance: 'skeptic', influence: 4, roles: ['EB'], coverage: 'brief' })
      .person('b', { stance: 'supporter', influence: 2 })
      .person('c', { status: 'left', stance: 'champion', influence: 5 })
      .plan({ contacts: [{ person: 'a', stage: 'awareness', target_stage: 'recognition', target_stance: 'supporter' }, { person: 'b', target_influence: 4, target_stage: 'purchase' }] })
      .log('acme', [`${AS_OF} call @a @b: x`])
      .check();

  it('places the target from the plan\'s target_stance and target_influence, defaulting to the current values', () => {
    const people = Object.fromEntries(buildReport(r()).accounts[0].people.map((p) => [p.id, p]));
    assert.deepEqual(people.a.placement, { x: -1, y: 4, quadrant: 'blockers' });
    assert.deepEqual(people.a.target, { x: 1, y: 4, quadrant: 'champions', stage: 'awareness', targetStage: 'recognition' });
    assert.deepEqual(people.b.placement, { x: 1, y: 2, quadrant: 'fans' });
    assert.deepEqual(people.b.target, { x: 1, y: 4, quadrant: 'champions', stage: undefined, targetStage: 'purchase' });
    assert.equal(people.c.target, undefined);
  });

  it('a person who left counts as a person but not as active, and has no temperature', () => {
    const a = buildReport(r()).accounts[0];
    assert.equal(a.counts.people, 3);
    assert.equal(a.counts.active, 2);
    const c = a.people.find((p) => p.id === 'c')!;
    assert.equal(c.temperature, undefined);
    assert.equal(c.cadence.state, 'left');
    assert.equal(a.people[a.people.length - 1].id, 'c', 'people who left come last');
  });

  it('health uses the key players\' temperatures (everyone active when nobody is a key player)', () => {
    const a = buildReport(r()).accounts[0];
    assert.deepEqual(a.health.parts[0].details.filter((d) => d.effect === undefined).map((d) => d.label), ['a']);
    const plain = workspace().account('acme', { tier: 'C' }).person('x', { influence: 2 }).person('y').check();
    const p = buildReport(plain).accounts[0];
    assert.deepEqual(p.health.parts[0].details.filter((d) => d.effect === undefined).map((d) => d.label).sort(), ['x', 'y']);
  });

  it('sorts by urgency: overdue (most first), planned-missed, never (key players first), due soon and ok (fewest days left first), left', () => {
    // Cadence 10/20 for everyone; as of 2026-11-20. Written in an order that is not the expected one.
    const c: [number, number] = [10, 20];
    const res = workspace()
      .account('acme', { tier: 'B' })
      .person('gone', { status: 'left', cadence: c })
      .person('ok-far', { cadence: c }) // met 2026-11-18: 2 days, 18 left
      .person('ok-near', { cadence: c }) // met 2026-11-11: 9 days, 11 left
      .person('soon-far', { cadence: c }) // met 2026-11-10: 10 days (= ideal), 10 left
      .person('soon-near', { cadence: c }) // met 2026-11-01: 19 days, 1 left
      .person('never-plain', { cadence: c })
      .person('never-key', { roles: ['TB'], cadence: c })
      .person('missed', { cadence: c }) // next 2026-11-16 passed; met 2026-11-14: 6 days
      .person('late-2', { cadence: c }) // met 2026-10-29: 22 days, overdue by 2
      .person('late-9', { cadence: c }) // met 2026-10-22: 29 days, overdue by 9
      .plan({ contacts: [{ person: 'missed', next: '2026-11-16' }] })
      .log('acme', [
        '2026-11-18 call @ok-far: x',
        '2026-11-14 call @missed: x',
        '2026-11-11 call @ok-near: x',
        '2026-11-10 call @soon-far: x',
        '2026-11-01 call @soon-near: x',
        '2026-10-29 call @late-2: x',
        '2026-10-22 call @late-9 @gone: x',
      ])
      .check('2026-11-20');
    assert.deepEqual(buildReport(res).accounts[0].people.map((p) => `${p.id} ${p.cadence.state}`), [
      'late-9 overdue',
      'late-2 overdue',
      'missed planned-missed',
      'never-key never',
      'never-plain never',
      'soon-near due-soon',
      'soon-far due-soon',
      'ok-near ok',
      'ok-far ok',
      'gone left',
    ]);
  });

  it('an account referenced without an account plan is not in the report', () => {
    const res = workspace().account('acme').person('p').person('q', { account: 'ghost' }).check();
    assert.deepEqual(buildReport(res).accounts.map((a) => a.id), ['acme']);
  });
});
