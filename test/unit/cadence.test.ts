import assert from 'node:assert/strict';
import { urgency } from '../../src/core/analysis/cadence.js';
import { addDays } from '../../src/core/dates.js';
import {
  ACCOUNT, AS_OF, cadenceOf, findings, LOG, lineOf, listFindings, PLAN, personFile, single, workspace,
} from './helpers/workspace.js';

/** The calendar date `n` days before the as-of date. */
const ago = (n: number) => addDays(AS_OF, -n);

/** Account `acme` (owner li-na) of the given tier. */
const acme = (tier = 'A') => workspace().account('acme', { tier });

const CADENCE_RULES = ['interaction-overdue', 'interaction-due-soon', 'interaction-never', 'planned-interaction-missed', 'contact-left'];

describe('cadence: expected cadence precedence', () => {
  const full = () =>
    acme('A')
      .config(['cadence:', '  A:', '    default: { ideal: 40, max: 50 }'])
      .person('zhang-wei', { roles: ['TB'], cadence: [60, 90] })
      .log('acme', [`${ago(5)} meeting @zhang-wei: kick-off`]);

  it('the relationship-plan contact wins over the person, keyplan.yaml and the built-in default', () => {
    const ws = full().plan({ contacts: [{ person: 'zhang-wei', cadence: [30, 45] }] });
    const c = cadenceOf(ws.check(), 'zhang-wei');
    assert.deepEqual(c.expected, { ideal: 30, max: 45 });
    assert.equal(c.source, 'relationship-plan');
    assert.equal(c.sourceKey, undefined);
  });

  it('the person\'s own cadence wins when the plan contact has none', () => {
    const ws = full().plan({ contacts: [{ person: 'zhang-wei', stage: 'recognition', target_stage: 'purchase' }] });
    const c = cadenceOf(ws.check(), 'zhang-wei');
    assert.deepEqual(c.expected, { ideal: 60, max: 90 });
    assert.equal(c.source, 'person');
  });

  it('keyplan.yaml wins over the built-in default when neither the plan nor the person sets one', () => {
    const ws = full().person('zhang-wei', { roles: ['TB'] });
    const c = cadenceOf(ws.check(), 'zhang-wei');
    assert.deepEqual(c.expected, { ideal: 40, max: 50 });
    assert.equal(c.source, 'config');
    assert.equal(c.sourceKey, 'A.default');
  });

  it('the built-in default applies when nothing else does, per tier and role', () => {
    const cases: [string, string[] | undefined, { ideal: number; max: number }, string][] = [
      ['A', ['EB'], { ideal: 30, max: 45 }, 'A.EB'],
      ['A', ['TB'], { ideal: 45, max: 60 }, 'A.default'],
      ['A', undefined, { ideal: 45, max: 60 }, 'A.default'],
      ['B', ['EB'], { ideal: 60, max: 90 }, 'B.default'],
      ['C', ['EB'], { ideal: 90, max: 180 }, 'C.default'],
    ];
    for (const [tier, roles, expected, key] of cases) {
      const c = cadenceOf(acme(tier).person('p', { roles }).check(), 'p');
      assert.deepEqual(c.expected, expected, `${tier} ${roles}`);
      assert.equal(c.source, 'built-in', `${tier} ${roles}`);
      assert.equal(c.sourceKey, key, `${tier} ${roles}`);
    }
  });

  it('a keyplan.yaml entry only counts as `config` for the tier and role it sets', () => {
    const ws = acme('A')
      .config(['cadence:', '  A:', '    EB: { ideal: 20, max: 30 }'])
      .person('eb', { roles: ['EB'] })
      .person('other', { roles: ['UB'] });
    const r = ws.check();
    assert.equal(cadenceOf(r, 'eb').source, 'config');
    assert.deepEqual(cadenceOf(r, 'eb').expected, { ideal: 20, max: 30 });
    assert.equal(cadenceOf(r, 'other').source, 'built-in');
    assert.equal(cadenceOf(r, 'other').sourceKey, 'A.default');
  });

  it('with several roles the strictest configured role cadence applies', () => {
    const ws = acme('A')
      .config(['roles: [Gatekeeper]', 'cadence:', '  A:', '    TB: { ideal: 60, max: 90 }', '    Coach: { ideal: 14, max: 30 }', '    Gatekeeper: { ideal: 20, max: 25 }'])
      .person('three', { roles: ['TB', 'EB', 'Coach'] })
      .person('tb-ub', { roles: ['UB', 'TB'] })
      .person('custom', { roles: ['Gatekeeper', 'TB'] })
      .person('ub', { roles: ['UB'] });
    const r = ws.check();
    assert.deepEqual(listFindings(r.diagnostics.filter((d) => d.severity === 'error')), '');
    const three = cadenceOf(r, 'three');
    assert.deepEqual(three.expected, { ideal: 14, max: 30 }, 'Coach 14/30 is stricter than the built-in EB 30/45 and TB 60/90');
    assert.equal(three.sourceKey, 'A.Coach');
    assert.equal(three.source, 'config');
    assert.equal(cadenceOf(r, 'tb-ub').sourceKey, 'A.TB', 'UB has no entry; TB is the only role with one');
    assert.equal(cadenceOf(r, 'custom').sourceKey, 'A.Gatekeeper', 'a role added in keyplan.yaml can have its own cadence');
    assert.equal(cadenceOf(r, 'ub').sourceKey, 'A.default');
  });

  it('an invalid plan cadence (max below ideal) falls back to the next source', () => {
    const ws = acme('A').person('p', { cadence: [10, 20] }).plan({ contacts: [{ person: 'p', cadence: [30, 15] }] });
    const c = cadenceOf(ws.check(), 'p');
    assert.equal(c.source, 'person');
    assert.deepEqual(c.expected, { ideal: 10, max: 20 });
  });

  it('an account without a valid tier gives state unknown unless the person or plan sets a cadence', () => {
    const ws = acme('D').person('p').person('q', { cadence: [10, 20] });
    const r = ws.check();
    assert.equal(cadenceOf(r, 'p').state, 'unknown');
    assert.equal(cadenceOf(r, 'p').expected, undefined);
    assert.equal(cadenceOf(r, 'q').state, 'never');
    assert.equal(cadenceOf(r, 'q').source, 'person');
  });
});

describe('cadence: states and boundary days', () => {
  /** A person with cadence 10/20 last met `days` ago. */
  const metAgo = (days: number) => acme('A').person('p', { cadence: [10, 20] }).log('acme', [`${ago(days)} call @p: status`]).check();

  it('met today: ok with daysSince 0', () => {
    const c = cadenceOf(metAgo(0), 'p');
    assert.equal(c.state, 'ok');
    assert.equal(c.daysSince, 0);
    assert.equal(c.daysLeft, 20);
  });

  it('ideal − 1 days: ok', () => {
    const r = metAgo(9);
    assert.equal(cadenceOf(r, 'p').state, 'ok');
    assert.equal(cadenceOf(r, 'p').daysSince, 9);
    assert.deepEqual(r.diagnostics.filter((d) => CADENCE_RULES.includes(d.rule)), []);
  });

  it('exactly ideal: due-soon (info)', () => {
    const r = metAgo(10);
    const c = cadenceOf(r, 'p');
    assert.equal(c.state, 'due-soon');
    assert.equal(c.daysLeft, 10);
    assert.equal(c.overdueBy, undefined);
    assert.equal(single(r, 'interaction-due-soon').severity, 'info');
  });

  it('exactly max: still due-soon, 0 days left', () => {
    const r = metAgo(20);
    const c = cadenceOf(r, 'p');
    assert.equal(c.state, 'due-soon');
    assert.equal(c.daysLeft, 0);
    assert.match(c.explanation, /the maximum is reached today/);
    assert.equal(findings(r, 'interaction-overdue').length, 0);
  });

  it('max + 1: overdue by 1 (warning)', () => {
    const r = metAgo(21);
    const c = cadenceOf(r, 'p');
    assert.equal(c.state, 'overdue');
    assert.equal(c.overdueBy, 1);
    assert.equal(c.daysSince, 21);
    assert.match(c.explanation, /overdue by 1 day\b/);
    assert.equal(single(r, 'interaction-overdue').severity, 'warning');
    assert.equal(findings(r, 'interaction-due-soon').length, 0);
  });

  it('counts calendar days across month ends, leap days and DST changes', () => {
    const days = (from: string, to: string) => cadenceOf(acme('A').person('p', { cadence: [400, 500] }).log('acme', [`${from} call @p: x`]).check(to), 'p').daysSince;
    assert.equal(days('2026-10-31', '2026-11-02'), 2); // US DST ends 2026-11-01
    assert.equal(days('2026-03-28', '2026-03-30'), 2); // EU DST starts 2026-03-29
    assert.equal(days('2028-02-28', '2028-03-01'), 2); // leap year
    assert.equal(days('2026-12-31', '2027-01-01'), 1);
    assert.equal(days('2025-11-20', '2026-11-20'), 365);
  });

  it('uses the newest interaction that mentions the person, before or after the colon', () => {
    const r = acme('A')
      .person('p', { cadence: [10, 20] })
      .person('q')
      .log('acme', [`${ago(30)} visit @p: old`, `${ago(3)} meeting @q: met @p in the corridor`, `${ago(8)} call @q: other`])
      .check();
    const c = cadenceOf(r, 'p');
    assert.equal(c.last?.date, ago(3));
    assert.equal(c.last?.channel, 'meeting');
    assert.equal(c.state, 'ok');
  });

  it('never: no interaction at all; warning for key players, info for others', () => {
    const r = acme('A')
      .person('eb', { roles: ['EB'] })
      .person('influential', { influence: 4 })
      .person('key-layer', { influence: 2 })
      .person('plain', { influence: 2 })
      .plan({ contacts: [{ person: 'key-layer', layer: 'key', target_stage: 'purchase' }, { person: 'plain', layer: 'general', target_stage: 'purchase' }] })
      .check();
    for (const id of ['eb', 'influential', 'key-layer', 'plain']) assert.equal(cadenceOf(r, id).state, 'never', id);
    const severity = (id: string) => single(r, 'interaction-never', personFile(id)).severity;
    assert.equal(severity('eb'), 'warning');
    assert.equal(severity('influential'), 'warning');
    assert.equal(severity('key-layer'), 'warning');
    assert.equal(severity('plain'), 'info');
    assert.equal(cadenceOf(r, 'plain').keyPlayer, false);
    assert.ok(urgency(cadenceOf(r, 'eb')) > urgency(cadenceOf(r, 'plain')), 'never-met key players come first');
  });
});

describe('cadence: planned interactions', () => {
  const planned = (next: string, entries: string[], cadence: [number, number] = [30, 60]) =>
    acme('A').person('p', { roles: ['TB'] }).plan({ contacts: [{ person: 'p', cadence, next, target_stage: 'purchase', owner: 'yang-fan' }] }).log('acme', entries);

  it('a passed `next` without an interaction on or after it: planned-missed, reported on `next`', () => {
    const ws = planned('2026-11-10', ['2026-11-05 call @p: agreed to meet on the 10th']);
    const r = ws.check();
    const c = cadenceOf(r, 'p');
    assert.equal(c.state, 'planned-missed');
    assert.deepEqual(c.missedPlan, { next: '2026-11-10', daysAgo: 10 });
    assert.equal(c.daysSince, 15, 'the interval alone would be ok');
    const d = single(r, 'planned-interaction-missed');
    assert.equal(d.severity, 'warning');
    assert.equal(d.file, PLAN);
    assert.equal(d.range.start.line, lineOf(ws.get(PLAN), 'next: 2026-11-10'));
    assert.match(d.message, /planned for 2026-11-10 \(10 days ago\).*owner yang-fan/);
    assert.equal(findings(r, 'interaction-due-soon').length + findings(r, 'interaction-overdue').length, 0);
  });

  it('an interaction ON the planned date satisfies it', () => {
    const r = planned('2026-11-10', ['2026-11-10 visit @p: as planned']).check();
    assert.equal(cadenceOf(r, 'p').state, 'ok');
    assert.equal(cadenceOf(r, 'p').missedPlan, undefined);
    assert.equal(findings(r, 'planned-interaction-missed').length, 0);
  });

  it('an interaction after the planned date satisfies it too', () => {
    const r = planned('2026-11-10', ['2026-11-12 visit @p: two days late']).check();
    assert.equal(cadenceOf(r, 'p').state, 'ok');
    assert.equal(findings(r, 'planned-interaction-missed').length, 0);
  });

  it('a future `next`, or `next` equal to today, does nothing', () => {
    for (const next of ['2026-11-25', AS_OF]) {
      const r = planned(next, [`${ago(5)} call @p: x`]).check();
      assert.equal(cadenceOf(r, 'p').state, 'ok', next);
      assert.equal(findings(r, 'planned-interaction-missed').length, 0, next);
    }
  });

  it('a never-met person with a passed `next` is planned-missed', () => {
    const r = planned('2026-11-01', []).check();
    assert.equal(cadenceOf(r, 'p').state, 'planned-missed');
    assert.equal(single(r, 'planned-interaction-missed').severity, 'warning');
  });

  it('overdue and a missed plan are both reported; the state stays overdue', () => {
    const ws = planned('2026-11-01', ['2026-08-01 visit @p: last time'], [30, 45]);
    const r = ws.check();
    const c = cadenceOf(r, 'p');
    assert.equal(c.state, 'overdue');
    assert.equal(c.overdueBy, 111 - 45);
    assert.deepEqual(c.missedPlan, { next: '2026-11-01', daysAgo: 19 });
    assert.equal(findings(r, 'interaction-overdue').length, 2, 'on the person file and on the plan entry');
    assert.equal(findings(r, 'planned-interaction-missed').length, 1);
  });

  it('an interaction in the future does not satisfy a passed plan', () => {
    const r = planned('2026-11-10', ['2026-11-05 call @p: x', '2026-11-25 visit @p: rescheduled']).check();
    assert.equal(cadenceOf(r, 'p').state, 'planned-missed');
  });
});

describe('cadence: people who left', () => {
  it('status left is never overdue, and contact-left is reported on the plan entry and the person file', () => {
    const ws = acme('A')
      .person('gone', { roles: ['EB'], status: 'left' })
      .person('other')
      .plan({ contacts: [{ person: 'other', target_stage: 'purchase' }, { person: 'gone', target_stage: 'purchase', next: '2026-10-01' }] })
      .log('acme', ['2025-01-01 visit @gone: farewell']);
    const r = ws.check();
    const c = cadenceOf(r, 'gone');
    assert.equal(c.state, 'left');
    assert.equal(c.expected, undefined);
    assert.match(c.explanation, /has left the company/);
    for (const rule of ['interaction-overdue', 'interaction-never', 'planned-interaction-missed', 'interaction-due-soon']) {
      assert.equal(findings(r, rule).filter((d) => d.data?.person === 'gone').length, 0, rule);
    }
    const onPlan = single(r, 'contact-left', PLAN);
    assert.equal(onPlan.severity, 'warning');
    assert.equal(onPlan.range.start.line, lineOf(ws.get(PLAN), 'person: gone'));
    assert.match(onPlan.message, /gone has left the company \(status: left\) but is still a contact in accounts\/acme\/relationship-plan\.md/);
    const onPerson = single(r, 'contact-left', personFile('gone'));
    assert.equal(onPerson.range.start.line, lineOf(ws.get(personFile('gone')), 'status: left'));
  });

  it('no contact-left when the person is not in the current plan', () => {
    const r = acme('A')
      .person('gone', { status: 'left' })
      .plan({ contacts: [{ person: 'gone' }], period: ['2025-01-01', '2025-12-31'] }, 'plan-2025.md')
      .plan({ contacts: [], period: ['2026-01-01', '2026-12-31'] }, 'plan-2026.md')
      .check();
    assert.equal(cadenceOf(r, 'gone').state, 'left');
    assert.equal(findings(r, 'contact-left').length, 0);
  });
});

describe('cadence: dark accounts', () => {
  const lastMet = (days: number, config?: string[]) => {
    const ws = acme('A').person('p').log('acme', [`${ago(days)} visit @p: x`]);
    if (config) ws.config(config);
    return ws.check();
  };

  it('more than 60 days without any interaction: dark, reported on the account name', () => {
    const r = lastMet(61);
    const a = r.activity.find((x) => x.account.id === 'acme')!;
    assert.equal(a.dark, true);
    assert.equal(a.daysSince, 61);
    const d = single(r, 'account-dark');
    assert.equal(d.file, ACCOUNT);
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, 4, 'the `name:` line');
    assert.match(d.message, /Nobody at acme 公司 has been met for 61 days \(last: .* with p\); an account goes dark after 60 days without interaction\. Owner li-na\./);
  });

  it('exactly 60 days: not yet dark', () => {
    const r = lastMet(60);
    assert.equal(r.activity[0].dark, false);
    assert.equal(findings(r, 'account-dark').length, 0);
  });

  it('keyplan.yaml dark_after changes the threshold', () => {
    assert.equal(lastMet(31, ['dark_after: 30']).activity[0].dark, true);
    assert.equal(lastMet(30, ['dark_after: 30']).activity[0].dark, false);
    assert.equal(lastMet(61, ['dark_after: 90']).activity[0].dark, false);
  });

  it('an account with no interaction at all is dark', () => {
    const r = acme('A').person('p').check();
    assert.equal(r.activity[0].dark, true);
    assert.equal(r.activity[0].daysSince, undefined);
    assert.match(single(r, 'account-dark').message, /^No interaction with anyone at acme 公司 has been logged/);
  });

  it('the newest interaction of anyone counts, not just key players', () => {
    const r = acme('A').person('p', { roles: ['EB'] }).person('q').log('acme', [`${ago(100)} visit @p: x`, `${ago(10)} wechat @q: y`]).check();
    assert.equal(r.activity[0].dark, false);
    assert.equal(r.activity[0].last?.date, ago(10));
  });
});

describe('cadence: interactions after the as-of date', () => {
  it('are ignored for the state and the account, and reported as log-entry-in-future', () => {
    const ws = acme('A').person('p', { cadence: [10, 20] }).log('acme', [`${ago(25)} call @p: counted`, '2026-11-21 visit @p: tomorrow']);
    const r = ws.check();
    const c = cadenceOf(r, 'p');
    assert.equal(c.last?.date, ago(25));
    assert.equal(c.state, 'overdue');
    assert.equal(r.activity[0].last?.date, ago(25));
    const d = single(r, 'log-entry-in-future');
    assert.equal(d.file, LOG);
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, lineOf(ws.get(LOG), '2026-11-21'));
    assert.equal(d.range.start.column, 3, 'on the date, after `- `');
    assert.equal(d.range.end.column, 13);
    assert.match(d.message, /dated 2026-11-21, after today \(2026-11-20\)/);
  });

  it('an interaction dated on the as-of day counts', () => {
    const r = acme('A').person('p').log('acme', [`${AS_OF} visit @p: today`]).check();
    assert.equal(cadenceOf(r, 'p').daysSince, 0);
    assert.equal(findings(r, 'log-entry-in-future').length, 0);
  });
});

describe('cadence: where findings are placed', () => {
  it('at the `cadence` key when the person has one, and on the plan contact\'s `person` value', () => {
    const ws = acme('A').person('p', { title: 'CTO', cadence: [10, 20] }).plan({ contacts: [{ person: 'p', target_stage: 'purchase' }] }).log('acme', [`${ago(30)} call @p: x`]);
    const r = ws.check();
    const ds = findings(r, 'interaction-overdue');
    assert.equal(ds.length, 2, listFindings(r.diagnostics));
    const onPerson = ds.find((d) => d.file === personFile('p'))!;
    assert.equal(onPerson.range.start.line, lineOf(ws.get(personFile('p')), 'cadence:'));
    assert.equal(onPerson.range.start.column, 1);
    const onPlan = ds.find((d) => d.file === PLAN)!;
    assert.equal(onPlan.range.start.line, lineOf(ws.get(PLAN), 'person: p'));
    assert.equal(onPlan.range.start.column, 13, 'on the value after `  - person: `');
    assert.equal(onPerson.message, onPlan.message);
    assert.deepEqual(onPerson.data, { person: 'p', account: 'acme', state: 'overdue' });
  });

  it('at the `name` value when the person has no cadence', () => {
    const ws = acme('A').person('p').log('acme', [`${ago(61)} call @p: x`]);
    const d = single(ws.check(), 'interaction-overdue');
    assert.equal(d.range.start.line, lineOf(ws.get(personFile('p')), 'name: p'));
    assert.equal(d.range.start.column, 7);
  });

  it('only on the person file when the person is not in a plan', () => {
    const r = acme('A').person('p').log('acme', [`${ago(50)} call @p: x`]).check();
    assert.deepEqual(findings(r, 'interaction-due-soon').map((d) => d.file), [personFile('p')]);
  });
});

describe('cadence: which relationship plan is current', () => {
  const withPlans = (...plans: [string, [string, string], [number, number]][]) => {
    const ws = acme('A').person('p').log('acme', [`${ago(5)} call @p: x`]);
    for (const [file, period, cadence] of plans) ws.plan({ period, contacts: [{ person: 'p', cadence, target_stage: 'purchase' }] }, file);
    return ws;
  };

  it('the plan whose period contains the as-of date', () => {
    const ws = withPlans(['plan-2025.md', ['2025-01-01', '2025-12-31'], [11, 22]], ['plan-2026.md', ['2026-01-01', '2026-12-31'], [12, 24]], ['plan-2027.md', ['2027-01-01', '2027-12-31'], [13, 26]]);
    const c = cadenceOf(ws.check(), 'p');
    assert.deepEqual(c.expected, { ideal: 12, max: 24 });
    assert.equal(c.contact?.plan.path, 'accounts/acme/plan-2026.md');
  });

  it('the most recently started plan when two contain the as-of date', () => {
    const ws = withPlans(['plan-year.md', ['2026-01-01', '2026-12-31'], [11, 22]], ['plan-h2.md', ['2026-07-01', '2026-12-31'], [12, 24]]);
    assert.equal(cadenceOf(ws.check(), 'p').contact?.plan.path, 'accounts/acme/plan-h2.md');
  });

  it('otherwise the latest started plan, never one that has not started', () => {
    const ws = withPlans(['plan-2025.md', ['2025-01-01', '2025-12-31'], [11, 22]], ['plan-h1.md', ['2026-01-01', '2026-06-30'], [12, 24]], ['plan-2027.md', ['2027-01-01', '2027-12-31'], [13, 26]]);
    const r = ws.check();
    assert.equal(cadenceOf(r, 'p').contact?.plan.path, 'accounts/acme/plan-h1.md');
    assert.deepEqual(cadenceOf(r, 'p').expected, { ideal: 12, max: 24 });
  });

  it('no plan at all when every plan starts later', () => {
    const ws = withPlans(['plan-2027.md', ['2027-01-01', '2027-12-31'], [13, 26]]);
    const c = cadenceOf(ws.check(), 'p');
    assert.equal(c.contact, undefined);
    assert.equal(c.source, 'built-in');
  });
});

describe('cadence: explanations', () => {
  /** The zhang-wei story from the samples: plan cadence 30/45, last met 57 days ago, owner li-na. */
  const story = () =>
    workspace()
      .account('east', { tier: 'A', name: '华东电信', owner: 'li-na' })
      .person('zhang-wei', { account: 'east', name: '张伟', title: '首席技术官 CTO', roles: ['TB', 'Coach'], cadence: [60, 90] })
      .plan({ account: 'east', contacts: [{ person: 'zhang-wei', cadence: [30, 45], target_stage: 'advocacy' }] })
      .log('east', ['2026-09-24 meeting @zhang-wei: 5G core TCO']);

  it('names person, title, roles, tier, last date, channel, days, cadence source, verdict and owner', () => {
    const c = cadenceOf(story().check(), 'zhang-wei');
    assert.equal(
      c.explanation,
      '张伟 (首席技术官 CTO, TB/Coach, tier A): last met 2026-09-24 by meeting, 57 days ago; the relationship plan expects every 30 days, at most 45 → overdue by 12 days; owner li-na.',
    );
  });

  it('says the same in Chinese with locale zh-cn', () => {
    const c = cadenceOf(story().check(AS_OF, 'zh-cn'), 'zhang-wei');
    assert.equal(c.explanation, '张伟（首席技术官 CTO，TB/Coach，A 类客户）：最近一次互动 2026-09-24（会议），已 57 天；关系规划要求每 30 天一次、最长 45 天 → 已逾期 12 天；负责人 li-na。');
  });

  it('the finding messages are the explanation, in the chosen locale', () => {
    const r = story().check(AS_OF, 'zh-cn');
    const ds = findings(r, 'interaction-overdue');
    assert.equal(ds.length, 2);
    // The explanation, and (the plan's cadence overriding zhang-wei's own) the overridden one named.
    for (const d of ds) assert.equal(d.message, `${cadenceOf(r, 'zhang-wei').explanation}本人的节奏设置（每 60 天一次、最长 90 天）被关系规划中的设置覆盖。`);
  });

  it('sits where the cadence in force is written: the plan entry\'s cadence when it overrides the person\'s own', () => {
    const r = story().check(AS_OF);
    const ds = findings(r, 'interaction-overdue');
    const onPlan = ds.find((d) => d.file.includes('relationship-plan'))!;
    const onPerson = ds.find((d) => d.file.includes('/people/'))!;
    const plan = r.workspace.documents.find((d) => d.path === onPlan.file)!;
    const person = r.workspace.documents.find((d) => d.path === onPerson.file)!;
    const lineText = (text: string, line: number) => text.split('\n')[line - 1];
    assert.match(lineText(plan.text, onPlan.range.start.line), /^\s+cadence:/, 'on the contact entry\'s cadence');
    assert.match(lineText(person.text, onPerson.range.start.line), /^name:/, 'not on the overridden cadence of the person');
    assert.match(onPlan.message, /The person's own cadence \(every 60 days, at most 90\) is overridden by the relationship plan's\.$/);
  });

  it('names each cadence source', () => {
    const ws = acme('A')
      .config(['cadence:', '  A:', '    EB: { ideal: 20, max: 30 }'])
      .person('eb', { roles: ['EB'] })
      .person('own', { cadence: [10, 20] })
      .person('builtin', { roles: ['TB'] })
      .log('acme', [`${ago(5)} call @eb @own @builtin: x`]);
    const en = ws.check();
    assert.match(cadenceOf(en, 'eb').explanation, /; keyplan\.yaml \(A\/EB\) expects every 20 days, at most 30 → ok, next contact ideally within 15 days; owner li-na\.$/);
    assert.match(cadenceOf(en, 'own').explanation, /; their own cadence expects every 10 days, at most 20 → ok/);
    assert.match(cadenceOf(en, 'builtin').explanation, /; the tier-A default expects every 45 days, at most 60 → ok/);
    const builtinEb = cadenceOf(acme('A').person('eb', { roles: ['EB'] }).check(), 'eb');
    assert.match(builtinEb.explanation, /^eb \(EB, tier A\): no interaction logged; the tier-A default for EB expects every 30 days, at most 45 → never met; owner li-na\.$/);
    const zh = ws.check(AS_OF, 'zh-cn');
    assert.match(cadenceOf(zh, 'eb').explanation, /keyplan\.yaml（A\/EB）要求每 20 天一次/);
    assert.match(cadenceOf(zh, 'own').explanation, /本人的节奏设置要求每 10 天一次/);
    assert.match(cadenceOf(zh, 'builtin').explanation, /A 类客户默认值要求每 45 天一次/);
  });

  it('explains due-soon, never and planned-missed, with the plan contact\'s owner', () => {
    const r = acme('B')
      .person('soon', { title: 'CIO', roles: ['EB'] })
      .person('never')
      .person('missed', { roles: ['UB'] })
      .plan({ contacts: [{ person: 'soon', owner: 'wu-tao', target_stage: 'purchase' }, { person: 'missed', next: '2026-11-12', target_stage: 'purchase' }] })
      .log('acme', [`${ago(70)} visit @soon: x`, `${ago(23)} call @missed: y`])
      .check();
    assert.equal(cadenceOf(r, 'soon').explanation, 'soon (CIO, EB, tier B): last met 2026-09-11 by visit, 70 days ago; the tier-B default expects every 60 days, at most 90 → due soon: 20 days left before the maximum; owner wu-tao.');
    assert.equal(cadenceOf(r, 'never').explanation, 'never (tier B): no interaction logged; the tier-B default expects every 60 days, at most 90 → never met; owner li-na.');
    assert.match(cadenceOf(r, 'missed').explanation, /→ an interaction was planned for 2026-11-12 \(8 days ago\) and none has been logged since → planned interaction missed; owner li-na\.$/);
  });
});
