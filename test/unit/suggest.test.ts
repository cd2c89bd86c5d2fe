/** "Did you mean": the bounded edit distance agrees with the full one, and long input costs little. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closest, editDistanceWithin, MAX_DISTANCES, suggester } from '../../src/core/suggest.js';

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

  it('the character-class filter never hides a suggestion the plain distance would make (same answers as a brute force)', () => {
    const brute = (v: string, cands: string[]) => {
      let best: string | undefined;
      let bestScore = Infinity;
      for (const c of cands) {
        const lc = c.toLowerCase();
        const lv = v.toLowerCase();
        if (lc === lv) return c;
        const longest = Math.max(lv.length, lc.length);
        const limit = longest <= 2 ? 0 : Math.max(1, Math.min(3, Math.floor(longest / 3)));
        const d = editDistanceWithin(lv, lc, limit);
        const score = d - (lc.startsWith(lv) && lv.length >= 3 ? 0.5 : 0);
        if (d <= limit && score < bestScore) [best, bestScore] = [c, score];
      }
      return best;
    };
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,14}$/);
    fc.assert(fc.property(id, fc.array(id, { maxLength: 30 }), (v, cands) => {
      const viaFilter = suggester(cands)(v);
      const expected = brute(v, cands);
      if (expected !== undefined) assert.equal(viaFilter, expected);
    }), { numRuns: 3000, seed: 20261130 });
  });

  it('20,000 unknown @mentions against 1,000 people: every one reported, bounded work, near misses still suggested', () => {
    const people = Array.from({ length: 1000 }, (_, i) => `person-${i}`);
    const suggest = suggester(people);
    assert.equal(suggest('persn-7'), 'person-7');
    const answers = Array.from({ length: 20_000 }, (_, i) => suggest(`persn-${i}`));
    // At most MAX_DISTANCES distances in all: past that, only the cheap suggestions remain.
    assert.ok(answers.slice(0, 900).every((a, i) => a === `person-${i}`), 'the first ones are suggested');
    assert.ok(MAX_DISTANCES <= 1_000_000);
    assert.equal(suggest('Person-5'), 'person-5', 'a case difference is always found');
  });
});
