/**
 * The early-warning rules (预警信号, #20), each at the boundaries of its thresholds, with asOf pinned
 * to 2026-11-20. Each test builds the workspace a KAM would write.
 */
import assert from 'node:assert/strict';
import { accountMd, AS_OF, findings, listFindings, personMd, planMd, single, workspace } from './helpers/workspace.js';

/** The acme account plan (tier A unless given) with extra frontmatter lines. */
const acct = (extra: string[], tier = 'A') => accountMd('acme', { tier }).replace(/\n---\n$/, `\n${extra.join('\n')}\n---\n`);
const ws = (extra: string[], tier = 'A') => workspace().set('accounts/acme/account.md', acct(extra, tier));
const rev = (...rows: [string, number][]) => ['revenue:', ...rows.map(([p, a]) => `  - { period: ${p}, amount: ${a} }`)];
const surveys = (...rows: [string, string, number][]) => ['surveys:', ...rows.map(([k, d, s]) => `  - { kind: ${k}, date: ${d}, score: ${s} }`)];

describe('early warning: cooperation-shrinking (合作减少)', () => {
  it('revenue down exactly 50 % on the previous period: reported, with the numbers', () => {
    const d = single(ws(rev(['2026-Q2', 1000], ['2026-Q3', 500])).check(), 'cooperation-shrinking');
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, 'Cooperation with acme 公司 is shrinking: revenue 500 in 2026-Q3 against 1000 in 2026-Q2 (the previous period), down 50 % (the warning starts at 50 %).');
  });
  it('down 49.9 %: not reported', () => {
    assert.deepEqual(findings(ws(rev(['2026-Q2', 1000], ['2026-Q3', 501])).check(), 'cooperation-shrinking'), []);
  });
  it('against the same period a year before, and the period order in the file does not matter', () => {
    const d = single(ws(rev(['2026-Q3', 500], ['2025-Q3', 1000], ['2026-Q2', 900])).check(), 'cooperation-shrinking');
    assert.match(d.message, /against 1000 in 2025-Q3 \(the same period a year before\), down 50 %/);
    assert.equal(d.data?.compared, '2025-Q3');
  });
  it('a period that has not started by asOf is not the latest; months and years work too', () => {
    assert.deepEqual(findings(ws(rev(['2026-10', 1000], ['2026-11', 900], ['2026-12', 0])).check(), 'cooperation-shrinking'), []);
    assert.equal(findings(ws(rev(['2026-10', 1000], ['2026-11', 400])).check(), 'cooperation-shrinking').length, 1);
    assert.equal(findings(ws(['revenue:', '  - { period: 2025, amount: 1000 }', '  - { period: 2026, amount: 100 }']).check(), 'cooperation-shrinking').length, 1);
  });
  it('keyplan.yaml early_warning.revenue_drop moves the threshold; tier C is info; zh', () => {
    assert.deepEqual(findings(ws(rev(['2026-Q2', 1000], ['2026-Q3', 500])).config(['early_warning:', '  revenue_drop: 0.6']).check(), 'cooperation-shrinking'), []);
    assert.equal(single(ws(rev(['2026-Q2', 1000], ['2026-Q3', 500]), 'C').check(), 'cooperation-shrinking').severity, 'info');
    assert.match(single(ws(rev(['2026-Q2', 1000], ['2026-Q3', 500])).check(AS_OF, 'zh-cn'), 'cooperation-shrinking').message, /合作减少：2026-Q3 营收 500，上一期 2026-Q2 为 1000，下降 50 %/);
  });
});

describe('early warning: experience-declining (体验下滑)', () => {
  it('NPS 50 → 30 (20 points, the default): reported on the latest score', () => {
    const w = ws(surveys(['nps', '2026-03-01', 50], ['nps', '2026-09-01', 30]));
    const d = single(w.check(), 'experience-declining');
    assert.equal(d.message, 'Experience at acme 公司 is declining: NPS went from 50 (2026-03-01) to 30 (2026-09-01), down 20 points; the warning starts at 20.');
    assert.equal(d.range.start.line, w.get('accounts/acme/account.md').split('\n').findIndex((l) => l.includes('2026-09-01')) + 1);
  });
  it('NPS 50 → 31: not reported; a survey after asOf is not counted yet', () => {
    assert.deepEqual(findings(ws(surveys(['nps', '2026-03-01', 50], ['nps', '2026-09-01', 31])).check(), 'experience-declining'), []);
    assert.deepEqual(findings(ws(surveys(['nps', '2026-03-01', 50], ['nps', '2026-12-01', 10])).check(), 'experience-declining'), []);
  });
  it('CES rising by 1 is worse (lower is better); CSAT needs 10 points', () => {
    assert.match(single(ws(surveys(['ces', '2026-03-01', 3], ['ces', '2026-09-01', 4])).check(), 'experience-declining').message, /CES went from 3 .* to 4 .*up 1 point \(lower is better\)/);
    assert.deepEqual(findings(ws(surveys(['ces', '2026-03-01', 4], ['ces', '2026-09-01', 3])).check(), 'experience-declining'), []);
    assert.deepEqual(findings(ws(surveys(['csat', '2026-03-01', 90], ['csat', '2026-09-01', 80.5])).check(), 'experience-declining'), []);
    assert.equal(findings(ws(surveys(['csat', '2026-03-01', 90], ['csat', '2026-09-01', 80])).check(), 'experience-declining').length, 1);
  });
  it('keyplan.yaml survey_drop.nps 25: 20 points is no longer reported', () => {
    assert.deepEqual(findings(ws(surveys(['nps', '2026-03-01', 50], ['nps', '2026-09-01', 30])).config(['early_warning:', '  survey_drop: { nps: 25 }']).check(), 'experience-declining'), []);
  });
});

describe('early warning: complaints-rising (投诉增加)', () => {
  // The last 30 days are 2026-10-22..2026-11-20; the 30 before, 2026-09-22..2026-10-21.
  const entries = (before: number, recent: number) => [
    ...Array.from({ length: before }, (_, i) => `2026-10-${String(21 - i).padStart(2, '0')} call @p1: 交付延误 #投诉`),
    ...Array.from({ length: recent }, (_, i) => `2026-11-${String(20 - i).padStart(2, '0')} call @p1: outage again #complaint`),
  ];
  const build = (before: number, recent: number) => ws([]).person('p1', { roles: ['EB'] }).log('acme', entries(before, recent));
  it('3 → 4 (up 33.3 %, threshold 30 %): reported with both counts', () => {
    const d = single(build(3, 4).check(), 'complaints-rising');
    assert.equal(d.message, 'Complaints at acme 公司 are rising: 4 in the last 30 days (since 2026-10-22) against 3 in the 30 days before, up 33.3 % (the warning starts at 30 % and 2 complaints). Complaints are log entries on complaint or tagged #complaint.');
  });
  it('4 → 5 (up 25 %): not reported', () => assert.deepEqual(findings(build(4, 5).check(), 'complaints-rising'), []));
  it('0 → 2 is reported; 0 → 1 is below the minimum', () => {
    assert.equal(findings(build(0, 2).check(), 'complaints-rising').length, 1);
    assert.deepEqual(findings(build(0, 1).check(), 'complaints-rising'), []);
  });
  it('entries on a complaint channel count; others without a tag do not', () => {
    const w = ws([]).person('p1', { roles: ['EB'] }).config(['channels: [visit, call, complaint]']).log('acme', ['2026-11-10 complaint @p1: 账单错误', '2026-11-12 complaint @p1: 响应慢', '2026-11-13 call @p1: routine']);
    assert.equal(single(w.check(), 'complaints-rising').data?.recent, 2);
  });
});

describe('early warning: renewal-slipping (续约延误)', () => {
  const contract = (end: string, renewal?: string) => [`contract: { start: 2025-11-01, end: ${end}${renewal ? `, renewal: ${renewal}` : ''} }`];
  it('30 days past the end (the grace): not reported; 31 days: reported', () => {
    assert.deepEqual(findings(ws(contract('2026-10-21')).check(), 'renewal-slipping'), []);
    const d = single(ws(contract('2026-10-20', 'in-progress')).check(), 'renewal-slipping');
    assert.equal(d.message, 'The renewal at acme 公司 is slipping: the contract ended on 2026-10-20, 31 days ago, and the renewal is in-progress; a renewal is expected within 30 days of the end (by 2026-11-19). Mark it renewed or lost in contract.renewal.');
  });
  it('renewed or lost: not reported; renewal_grace_days 60: not yet', () => {
    assert.deepEqual(findings(ws(contract('2026-01-01', 'renewed')).check(), 'renewal-slipping'), []);
    assert.deepEqual(findings(ws(contract('2026-01-01', 'lost')).check(), 'renewal-slipping'), []);
    assert.deepEqual(findings(ws(contract('2026-10-01')).config(['early_warning:', '  renewal_grace_days: 60']).check(), 'renewal-slipping'), []);
  });
});

describe('early warning: retention-plan-missing (缺少挽留计划)', () => {
  it('A-tier in decline without a retention objective: reported on lifecycle', () => {
    const d = single(ws(['lifecycle: decline']).check(), 'retention-plan-missing');
    assert.match(d.message, /acme 公司 needs a retention plan \(lifecycle decline\)/);
    assert.match(single(ws(['lifecycle: decline']).check(AS_OF, 'zh-cn'), 'retention-plan-missing').message, /需要挽留计划（处于衰退期）/);
  });
  it('an open retention objective answers it; a dropped or done one does not', () => {
    const obj = (status: string) => ['objectives:', `  - { id: keep, title: 保住续约, kind: retention, status: ${status} }`];
    assert.deepEqual(findings(ws(['label: churn-warning', ...obj('on-track')]).check(), 'retention-plan-missing'), []);
    assert.equal(findings(ws(['label: churn-warning', ...obj('dropped')]).check(), 'retention-plan-missing').length, 1);
    assert.equal(findings(ws(['label: churn-warning', ...obj('done')]).check(), 'retention-plan-missing').length, 1);
  });
  it('B-tier high churn risk: reported; C-tier: off; medium risk: nothing', () => {
    assert.equal(single(ws(['health: { churn_risk: high }'], 'B').check(), 'retention-plan-missing').severity, 'warning');
    assert.deepEqual(findings(ws(['health: { churn_risk: high }'], 'C').check(), 'retention-plan-missing'), []);
    assert.deepEqual(findings(ws(['health: { churn_risk: medium }']).check(), 'retention-plan-missing'), []);
  });
});

describe('early warning: key-player-favours-competitor (关键人物倾向竞争对手)', () => {
  const person = (influence: number) => personMd('wang', { influence, roles: ['TB'] }).replace(/\n---\n$/, '\nfavours_competitor: 某友商\n---\n');
  it('influence 4 favouring a competitor, in no plan: reported on favours_competitor', () => {
    const d = single(ws([]).set('accounts/acme/people/wang.md', person(4)).check(), 'key-player-favours-competitor');
    assert.equal(d.message, 'wang (influence 4) at acme 公司 favours 某友商, and no current relationship plan lists them: plan how to win them over or neutralise them (reported from influence 4).');
    assert.equal(d.range.start.line, 8);
  });
  it('influence 3: not reported; favour_influence 3: reported', () => {
    assert.deepEqual(findings(ws([]).set('accounts/acme/people/wang.md', person(3)).check(), 'key-player-favours-competitor'), []);
    assert.equal(findings(ws([]).set('accounts/acme/people/wang.md', person(3)).config(['early_warning:', '  favour_influence: 3']).check(), 'key-player-favours-competitor').length, 1);
  });
  it('a plan with a target stance answers it; a plan entry without a target does not', () => {
    const base = ws([]).set('accounts/acme/people/wang.md', person(5));
    assert.deepEqual(findings(base.set('accounts/acme/relationship-plan.md', planMd({ contacts: [{ person: 'wang', target_stance: 'neutral' }] })).check(), 'key-player-favours-competitor'), []);
    assert.match(single(base.set('accounts/acme/relationship-plan.md', planMd({ contacts: [{ person: 'wang' }] })).check(), 'key-player-favours-competitor').message, /sets no target stance or stage/);
  });
});

describe('early warning: relationship-cooling (关系疏远)', () => {
  // The last 90 days are 2026-08-23..2026-11-20; the 90 before, 2026-05-25..2026-08-22.
  const build = (before: string[], recent: string[]) => ws([]).person('eb', { roles: ['EB'], stance: 'supporter' }).person('fan', { influence: 2 })
    .log('acme', [...before.map((d) => `${d} visit @eb: review`), ...recent.map((d) => `${d} visit @eb: review`), '2026-11-19 wechat @fan: hello', '2026-11-18 wechat @fan: hi']);
  it('4 → 2 interactions with key players (down 50 %): reported with the counts', () => {
    const r = build(['2026-06-01', '2026-07-01', '2026-08-01', '2026-08-22'], ['2026-09-15', '2026-11-01']).check();
    const d = findings(r, 'relationship-cooling').find((x) => x.data?.recent !== undefined)!;
    assert.ok(d, listFindings(r.diagnostics));
    assert.equal(d.message, 'Relationships at acme 公司 are cooling: 2 interactions with key players in the last 90 days (since 2026-08-23) against 4 in the 90 days before, down 50 % (the warning starts at 50 %).');
  });
  it('4 → 3 (down 25 %): not reported; 1 → 0 is below the minimum of 2; people who are not key players do not count', () => {
    assert.deepEqual(findings(build(['2026-06-01', '2026-07-01', '2026-08-01', '2026-08-22'], ['2026-09-15', '2026-10-01', '2026-11-01']).check(), 'relationship-cooling'), []);
    assert.deepEqual(findings(build(['2026-08-22'], []).check(), 'relationship-cooling').filter((d) => d.data?.recent !== undefined), []);
  });
  it('a key player two temperature bands down: reported on the person, with both temperatures', () => {
    const r = build(['2026-08-10', '2026-08-13', '2026-08-16', '2026-08-19', '2026-08-21', '2026-08-22'], []).check();
    const d = findings(r, 'relationship-cooling').find((x) => x.data?.person === 'eb');
    assert.ok(d, listFindings(r.diagnostics));
    assert.match(d.message, /^eb at acme 公司 has cooled from hot to cold \(temperature \d+ on 2026-08-22, \d+ now\): two bands down in 90 days\.$/);
  });
  it('cooling_window_days 30 looks at other windows', () => {
    const r = build(['2026-06-01', '2026-07-01', '2026-08-01', '2026-08-22'], ['2026-09-15', '2026-11-01']).config(['early_warning:', '  cooling_window_days: 30']).check();
    assert.deepEqual(findings(r, 'relationship-cooling').filter((d) => d.data?.recent !== undefined), []);
  });
});

describe('health: the survey series stands in for the single values', () => {
  it('without health.nps the newest NPS survey is used; a written health.nps wins', async () => {
    const { accountHealth } = await import('../../src/core/analysis/health.js');
    const { resolveConfig } = await import('../../src/core/parse/config.js');
    const data = { kind: 'account', id: 'a', name: 'A', tier: 'A', owner: 'x', surveys: [{ kind: 'nps', date: '2026-01-01', score: 50 }, { kind: 'nps', date: '2026-09-01', score: 20 }] } as const;
    const exp = (d: object) => accountHealth(d as never, [], [], resolveConfig({}), AS_OF).parts.find((p) => p.part === 'experience')!;
    assert.equal(exp(data).score, 60);
    assert.equal(exp({ ...data, health: { nps: 40 } }).score, 70);
  });
});

describe('early warning: key-player-favours-competitor and lapsed plans', () => {
  it('a plan whose period ended is no plan for today', () => {
    const person = personMd('wang', { influence: 5 }).replace(/\n---\n$/, '\nfavours_competitor: 某友商\n---\n');
    const w = ws([]).set('accounts/acme/people/wang.md', person).set('accounts/acme/relationship-plan.md', planMd({ period: ['2026-01-01', '2026-06-30'], contacts: [{ person: 'wang', target_stance: 'neutral' }] }));
    assert.match(single(w.check(), 'key-player-favours-competitor').message, /the relationship plan that lists them ended on 2026-06-30/);
  });
});

describe('early warning: the samples at 2026-11-20 (samples/README.md)', () => {
  it('reports exactly the documented early-warning findings, at the documented places', async () => {
    const { checkSamples } = await import('./helpers/workspace.js');
    const { ruleInfo } = await import('../../src/core/rules/index.js');
    const r = await checkSamples();
    const got = r.diagnostics.filter((d) => ruleInfo(d.rule)?.category === 'early-warning').map((d) => `${d.file}:${d.range.start.line} ${d.severity} ${d.rule}`).sort();
    assert.deepEqual(got, [
      'accounts/qinghe-medical/account.md:4 info relationship-cooling',
      'accounts/qinghe-medical/people/lin-guohua.md:15 info key-player-favours-competitor',
      'accounts/qinghe-medical/people/xie-wen.md:5 info relationship-cooling',
      'accounts/yuanhang-auto/account.md:4 warning complaints-rising',
      'accounts/yuanhang-auto/account.md:57 warning retention-plan-missing',
      'accounts/yuanhang-auto/account.md:58 warning renewal-slipping',
      'accounts/yuanhang-auto/account.md:62 warning cooperation-shrinking',
      'accounts/yuanhang-auto/account.md:65 warning experience-declining',
      'accounts/yuanhang-auto/people/he-ping.md:5 warning relationship-cooling',
    ]);
  });
});
