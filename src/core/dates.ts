/**
 * Calendar dates as `YYYY-MM-DD` strings. Dates in plans are calendar days, not instants, so all
 * arithmetic is done on UTC day numbers and never depends on the machine's time zone.
 */

export function isValidDate(value: unknown): value is string {
  return typeof value === 'string' && isCalendarDate(value);
}

/** True for an existing calendar day written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digitsAt(value, 0, 4);
  const mo = digitsAt(value, 5, 2);
  const d = digitsAt(value, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** The number written with `n` ASCII digits at `from`, or -1. */
function digitsAt(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Days in a month as `Date.UTC` counts them (which reads the years 0–99 as 1900–1999). */
function daysInMonth(y: number, mo: number): number {
  if (mo !== 2) return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  const year = y < 100 ? y + 1900 : y;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): no Date, no allocation. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Days since 1970-01-01 for a valid date string. */
export function dayNumber(date: string): number {
  // The hot path of every cadence and temperature: arithmetic on the digits. Anything else (a year
  // before 100, which Date.UTC reads as 19xx) takes Date.UTC, so the result is the same either way.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digitsAt(date, 0, 4);
    const m = digitsAt(date, 5, 2);
    const d = digitsAt(date, 8, 2);
    if (y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= 31) return daysFromCivil(y, m, d);
  }
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Today's calendar date in the local time zone of the machine (what the user calls "today"), or
 * `KEYPLAN_TODAY` when it holds a valid `YYYY-MM-DD`: the one way to pin "today" for scripts and
 * tests (like SOURCE_DATE_EPOCH for builds). An explicit `now` ignores the override.
 */
export function today(now?: Date): string {
  if (now === undefined) {
    const pinned = globalThis.process?.env?.KEYPLAN_TODAY;
    if (pinned && isCalendarDate(pinned)) return pinned;
  }
  const date = now ?? new Date();
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
