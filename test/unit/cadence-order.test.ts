/**
 * The order in which `keyplan overdue --all` and the report list contacts, written out by hand for a
 * workspace with at least two contacts in every cadence state. Nothing here is computed with
 * `urgency()` (the function under test): a wrong sign or a moved boundary changes the order or a
 * state and fails.
 *
 * Pinned at 2026-11-20 (a Friday); every date in the workspace is a literal, with its distance from
 * that day in the comment next to it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { checkWorkspace, type CheckResult } from '../../src/core/check/pipeline.js';
import { buildReport } from '../../src/core/report/report.js';
import { loadWorkspaceFiles } from '../../src/disk/walk.js';
import { removeDir, REPO_ROOT, writeTempWorkspace } from '../helpers.js';
import { workspace } from './helpers/workspace.js';
import { buildCli } from './helpers/git-repo.js';

const BIN = path.join(REPO_ROOT, 'bin', 'keyplan.cjs');
const AS_OF = '2026-11-20';

/**
 * Three accounts:
 * - `acme` (tier A): every person has a cadence of 10/20 days (their own, or the plan contact's);
 * - `beta` (tier B, built-in 60/90): one contact that ties with an `acme` contact on urgency, and one
 *   never-met contact that ties with another, so the tie-breaks (account id, then person id) show;
 * - `delta` (tier D, not a valid tier): nobody has a cadence, so both people are `unknown`.
 * Person ids are chosen so that alphabetical order is not the expected order.
 */
function orderWorkspace() {
  const c = [10, 20] as [number, number];
  return workspace()
    .account('acme', { tier: 'A' })
    // ok: met 2 days ago → 18 days left; met 8 days ago → 12 days left. Fewer days left first.
    .person('ok-far', { cadence: c })
    .person('ok-near', { cadence: c })
    // due-soon: met exactly 10 days ago (= ideal) → 10 left; exactly 20 days ago (= max) → 0 left.
    .person('due-at-ideal', { cadence: c })
    .person('due-at-max', { cadence: c })
    // overdue: met 25 days ago → by 5; 30 days ago → by 10. Most overdue first.
    .person('late-5', { cadence: c })
    .person('late-10', { cadence: c })
    // planned-missed: next 5 days ago after a meeting 15 days ago; next 12 days ago, never met.
    .person('missed-next-5', {})
    .person('missed-next-12', {})
    // never: two key players (a buying role; influence 4) and one who is not.
    .person('never-eb', { roles: ['EB'], cadence: c })
    .person('never-influential', { influence: 4, cadence: c })
    .person('never-plain', { influence: 2, cadence: c })
    // left: never in `overdue`, last in the report.
    .person('gone-a', { status: 'left', cadence: c })
    .person('gone-b', { status: 'left', roles: ['EB'] })
    .plan({
      contacts: [
        { person: 'missed-next-5', cadence: c, next: '2026-11-15' }, // 5 days ago
        { person: 'missed-next-12', cadence: c, next: '2026-11-08' }, // 12 days ago
        { person: 'ok-far', next: '2026-12-01' }, // in the future: no effect
      ],
    })
    .log('acme', [
      '2026-11-18 call @ok-far: status', // 2 days ago
      '2026-11-12 wechat @ok-near: status', // 8 days ago
      '2026-11-10 meeting @due-at-ideal: review', // 10 days ago
      '2026-11-05 meeting @missed-next-5: before the planned visit', // 15 days ago
      '2026-10-31 visit @due-at-max: site visit', // 20 days ago
      '2026-10-26 call @late-5: status', // 25 days ago
      '2026-10-21 dinner @late-10 @gone-a: dinner', // 30 days ago
    ])
    .account('beta', { tier: 'B' })
    // Built-in B 60/90: met 95 days ago → overdue by 5, tied with acme/late-5.
    .person('chen', { account: 'beta', roles: ['UB'] })
    // Never met, not a key player: tied with acme/never-plain.
    .person('bai', { account: 'beta', influence: 1 })
    .log('beta', ['2026-08-17 visit @chen: plant tour']) // 95 days ago
    .account('delta', { tier: 'D' })
    .person('wu', { account: 'delta', roles: ['EB'] })
    .person('han', { account: 'delta' })
    .log('delta', ['2026-11-01 meeting @wu @han: intro']);
}

/** `account/person state daysSince overdueBy daysLeft` for every contact, most urgent first. */
const EXPECTED_OVERDUE_ALL = [
  'acme/late-10 overdue 30 10 -',
  'acme/late-5 overdue 25 5 -',
  'beta/chen overdue 95 5 -', // ties with acme/late-5: account id decides
  'acme/missed-next-12 planned-missed - - -',
  'acme/missed-next-5 planned-missed 15 - 5',
  'acme/never-eb never - - -', // key players (2500), person id decides between them
  'acme/never-influential never - - -',
  'acme/never-plain never - - -', // not key players (2000): account id decides
  'beta/bai never - - -',
  'acme/due-at-max due-soon 20 - 0',
  'acme/due-at-ideal due-soon 10 - 10',
  'acme/ok-near ok 8 - 12',
  'acme/ok-far ok 2 - 18',
];

const dash = (v: unknown) => (v === undefined || v === null ? '-' : String(v));

describe('cadence: the order of `overdue --all`, written out by hand', function () {
  this.timeout(120_000);
  let dir: string | undefined;
  let result: CheckResult;

  before(async () => {
    buildCli();
    dir = writeTempWorkspace(Object.fromEntries(orderWorkspace().files));
    // Read the folder as the CLI reads it, so the core sees the documents in the CLI's order.
    const { files, failed } = await loadWorkspaceFiles(dir);
    assert.deepEqual(failed, []);
    result = checkWorkspace(files, { asOf: AS_OF, locale: 'en' });
  });

  after(() => removeDir(dir));

  it('the workspace has at least two contacts in every cadence state', () => {
    const count: Record<string, number> = {};
    for (const c of result.cadences) count[c.state] = (count[c.state] ?? 0) + 1;
    assert.deepEqual(count, { ok: 2, 'due-soon': 2, overdue: 3, 'planned-missed': 2, never: 4, left: 2, unknown: 2 });
  });

  it('keyplan overdue --all --format json: exact order, states and day counts; exit 0', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of ['FORCE_COLOR', 'NO_COLOR', 'KEYPLAN_LOCALE', 'LC_ALL', 'LC_MESSAGES', 'LANG', 'TERM']) delete env[k];
    const r = spawnSync(process.execPath, [BIN, 'overdue', dir!, '--all', '--format', 'json', '--as-of', AS_OF], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 });
    if (r.error) throw r.error;
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { asOf: string; contacts: { account: string; person: string; state: string; daysSince?: number; overdueBy?: number; plannedNext?: string; source?: string }[] };
    assert.equal(json.asOf, AS_OF);
    const daysLeft = new Map(result.cadences.map((c) => [`${c.account.id}/${c.person.id}`, c.daysLeft]));
    assert.deepEqual(
      json.contacts.map((x) => `${x.account}/${x.person} ${x.state} ${dash(x.daysSince)} ${dash(x.overdueBy)} ${dash(daysLeft.get(`${x.account}/${x.person}`))}`),
      EXPECTED_OVERDUE_ALL,
    );
    // Missed plans name the date; the tied B-tier contact runs on the built-in cadence.
    assert.deepEqual(json.contacts.filter((x) => x.state === 'planned-missed').map((x) => [x.person, x.plannedNext]), [['missed-next-12', '2026-11-08'], ['missed-next-5', '2026-11-15']]);
    assert.deepEqual(json.contacts.map((x) => x.source), ['person', 'person', 'built-in', 'relationship-plan', 'relationship-plan', 'person', 'person', 'person', 'built-in', 'person', 'person', 'person', 'person']);
  });

  it('without --all the ok contacts are left out, the rest keep their order', () => {
    const r = spawnSync(process.execPath, [BIN, 'overdue', dir!, '--format', 'json', '--as-of', AS_OF], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { contacts: { account: string; person: string }[] };
    assert.deepEqual(json.contacts.map((x) => `${x.account}/${x.person}`), EXPECTED_OVERDUE_ALL.slice(0, -2).map((l) => l.split(' ')[0]));
  });

  it('the core report lists each account\'s people in the same order, left and unknown last', () => {
    const report = buildReport(result);
    const order = Object.fromEntries(report.accounts.map((a) => [a.id, a.people.map((p) => `${p.id} ${p.cadence.state}`)]));
    assert.deepEqual(order, {
      acme: [
        'late-10 overdue',
        'late-5 overdue',
        'missed-next-12 planned-missed',
        'missed-next-5 planned-missed',
        'never-eb never',
        'never-influential never',
        'never-plain never',
        'due-at-max due-soon',
        'due-at-ideal due-soon',
        'ok-near ok',
        'ok-far ok',
        'gone-a left',
        'gone-b left',
      ],
      beta: ['chen overdue', 'bai never'],
      delta: ['han unknown', 'wu unknown'],
    });
    const acme = report.accounts.find((a) => a.id === 'acme')!;
    assert.deepEqual(acme.counts, { people: 13, active: 11, overdue: 2, dueSoon: 2, never: 3, plannedMissed: 2 });
  });
});
