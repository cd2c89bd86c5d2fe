/** A brand-new account is not an emergency: the onboarding checklist instead of the coverage and dark warnings. */
import assert from 'node:assert/strict';
import { buildReport } from '../../src/core/report/report.js';
import { AS_OF, accountMd, findings, listFindings, workspace } from './helpers/workspace.js';

const DEFERRED = ['account-dark', 'interaction-never', 'single-threaded', 'missing-economic-buyer', 'economic-buyer-not-supportive', 'missing-coach', 'no-path-to-economic-buyer', 'key-player-uncovered'];
/** An A-tier account created `created`, with the given people and log entries. */
function newAccount(created: string | undefined, people: Record<string, { roles?: string[]; influence?: number }>, entries: string[] = [], config?: string[]) {
  const ws = workspace().set('accounts/acme/account.md', accountMd('acme', { tier: 'A' }).replace('tier: A\n', `tier: A\nlifecycle: exploration\n${created ? `created: ${created}\n` : ''}`));
  for (const [id, p] of Object.entries(people)) ws.person(id, { influence: 4, ...p });
  if (entries.length) ws.log('acme', entries);
  if (config) ws.config(config);
  return ws;
}
const warnings = (ws: ReturnType<typeof newAccount>, asOf = AS_OF) => ws.check(asOf).diagnostics.filter((d) => d.severity !== 'info');

describe('new accounts: onboarding (account-onboarding)', () => {
  it('an account with nobody yet has no warnings, and its checklist lists every step', () => {
    const ws = newAccount(undefined, {});
    assert.equal(listFindings(warnings(ws)), '');
    const [d] = findings(ws.check(), 'account-onboarding');
    assert.equal(d.severity, 'info');
    assert.deepEqual(d.data?.todo, ['people', 'eb', 'coach', 'interaction']);
    assert.match(d.message, /Next: add people; mark the Economic Buyer \(EB\); find a Coach; log a first interaction/);
    assert.match(ws.check(AS_OF, 'zh-cn').diagnostics.find((x) => x.rule === 'account-onboarding')!.message, /添加联系人；标出经济决策者（EB）/);
  });

  it('a first person within the grace period: still no warnings, and the checklist moves on', () => {
    const ws = newAccount('2026-11-10', { eb: { roles: ['EB'] } });
    assert.equal(listFindings(warnings(ws)), '');
    const [d] = findings(ws.check(), 'account-onboarding');
    assert.deepEqual(d.data?.todo, ['coach', 'interaction']);
    assert.deepEqual(d.data?.done, ['people', 'eb']);
    assert.equal(d.data?.daysLeft, 20); // 30 − (2026-11-20 − 2026-11-10)
    assert.match(d.message, /20 days of grace left/);
  });

  it('after the grace period the normal rules apply', () => {
    const ws = newAccount('2026-10-01', { eb: { roles: ['EB'] } });
    assert.deepEqual(findings(ws.check(), 'account-onboarding'), []);
    const rules = new Set(warnings(ws).map((d) => d.rule));
    for (const rule of ['single-threaded', 'missing-coach', 'account-dark']) assert.ok(rules.has(rule), `${rule} expected, got ${[...rules].join(', ')}`);
  });

  it('onboarding_days in keyplan.yaml sets the grace', () => {
    const ws = newAccount('2026-10-01', { eb: { roles: ['EB'] } }, [], ['onboarding_days: 90']);
    assert.equal(findings(ws.check(), 'account-onboarding').length, 1);
    assert.equal(listFindings(warnings(ws)), '');
  });

  it('the first logged interaction ends onboarding, even within the grace period', () => {
    const ws = newAccount('2026-11-10', { eb: { roles: ['EB'] } }, ['2026-11-18 meeting @eb: kick-off']);
    assert.deepEqual(findings(ws.check(), 'account-onboarding'), []);
    const rules = new Set(warnings(ws).map((d) => d.rule));
    assert.ok(rules.has('single-threaded') && rules.has('missing-coach'), [...rules].join(', '));
  });

  it('without a date, people and no interaction: the normal rules (the grace needs a date)', () => {
    const ws = newAccount(undefined, { eb: { roles: ['EB'] } });
    assert.deepEqual(findings(ws.check(), 'account-onboarding'), []);
    assert.ok(warnings(ws).some((d) => d.rule === 'account-dark'));
  });

  it('no deferred rule fires while onboarding, on a tier-A account missing everything', () => {
    const ws = newAccount('2026-11-19', { a: {}, b: { influence: 5 } });
    const fired = ws.check().diagnostics.filter((d) => DEFERRED.includes(d.rule));
    assert.equal(listFindings(fired), '');
  });
});

describe('new accounts in the report (the Portfolio tree and its tooltip read it)', () => {
  it('an onboarding account is not dark, has its checklist, and no relationship score of 0', () => {
    const report = buildReport(newAccount('2026-11-10', { eb: { roles: ['EB'] } }).check());
    const a = report.accounts[0];
    assert.equal(a.dark, false);
    assert.deepEqual(a.onboarding?.todo, ['coach', 'interaction']);
    assert.equal(a.onboarding?.daysLeft, 20);
    assert.equal(a.health.parts.find((p) => p.part === 'relationship')?.score, undefined);
  });

  it('after the grace period: dark, and no onboarding field', () => {
    const a = buildReport(newAccount('2026-10-01', { eb: { roles: ['EB'] } }).check()).accounts[0];
    assert.equal(a.dark, true);
    assert.equal(a.onboarding, undefined);
  });
});
