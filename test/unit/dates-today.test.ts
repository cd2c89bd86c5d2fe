/**
 * What "today" means when no as-of date is given: the machine's local calendar date, unless
 * KEYPLAN_TODAY holds a valid YYYY-MM-DD (src/core/dates.ts `today()`). An explicit date, passed to
 * `today(now)` or as `asOf` / `--as-of`, always wins. The CLI side is in cli.test.ts.
 */
import assert from 'node:assert/strict';
import { checkWorkspace, type SourceFile } from '../../src/core/check/pipeline.js';
import { today } from '../../src/core/dates.js';

const PIN = '2026-11-20';

/** A valid workspace with one log entry, on PIN. */
const FILES: SourceFile[] = [
  { path: 'accounts/acme/account.md', content: '---\nkind: account\nid: acme\nname: Acme\ntier: C\nowner: li-na\n---\n' },
  { path: 'accounts/acme/people/zhang-wei.md', content: '---\nkind: person\nid: zhang-wei\naccount: acme\nname: 张伟\n---\n' },
  { path: 'accounts/acme/interactions.md', content: `---\nkind: interaction-log\naccount: acme\n---\n\n- ${PIN} call @zhang-wei: hello\n` },
];

describe('today(): the local calendar date, or KEYPLAN_TODAY', () => {
  const saved = process.env.KEYPLAN_TODAY;
  const pin = (value: string | undefined) => {
    if (value === undefined) delete process.env.KEYPLAN_TODAY;
    else process.env.KEYPLAN_TODAY = value;
  };
  afterEach(() => pin(saved));

  /** `today()` with the wall clock read just before and after (midnight may pass in between). */
  const wallClock = () => {
    const start = today(new Date());
    const value = today();
    const end = today(new Date());
    return { value, expected: [start, end] };
  };

  it('a valid KEYPLAN_TODAY is today, leap days and far years included', () => {
    for (const value of [PIN, '2028-02-29', '2031-02-28', '1999-12-31', '2100-01-01']) {
      pin(value);
      assert.equal(today(), value);
    }
  });

  it('an invalid KEYPLAN_TODAY is ignored: today is the wall clock\'s local date', () => {
    for (const value of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-1-5', '20261120', '2026-11-20T10:00', ' 2026-11-20', '2026-11-20\n', 'tomorrow', '']) {
      pin(value);
      const { value: got, expected } = wallClock();
      assert.ok(expected.includes(got), `KEYPLAN_TODAY=${JSON.stringify(value)} gave ${got}, expected ${expected[0]}`);
    }
  });

  it('unset: the wall clock\'s local date', () => {
    pin(undefined);
    const { value, expected } = wallClock();
    assert.ok(expected.includes(value), `${value}, expected ${expected[0]}`);
    assert.match(value, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('an explicit date ignores KEYPLAN_TODAY and is read in the local time zone', () => {
    pin('2031-02-28');
    // Local-time constructors: the same calendar day in every time zone.
    assert.equal(today(new Date(2026, 10, 20, 0, 0, 0)), '2026-11-20');
    assert.equal(today(new Date(2026, 10, 20, 23, 59, 59, 999)), '2026-11-20');
    assert.equal(today(new Date(2026, 10, 21, 0, 0, 0)), '2026-11-21');
    assert.equal(today(new Date(2028, 1, 29, 12)), '2028-02-29');
    assert.equal(today(new Date(2026, 11, 31, 23, 30)), '2026-12-31');
  });

  it('checkWorkspace without asOf is as of KEYPLAN_TODAY; an explicit asOf wins', () => {
    pin(PIN);
    const pinned = checkWorkspace(FILES);
    assert.equal(pinned.asOf, PIN);
    assert.deepEqual(pinned.diagnostics.filter((d) => d.rule === 'log-entry-in-future'), []);
    assert.equal(pinned.cadences.find((c) => c.person.id === 'zhang-wei')?.last?.date, PIN);

    pin('2026-11-19'); // a day before the entry: it is in the future and does not count
    const earlier = checkWorkspace(FILES);
    assert.equal(earlier.asOf, '2026-11-19');
    assert.deepEqual(earlier.diagnostics.filter((d) => d.rule === 'log-entry-in-future').map((d) => d.file), ['accounts/acme/interactions.md']);
    assert.equal(earlier.cadences.find((c) => c.person.id === 'zhang-wei')?.last, undefined);

    const explicit = checkWorkspace(FILES, { asOf: PIN });
    assert.equal(explicit.asOf, PIN);
    assert.deepEqual(explicit.diagnostics, pinned.diagnostics);
  });
});
