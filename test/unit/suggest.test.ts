/** "Did you mean": the bounded edit distance agrees with the full one, and long input costs little. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closest, editDistanceWithin } from '../../src/core/suggest.js';

/** The textbook optimal-string-alignment distance, unbounded: the reference. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('suggestions ("did you mean")', () => {
  it('the bounded distance equals the full distance up to the limit, and limit + 1 beyond it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
      const full = fullDistance(a, b);
      assert.equal(editDistanceWithin(a, b, limit), Math.min(full, limit + 1), `${a} / ${b} limit ${limit}`);
    }), { seed: 20261130, numRuns: 2000 });
  });

  it('keeps the suggestions it always made', () => {
    assert.equal(closest('suportive', ['champion', 'supporter', 'neutral']), 'supporter');
    assert.equal(closest('Caoch', ['EB', 'TB', 'UB', 'Coach']), 'Coach');
    assert.equal(closest('influense', ['influence', 'stance']), 'influence');
    assert.equal(closest('D', ['A', 'B', 'C']), undefined);
    assert.equal(closest('zhang-wie', ['zhang-wei', 'wang-fang']), 'zhang-wei');
  });

  it('work is bounded by length × 3, not length²: two 10,000-character ids', () => {
    // The full matrix of two 10,000-character strings is 10^8 cells (the 9–22 s, 1.7 GB case); the
    // band is 7 cells wide. A counting proxy: the answer for very long inputs is immediate and correct.
    const long = 'a'.repeat(10_000);
    assert.equal(editDistanceWithin(long, `${long.slice(1)}b`, 3), 1);
    assert.equal(editDistanceWithin(long, `b${long.slice(2)}b`, 3), 2);
    assert.equal(editDistanceWithin(long, `bb${long.slice(4)}bb`, 3), 4);
    assert.equal(editDistanceWithin(long, 'b'.repeat(10_000), 3), 4);
    assert.equal(closest(long, [`${long}x`, 'b'.repeat(10_000)]), `${long}x`);
  });
});
