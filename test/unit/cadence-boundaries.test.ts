/**
 * Cadence boundaries, table-driven, for every source of the expected cadence. docs/rules.md:
 * "The state is `ok` while days since < ideal, `due-soon` from ideal to max (inclusive), `overdue`
 * after max". `daysLeft` is max − days since (ok and due-soon), `overdueBy` is days since − max.
 *
 * Every source is checked with a competing lower-precedence cadence in the workspace, so a cadence
 * that is wrongly rejected (for example `ideal = max`, which the schema allows) falls through to
 * another source and the `source` assertion fails. All dates are pinned.
 */
import assert from 'node:assert/strict';
import { addDays } from '../../src/core/dates.js';
import { cadenceOf, listFindings, workspace } from './helpers/workspace.js';

type State = 'ok' | 'due-soon' | 'overdue';
type Source = 'relationship-plan' | 'person' | 'config' | 'built-in';

interface Row {
  days: number;
  state: State;
  daysLeft?: number;
  overdueBy?: number;
}

/** The four boundary days of a cadence, with what docs/rules.md says about each (written out, not derived). */
interface Case {
  ideal: number;
  max: number;
  rows: Row[];
}

const CASES: Record<string, Case> = {
  'normal window 10/20': {
    ideal: 10,
    max: 20,
    rows: [
      { days: 9, state: 'ok', daysLeft: 11 },
      { days: 10, state: 'due-soon', daysLeft: 10 },
      { days: 20, state: 'due-soon', daysLeft: 0 },
      { days: 21, state: 'overdue', overdueBy: 1 },
    ],
  },
  'ideal = max 14/14': {
    ideal: 14,
    max: 14,
    rows: [
      { days: 13, state: 'ok', daysLeft: 1 },
      { days: 14, state: 'due-soon', daysLeft: 0 },
      { days: 15, state: 'overdue', overdueBy: 1 },
    ],
  },
  'one-day window 7/8': {
    ideal: 7,
    max: 8,
    rows: [
      { days: 6, state: 'ok', daysLeft: 2 },
      { days: 7, state: 'due-soon', daysLeft: 1 },
      { days: 8, state: 'due-soon', daysLeft: 0 },
      { days: 9, state: 'overdue', overdueBy: 1 },
    ],
  },
  'every day 1/1': {
    ideal: 1,
    max: 1,
    rows: [
      { days: 0, state: 'ok', daysLeft: 1 },
      { days: 1, state: 'due-soon', daysLeft: 0 },
      { days: 2, state: 'overdue', overdueBy: 1 },
    ],
  },
};

/** Built-in defaults cannot be chosen; each is checked at its own four boundary days. */
const BUILT_IN: { tier: string; roles?: string[]; key: string; case: Case }[] = [
  { tier: 'A', roles: ['EB'], key: 'A.EB', case: { ideal: 30, max: 45, rows: [{ days: 29, state: 'ok', daysLeft: 16 }, { days: 30, state: 'due-soon', daysLeft: 15 }, { days: 45, state: 'due-soon', daysLeft: 0 }, { days: 46, state: 'overdue', overdueBy: 1 }] } },
  { tier: 'A', roles: ['TB'], key: 'A.default', case: { ideal: 45, max: 60, rows: [{ days: 44, state: 'ok', daysLeft: 16 }, { days: 45, state: 'due-soon', daysLeft: 15 }, { days: 60, state: 'due-soon', daysLeft: 0 }, { days: 61, state: 'overdue', overdueBy: 1 }] } },
  { tier: 'B', roles: ['EB'], key: 'B.default', case: { ideal: 60, max: 90, rows: [{ days: 59, state: 'ok', daysLeft: 31 }, { days: 60, state: 'due-soon', daysLeft: 30 }, { days: 90, state: 'due-soon', daysLeft: 0 }, { days: 91, state: 'overdue', overdueBy: 1 }] } },
  { tier: 'C', key: 'C.default', case: { ideal: 90, max: 180, rows: [{ days: 89, state: 'ok', daysLeft: 91 }, { days: 90, state: 'due-soon', daysLeft: 90 }, { days: 180, state: 'due-soon', daysLeft: 0 }, { days: 181, state: 'overdue', overdueBy: 1 }] } },
];

/** Two pinned as-of dates: the samples' day, and the day after a leap day (the interval spans 29 February). */
const AS_OFS = ['2026-11-20', '2028-03-01'];

const cad = (c: { ideal: number; max: number }) => `{ ideal: ${c.ideal}, max: ${c.max} }`;

/** A workspace where `source` decides p's cadence `c`, with lower-precedence cadences present. */
function build(source: Exclude<Source, 'built-in'>, c: { ideal: number; max: number }, lastMet: string) {
  // Lower-precedence competitors: person 99/199, keyplan.yaml A.UB 50/70 and A.default 40/55.
  const config = ['cadence:', '  A:', source === 'config' ? `    UB: ${cad(c)}` : '    UB: { ideal: 50, max: 70 }', '    default: { ideal: 40, max: 55 }'];
  const personCadence: [number, number] | undefined = source === 'person' ? [c.ideal, c.max] : source === 'relationship-plan' ? [99, 199] : undefined;
  return workspace()
    .config(config)
    .account('acme', { tier: 'A' })
    .person('p', { roles: ['UB'], cadence: personCadence })
    .plan({ period: ['2026-01-01', '2028-12-31'], contacts: [{ person: 'p', cadence: source === 'relationship-plan' ? [c.ideal, c.max] : undefined, stage: 'recognition' }] })
    .log('acme', [`${lastMet} meeting @p: status`]);
}

function assertRow(r: ReturnType<ReturnType<typeof workspace>['check']>, row: Row, expected: { ideal: number; max: number }, source: Source, sourceKey: string | undefined, label: string) {
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(listFindings(errors), '', `${label}: no errors (ideal ≤ max is valid)`);
  const c = cadenceOf(r, 'p');
  assert.deepEqual(
    { state: c.state, daysSince: c.daysSince, daysLeft: c.daysLeft, overdueBy: c.overdueBy, expected: c.expected, source: c.source, sourceKey: c.sourceKey },
    { state: row.state, daysSince: row.days, daysLeft: row.daysLeft, overdueBy: row.overdueBy, expected, source, sourceKey },
    label,
  );
  // The finding follows the state: info at due-soon, warning when overdue, nothing while ok.
  const rules = r.diagnostics.filter((d) => d.file === 'accounts/acme/people/p.md' && d.rule.startsWith('interaction-')).map((d) => `${d.severity} ${d.rule}`);
  const finding = { ok: [], 'due-soon': ['info interaction-due-soon'], overdue: ['warning interaction-overdue'] }[row.state];
  assert.deepEqual(rules, finding, `${label}: findings on the person file`);
}

describe('cadence boundaries: every source at ideal−1, ideal, max, max+1', () => {
  for (const source of ['relationship-plan', 'person', 'config'] as const) {
    describe(`source ${source}`, () => {
      for (const [name, k] of Object.entries(CASES)) {
        it(name, () => {
          for (const asOf of AS_OFS) {
            for (const row of k.rows) {
              const r = build(source, k, addDays(asOf, -row.days)).check(asOf);
              assertRow(r, row, { ideal: k.ideal, max: k.max }, source, source === 'config' ? 'A.UB' : undefined, `${source} ${name} as of ${asOf}, ${row.days} days`);
            }
          }
        });
      }
    });
  }

  it('source config: a tier `default:` entry (B.default) at its boundaries, including ideal = max', () => {
    for (const k of [CASES['normal window 10/20'], CASES['ideal = max 14/14'], CASES['one-day window 7/8']]) {
      for (const row of k.rows) {
        const asOf = AS_OFS[0];
        const r = workspace()
          .config(['cadence:', '  B:', `    default: ${cad(k)}`])
          .account('acme', { tier: 'B' })
          .person('p', { roles: ['EB'] })
          .log('acme', [`${addDays(asOf, -row.days)} call @p: status`])
          .check(asOf);
        assertRow(r, row, { ideal: k.ideal, max: k.max }, 'config', 'B.default', `B.default ${k.ideal}/${k.max}, ${row.days} days`);
      }
    }
  });

  describe('source built-in', () => {
    for (const b of BUILT_IN) {
      it(`${b.key} ${b.case.ideal}/${b.case.max}`, () => {
        for (const asOf of AS_OFS) {
          for (const row of b.case.rows) {
            const r = workspace()
              .account('acme', { tier: b.tier })
              .person('p', { roles: b.roles })
              .log('acme', [`${addDays(asOf, -row.days)} call @p: status`])
              .check(asOf);
            assertRow(r, row, { ideal: b.case.ideal, max: b.case.max }, 'built-in', b.key, `${b.key} as of ${asOf}, ${row.days} days`);
          }
        }
      });
    }
  });

  it('the sentence states the boundary: due soon with 0 days left at max, overdue by 1 the day after (ideal = max)', () => {
    const at = (days: number) => cadenceOf(build('relationship-plan', { ideal: 14, max: 14 }, addDays('2026-11-20', -days)).check('2026-11-20', 'en'), 'p').explanation;
    assert.match(at(14), /every 14 days, at most 14/);
    assert.match(at(14), /due/i);
    assert.match(at(15), /overdue by 1 day/);
  });

  it('day counting across 29 February is by calendar day: 2028-02-15 → 2028-03-01 is 15 days', () => {
    // Written out by hand, not with addDays: 14 days left in February 2028 (29 days) + 1.
    const r = build('person', { ideal: 14, max: 14 }, '2028-02-15').check('2028-03-01');
    const c = cadenceOf(r, 'p');
    assert.deepEqual([c.daysSince, c.state, c.overdueBy], [15, 'overdue', 1]);
    const r2 = build('person', { ideal: 14, max: 14 }, '2028-02-16').check('2028-03-01');
    assert.deepEqual([cadenceOf(r2, 'p').daysSince, cadenceOf(r2, 'p').state, cadenceOf(r2, 'p').daysLeft], [14, 'due-soon', 0]);
  });
});
