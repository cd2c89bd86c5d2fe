/**
 * Calendar dates as `YYYY-MM-DD` strings. Dates in plans are calendar days, not instants, so all
 * arithmetic is done on UTC day numbers and never depends on the machine's time zone.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: unknown): value is string {
  return typeof value === 'string' && isCalendarDate(value);
}

/** True for an existing calendar day written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** Days since 1970-01-01 for a valid date string. */
export function dayNumber(date: string): number {
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
