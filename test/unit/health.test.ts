import assert from 'node:assert/strict';
import { resolveConfig } from '../../src/core/parse/config.js';
import type { Diagnostic, Severity } from '../../src/core/diagnostic.js';
import { accountHealth, COVERAGE_PENALTIES, healthBand } from '../../src/core/analysis/health.js';
import { buildReport } from '../../src/core/report/report.js';
import { band, type Temperature } from '../../src/core/analysis/temperature.js';
import type { AccountData } from '../../src/core/model/types.js';
import { ACCOUNT, AS_OF, workspace } from './helpers/workspace.js';

const config = resolveConfig(undefined);

const temp = (name: string, score: number): { name: string; temperature: Temperature } => ({
  name,
  temperature: { score, band: band(score), parts: { recency: 0, frequency: 0, depth: 0, stance: 0 }, interactionsInWindow: 0 },
});

const finding = (rule: string, severity: Severity = 'warning'): Diagnostic => ({
  file: 'accounts/acme/account.md', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }, severity, rule, message: rule,
});

const account = (extra: Partial<AccountData> = {}): AccountData => ({ kind: 'account', id: 'acme', name: 'Acme', tier: 'A', owner: 'li-na', ...extra }) as AccountData;

describe('health: weighted parts', () => {
  const data = account({
    health: { nps: 40, csat: 80, churn_risk: 'low' },
    objectives: [
      { id: 'a', title: 'a', status: 'on-track', due: '2026-12-31' },
      { id: 'b', title: 'b', status: 'done', due: '2026-01-31' }, // past due but done: 100
      { id: 'c', title: 'c', status: 'at-risk', due: '2026-12-31' },
      { id: 'd', title: 'd', status: 'not-started', due: '2026-10-01' }, // overdue: 0
      { id: 'e', title: 'e', status: 'dropped', due: '2026-01-01' }, // ignored
      { id: 'f', title: 'f' }, // no status: not started, 50
    ],
  });
  const findings = [finding('missing-economic-buyer'), finding('key-player-uncovered'), finding('interaction-overdue'), finding('key-player-uncovered'), finding('single-threaded', 'info')];
  const h = accountHealth(data, [temp('张伟', 60), temp('李明', 80)], findings, config, AS_OF);
  const part = (name: string) => h.parts.find((p) => p.part === name)!;

  it('relationship: average key-player temperature minus one penalty per coverage rule, listed as details', () => {
    const r = part('relationship');
    assert.equal(r.weight, 0.5);
    assert.equal(r.score, 70 - 20 - 5 - 15);
    assert.deepEqual(r.details, [
      { label: '张伟', value: 60 },
      { label: '李明', value: 80 },
      { label: 'missing-economic-buyer', value: -20, effect: -20 },
      { label: 'key-player-uncovered', value: -5, effect: -5 },
      { label: 'single-threaded', value: -15, effect: -15 },
    ]);
  });

  it('experience: average of (NPS + 100) / 2 and CSAT', () => {
    const e = part('experience');
    assert.equal(e.weight, 0.25);
    assert.equal(e.score, 75); // (70 + 80) / 2
    assert.deepEqual(e.details, [{ label: 'nps', value: 40 }, { label: 'csat', value: 80 }]);
  });

  it('business: objectives (done/on-track 100, not-started 50, at-risk 25, overdue 0, dropped ignored) and churn risk', () => {
    const b = part('business');
    assert.equal(b.weight, 0.25);
    assert.equal(b.score, 78); // mean(mean(100, 100, 25, 0, 50) = 55, low 100) = 77.5
    assert.deepEqual(b.details, [{ label: 'objectives on track or done', value: '2/5' }, { label: 'churn_risk', value: 'low' }]);
  });

  it('the score is the weighted average of the part scores, with its band', () => {
    assert.equal(h.score, 53); // 0.5 × 30 + 0.25 × 75 + 0.25 × 78 = 53.25
    assert.equal(h.band, 'amber');
    assert.deepEqual(h.parts.map((p) => p.part), ['relationship', 'experience', 'business']);
  });

  it('documents the penalties', () => {
    assert.deepEqual(COVERAGE_PENALTIES, { 'missing-economic-buyer': 20, 'single-threaded': 15, 'economic-buyer-not-supportive': 10, 'missing-coach': 10, 'key-player-uncovered': 5 });
  });
});

describe('health: unknown parts', () => {
  it('a part without data has no score and is left out; the other weights are rescaled', () => {
    const h = accountHealth(account({ health: { nps: 0 }, objectives: [] }), [temp('a', 20)], [], config, AS_OF);
    assert.equal(h.parts[0].score, 20);
    assert.equal(h.parts[1].score, 50);
    assert.equal(h.parts[2].score, undefined);
    assert.deepEqual(h.parts[2].details, []);
    assert.equal(h.score, 30); // (0.5 × 20 + 0.25 × 50) / 0.75
    assert.equal(h.band, 'red');
  });

  it('without key-player temperatures the relationship part is unknown (and takes no penalties)', () => {
    const h = accountHealth(account({ health: { csat: 90, churn_risk: 'high' } }), [], [finding('missing-economic-buyer')], config, AS_OF);
    assert.equal(h.parts[0].score, undefined);
    assert.deepEqual(h.parts[0].details, []);
    assert.equal(h.score, 55); // (90 + 20) / 2
    assert.equal(h.band, 'amber');
  });

  it('with no data at all there is no score and no band', () => {
    const h = accountHealth(account(), [], [], config, AS_OF);
    assert.equal(h.score, undefined);
    assert.equal(h.band, undefined);
    assert.equal(h.parts.length, 3);
    assert.ok(h.parts.every((p) => p.score === undefined));
  });

  it('only the relationship part: the score is that part', () => {
    const h = accountHealth(account(), [temp('a', 71)], [], config, AS_OF);
    assert.equal(h.score, 71);
    assert.equal(h.band, 'green');
  });

  it('weights from keyplan.yaml; a part with weight 0 is left out', () => {
    const c = resolveConfig({ health: { weights: { relationship: 1, experience: 0, business: 3 } } });
    const h = accountHealth(account({ health: { nps: 100, churn_risk: 'medium' } }), [temp('a', 20)], [], c, AS_OF);
    assert.deepEqual(h.parts.map((p) => p.weight), [1, 0, 3]);
    assert.equal(h.score, 50); // (1 × 20 + 3 × 60) / 4
  });

  it('penalties cannot take the relationship part below 0', () => {
    const h = accountHealth(account(), [temp('a', 10)], [finding('missing-economic-buyer'), finding('single-threaded')], config, AS_OF);
    assert.equal(h.parts[0].score, 0);
  });
});

describe('health: bands', () => {
  it('red < 40 ≤ amber < 70 ≤ green', () => {
    assert.equal(healthBand(0), 'red');
    assert.equal(healthBand(39), 'red');
    assert.equal(healthBand(40), 'amber');
    assert.equal(healthBand(69), 'amber');
    assert.equal(healthBand(70), 'green');
    assert.equal(healthBand(100), 'green');
  });
});

describe('health: in the report', () => {
  const ws = () =>
    workspace()
      .account('acme', { tier: 'A' })
      .person('eb', { roles: ['UB'], stance: 'supporter', influence: 5, coverage: 'multiple' })
      .person('coach', { roles: ['Coach'], stance: 'champion', influence: 3, coverage: 'in-depth' })
      .person('tb', { roles: ['TB'], stance: 'neutral', influence: 3, coverage: 'brief' })
      .log('acme', [`${AS_OF} meeting @eb @coach @tb: x`]);

  it('a reported coverage finding lowers the relationship part', () => {
    const h = buildReport(ws().check()).accounts[0].health;
    assert.deepEqual(h.parts[0].details.filter((d) => d.effect !== undefined).map((d) => d.label), ['missing-economic-buyer']);
  });

  it('a suppressed finding takes no penalty', () => {
    const h = buildReport(ws().disable(ACCOUNT, 'missing-economic-buyer').check()).accounts[0].health;
    assert.deepEqual(h.parts[0].details.filter((d) => d.effect !== undefined), []);
  });

  it('a finding turned off in keyplan.yaml takes no penalty', () => {
    const h = buildReport(ws().config(['rules:', '  missing-economic-buyer: off']).check()).accounts[0].health;
    assert.deepEqual(h.parts[0].details.filter((d) => d.effect !== undefined), []);
  });
});
