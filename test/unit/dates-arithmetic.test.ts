/**
 * The date arithmetic of src/core/dates.ts reads the digits itself (it runs for every entry of every
 * log in a check); it must give exactly what Date.UTC gives, which is what it did before. The
 * reference below is that earlier code.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dayNumber, isCalendarDate } from '../../src/core/dates.js';

const referenceDayNumber = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
};
const referenceIsCalendarDate = (value: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
};
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('dates: arithmetic on the digits equals Date.UTC', () => {
  it('every day 28–31 and 00 of every month of every year 0000–9999, and every day of 1890–2210', () => {
    for (let y = 0; y <= 9999; y++) {
      for (let m = 0; m <= 13; m++) {
        for (const d of [0, 1, 28, 29, 30, 31, 32]) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          assert.equal(isCalendarDate(s), referenceIsCalendarDate(s), s);
          if (m >= 1 && m <= 12 && d >= 1) assert.equal(dayNumber(s), referenceDayNumber(s), s);
        }
      }
    }
    for (let n = referenceDayNumber('1890-01-01'); n <= referenceDayNumber('2210-12-31'); n++) {
      const s = new Date(n * 86_400_000).toISOString().slice(0, 10);
      assert.equal(dayNumber(s), n, s);
      assert.equal(isCalendarDate(s), true, s);
    }
  });

  it('any string: the same verdict, and the same day number for a string Date.UTC reads', () => {
    const piece = fc.constantFrom('2026', '0099', '0100', '1900', '2000', '-', '01', '02', '12', '13', '29', '30', '31', '00', '1', ' ', '+', '２', 'x', '9999');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }).map((p) => p.join('')), (s) => {
        assert.equal(isCalendarDate(s), referenceIsCalendarDate(s), s);
        const ref = referenceDayNumber(s);
        const got = dayNumber(s);
        assert.ok(Object.is(got, ref) || (Number.isNaN(got) && Number.isNaN(ref)), `${s}: ${got} vs ${ref}`);
      }),
      { numRuns: 20_000 },
    );
  });
});
