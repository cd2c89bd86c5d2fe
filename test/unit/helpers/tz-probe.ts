/**
 * Run in a child process with a given TZ by cadence-timezone.test.ts: prints everything that depends
 * on dates (cadence states, dark accounts, temperatures, health, date helpers) as JSON.
 */
import { addDays, daysBetween, today } from '../../../src/core/dates.js';
import { buildReport } from '../../../src/core/report/report.js';
import { checkSamples } from './workspace.js';

const result = await checkSamples();
const report = buildReport(result);
const out = {
  cadences: result.cadences.map((c) => [c.person.id, c.state, c.last?.date, c.daysSince, c.overdueBy, c.daysLeft, c.missedPlan]),
  activity: result.activity.map((a) => [a.account.id, a.last?.date, a.daysSince, a.dark]),
  report: report.accounts.map((a) => ({ id: a.id, health: a.health, people: a.people.map((p) => [p.id, p.temperature, p.cadence.explanation]) })),
  findings: result.diagnostics.map((d) => `${d.file}:${d.range.start.line} ${d.rule} ${d.message}`),
  dates: {
    // US DST ends 2026-11-01, EU DST starts 2026-03-29; Kiritimati skipped 1994-12-31 entirely.
    dst: [daysBetween('2026-10-31', '2026-11-02'), daysBetween('2026-03-28', '2026-03-30'), daysBetween('1994-12-30', '1995-01-01')],
    add: [addDays('2026-10-31', 1), addDays('2026-11-01', 1), addDays('2026-03-29', -1), addDays('1994-12-30', 1), addDays('2028-02-28', 1)],
  },
  today: [today(new Date('2026-11-20T09:30:00Z')), today(new Date('2026-11-20T10:30:00Z'))],
};
process.stdout.write(JSON.stringify(out));
